"""``qcdesk coaching ...`` and ``qcdesk meeting ...``: plans, sessions, progress, meeting packs.

Every command prints one JSON object; bad input exits 2 with a message on stderr (as the rest
of ``qcdesk.cli``). Names resolve as in ``qcdesk report`` (exact, else a unique part, or an id).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any


def _when(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"not a date or date and time (YYYY-MM-DD[THH:MM]): {text!r}"
        ) from exc


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _action(text: str) -> tuple[str, str, date | None]:
    """``TEXT[|OWNER[|YYYY-MM-DD]]``."""
    parts = [p.strip() for p in text.split("|")]
    if not parts[0] or len(parts) > 3:
        raise argparse.ArgumentTypeError(f"expected TEXT[|OWNER[|YYYY-MM-DD]]: {text!r}")
    due = _day(parts[2]) if len(parts) == 3 and parts[2] else None
    return parts[0], parts[1] if len(parts) > 1 else "", due


def register(sub: Any, add_store_args: Any) -> None:
    """Add the ``coaching`` and ``meeting`` commands to the main parser's subparsers."""
    co = sub.add_parser("coaching", help="development plans, coaching sessions and progress")
    csub = co.add_subparsers(dest="coaching_command", required=True)

    plan = csub.add_parser("plan", help="show the consultant's plan, or propose one (JSON)")
    add_store_args(plan)
    plan.add_argument("--consultant", required=True, metavar="NAME_OR_ID")
    plan.add_argument("--client", metavar="NAME_OR_ID", help="when names repeat")
    plan.add_argument(
        "--propose", action="store_true", help="propose from recurring errors even if one exists"
    )
    plan.add_argument("--save", action="store_true", help="store it as the next plan version")
    plan.add_argument("--coach", help="who coaches (with --save)")
    plan.add_argument("--due", type=_day, metavar="YYYY-MM-DD", help="the plan's due date")
    plan.add_argument("--target", type=float, metavar="PERCENT", help="every focus's target")
    plan.add_argument("--notes")
    plan.add_argument("--pdf", type=Path, metavar="FILE.pdf", help="print the plan on one page")
    plan.add_argument("--lang", choices=("ru", "en"), help="of --pdf; default: the client's")
    plan.add_argument("--clips", type=Path, metavar="DIR", help="cut the examples' audio clips")
    plan.add_argument("--force", action="store_true", help="replace FILE.pdf or the clips")

    ses = csub.add_parser("session", help="coaching sessions and planning meetings")
    ssub = ses.add_subparsers(dest="session_command", required=True)
    add = ssub.add_parser("add", help="record a session with its agreed actions (JSON)")
    add_store_args(add)
    add.add_argument("--consultant", metavar="NAME_OR_ID", help="omit for a team meeting")
    add.add_argument("--client", metavar="NAME_OR_ID", help="needed without --consultant")
    add.add_argument("--date", required=True, type=_when, metavar="YYYY-MM-DD[THH:MM]")
    add.add_argument("--format", required=True, choices=("one_to_one", "group", "call", "meeting"))
    add.add_argument("--participant", action="append", default=[], metavar="NAME")
    add.add_argument("--notes", default="")
    add.add_argument(
        "--action",
        action="append",
        default=[],
        type=_action,
        metavar="TEXT|OWNER|YYYY-MM-DD",
        help="an agreed action (repeatable); owner and due date optional",
    )
    add.add_argument("--acknowledged", action="store_true", help="the consultant acknowledged")
    add.add_argument("--ack-date", type=_day, metavar="YYYY-MM-DD", help="default: the date")
    lst = ssub.add_parser("list", help="sessions with their actions, newest first (JSON)")
    add_store_args(lst)
    lst.add_argument("--consultant", metavar="NAME_OR_ID")
    lst.add_argument("--client", metavar="NAME_OR_ID")

    act = csub.add_parser("action", help="mark an agreed action done (or open again)")
    add_store_args(act)
    act.add_argument("--id", required=True, type=int)
    act.add_argument("--undo", action="store_true", help="open again")
    act.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="done on (default today)")

    pr = csub.add_parser("progress", help="focus criteria before and after a session (JSON)")
    add_store_args(pr)
    pr.add_argument("--consultant", required=True, metavar="NAME_OR_ID")
    pr.add_argument("--client", metavar="NAME_OR_ID")
    pr.add_argument("--session", type=int, metavar="ID", help="default: the newest session")

    win = csub.add_parser("window", help="evaluations compared on each side of a session")
    add_store_args(win)
    win.add_argument("--client", required=True, metavar="NAME_OR_ID")
    win.add_argument("--n", type=int, metavar="N", help="set it (1..200); default: show it")

    me = sub.add_parser("meeting", help="planning meetings with the head of sales")
    msub = me.add_subparsers(dest="meeting_command", required=True)
    pack = msub.add_parser("pack", help="the meeting's PDF and audio clips (JSON)")
    add_store_args(pack)
    pack.add_argument("--client", required=True, metavar="NAME_OR_ID")
    pack.add_argument("--from", dest="date_from", required=True, type=_day, metavar="YYYY-MM-DD")
    pack.add_argument("--to", dest="date_to", required=True, type=_day, metavar="YYYY-MM-DD")
    pack.add_argument("--out", required=True, type=Path, metavar="DIR")
    pack.add_argument("--lang", choices=("ru", "en"), help="default: the client's language")
    pack.add_argument("--force", action="store_true", help="replace an existing pack in DIR")


def _print(data: dict[str, Any]) -> int:
    print(json.dumps(data, ensure_ascii=False))
    return 0


def _person(services: Any, args: argparse.Namespace) -> Any:
    client = services.reports.resolve_client(args.client) if args.client else None
    return services.reports.resolve_consultant(args.consultant, client.id if client else None)


def run(args: argparse.Namespace, services: Any) -> int:
    """Dispatch one coaching or meeting command; ValueError exits 2 with its message."""
    try:
        if args.command == "meeting":
            return _pack(args, services)
        if args.coaching_command == "plan":
            return _plan(args, services)
        if args.coaching_command == "session":
            return _session(args, services)
        if args.coaching_command == "window":
            client = services.reports.resolve_client(args.client)
            if args.n is not None:
                services.coaching.set_progress_window(client.id, args.n)
            n = services.coaching.progress_window(client.id)
            return _print({"client": client.name, "n": n})
        if args.coaching_command == "action":
            services.coaching.set_action_done(args.id, not args.undo, args.date)
            return _print({"id": args.id, "done": not args.undo})
        person = _person(services, args)
        return _print(services.coaching.progress(person.id, args.session).as_json())
    except ValueError as exc:
        print(f"qcdesk: {exc}", file=sys.stderr)
        return 2


def _plan(args: argparse.Namespace, services: Any) -> int:
    person = _person(services, args)
    coaching = services.coaching
    plan = None if args.propose else coaching.current_plan(person.id)
    if plan is None:
        plan = coaching.propose_plan(person.id)
    if args.clips:
        if plan.proposed:
            print(f"qcdesk: {person.name} has no saved plan (use --save)", file=sys.stderr)
            return 2
        clips, index, skipped = services.meetings.write_plan_clips(
            person.id, args.clips, replace_existing=args.force
        )
        for why in skipped:
            print(f"qcdesk: no clip for {why}", file=sys.stderr)
        return _print({"clips": len(clips), "index": str(index), "skipped": skipped})
    if args.pdf:
        if plan.proposed:
            print(f"qcdesk: {person.name} has no saved plan to print (use --save)", file=sys.stderr)
            return 2
        lang = args.lang or services.reports.client_language(person.client_id)
        path = services.reports.write_plan_pdf(person.id, args.pdf, lang, replace=args.force)
        return _print(plan.as_json() | {"pdf": str(path)})
    if not args.save:
        return _print(plan.as_json())
    draft = plan.draft()
    if args.target is not None:
        draft = replace(draft, focus=tuple(replace(f, target=args.target) for f in draft.focus))
    draft = replace(
        draft,
        coach=draft.coach if args.coach is None else args.coach,
        due_date=args.due or draft.due_date,
        notes=draft.notes if args.notes is None else args.notes,
    )
    if not draft.focus:
        print(f"qcdesk: {person.name} has no recurring error to focus on", file=sys.stderr)
        return 2
    return _print(coaching.save_plan(person.id, draft).as_json())


def _session(args: argparse.Namespace, services: Any) -> int:
    from qcdesk.services.coaching_dto import ActionDraft, SessionDraft

    today = date.today()
    person = _person(services, args) if args.consultant else None
    if person is None and not args.client:
        print("qcdesk: give --consultant or --client", file=sys.stderr)
        return 2
    client_id = person.client_id if person else services.reports.resolve_client(args.client).id
    if args.session_command == "list":
        found = services.coaching.sessions(
            consultant_id=person.id if person else None,
            client_id=None if person else client_id,
        )
        return _print({"sessions": [x.as_json(today) for x in found]})
    made = services.coaching.add_session(
        SessionDraft(
            client_id=client_id,
            held_at=args.date,
            format=args.format,
            consultant_id=person.id if person else None,
            participants=tuple(args.participant),
            notes=args.notes,
            actions=tuple(ActionDraft(*a) for a in args.action),
            acknowledged=args.acknowledged,
            acknowledged_on=args.ack_date,
        )
    )
    return _print(made.as_json(today))


def _pack(args: argparse.Namespace, services: Any) -> int:
    from qcdesk.reports.model import Period

    if args.date_to < args.date_from:
        print("qcdesk: --to is before --from", file=sys.stderr)
        return 2
    client = services.reports.resolve_client(args.client)
    lang = args.lang or services.reports.client_language(client.id)
    result = services.meetings.write_pack(
        client.id, Period(args.date_from, args.date_to), args.out, lang, replace_existing=args.force
    )
    for why in result.skipped:
        print(f"qcdesk: no clip for {why}", file=sys.stderr)
    return _print(
        {
            "pdf": str(result.pdf),
            "clips": len(result.clips),
            "index": str(result.index),
            "skipped": list(result.skipped),
        }
    )
