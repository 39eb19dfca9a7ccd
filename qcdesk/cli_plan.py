"""``qcdesk plan ...`` and ``qcdesk dispute ...``: sampling plans, queues and disputes (issue 13).

Every command prints one JSON object; bad input exits 2 with a message. `cli.py` hands in
its store options and its service opener, so this module does not import it (no cycle).
The reviewer acting is ``--as NAME``, else ``QCDESK_REVIEWER`` (as for the other commands).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

COMMANDS = ("plan", "dispute")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _ids(text: str) -> list[int]:
    try:
        return [int(p) for p in text.split(",") if p.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected ids such as 12,15: {text!r}") from exc


def _proposals(text: str) -> dict[str, str | None]:
    """``next_step=yes,greeting`` -> {"next_step": "yes", "greeting": None}."""
    out: dict[str, str | None] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        cid, sep, value = part.partition("=")
        if not cid.strip() or (sep and not value.strip()):
            raise argparse.ArgumentTypeError(f"expected CRITERION[=ANSWER]: {part!r}")
        out[cid.strip()] = value.strip() if sep else None
    if not out:
        raise argparse.ArgumentTypeError("name at least one criterion")
    return out


def _names(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


def register(sub: Any, add_store_args: Callable[[argparse.ArgumentParser], None]) -> None:
    plan = sub.add_parser("plan", help="sampling plans: draw, assign, follow")
    psub = plan.add_subparsers(dest="plan_command", required=True)
    create = psub.add_parser("create", help="draw a month's sample per consultant")
    create.add_argument("--client", required=True, metavar="NAME_OR_ID")
    create.add_argument("--period", required=True, metavar="YYYY-MM")
    create.add_argument("--per-consultant", required=True, metavar="call=8,chat=4")
    create.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY[=VALUE]",
        help="duration=MIN-MAX, prefill-below=X, critical-no, outcome=goal|no-goal|STAGE, "
        "unreviewed, direction=incoming|outgoing, weekday=1-5, hour=9-13 (repeatable)",
    )
    create.add_argument("--stratify", default="", metavar="direction,channel")
    create.add_argument("--seed", type=int, help="default: a random one (printed, stored)")
    create.add_argument("--due", type=_date, metavar="YYYY-MM-DD")
    assign = psub.add_parser("assign", help="give the sample to reviewers")
    assign.add_argument("--plan", required=True, type=int)
    assign.add_argument("--reviewers", required=True, type=_names, metavar="A,B")
    assign.add_argument("--weights", metavar="2,1", help="shares in proportion (default even)")
    assign.add_argument(
        "--interactions", type=_ids, metavar="ID,ID", help="by hand: only these items"
    )
    assign.add_argument("--due", type=_date, metavar="YYYY-MM-DD")
    assign.add_argument(
        "--reassign", action="store_true", help="also items already given to someone"
    )
    status = psub.add_parser("status", help="items and progress against the quota")
    status.add_argument("--plan", required=True, type=int)
    skip = psub.add_parser("skip", help="skip an item for a reason (and draw a replacement)")
    skip.add_argument("--plan", required=True, type=int)
    skip.add_argument("--interaction", required=True, type=int)
    skip.add_argument("--reason", required=True)
    skip.add_argument("--comment", default="")
    skip.add_argument("--no-replace", action="store_true")
    lst = psub.add_parser("list", help="the plans")
    lst.add_argument("--client", metavar="NAME_OR_ID")
    queue = psub.add_parser("queue", help="a reviewer's open items, due first")
    queue.add_argument("--reviewer", required=True)
    prod = psub.add_parser("productivity", help="reviews per day, minutes, overdue share")
    prod.add_argument("--from", dest="date_from", required=True, type=_date)
    prod.add_argument("--to", dest="date_to", required=True, type=_date)
    prod.add_argument("--client", metavar="NAME_OR_ID")
    for p in (create, assign, status, skip, lst, queue, prod):
        add_store_args(p)
        p.add_argument("--as", dest="acting", metavar="NAME", help="who acts (reviewer name)")

    dispute = sub.add_parser("dispute", help="disputes on reviewed evaluations")
    dsub = dispute.add_subparsers(dest="dispute_command", required=True)
    dopen = dsub.add_parser("open", help="contest answers of a reviewed evaluation")
    which = dopen.add_mutually_exclusive_group(required=True)
    which.add_argument("--evaluation", type=int)
    which.add_argument("--interaction", type=int, help="its newest reviewed evaluation")
    dopen.add_argument(
        "--answers", required=True, type=_proposals, metavar="CRITERION[=ANSWER],...",
        help="the disputed answers, each with the answer proposed if any",
    )  # fmt: skip
    dopen.add_argument("--comment", required=True)
    dopen.add_argument("--on-behalf-of", default="", metavar="NAME")
    decide = dsub.add_parser("decide", help="accept, partially accept or reject a dispute")
    decide.add_argument("--dispute", required=True, type=int)
    decide.add_argument(
        "--outcome", required=True, choices=("accepted", "partially_accepted", "rejected")
    )
    decide.add_argument("--reason", required=True, metavar="CODE",
                        help="reviewer_error, guidance_unclear, evidence_missing, "
                        "not_reviewer_error")  # fmt: skip
    decide.add_argument("--comment", required=True)
    decide.add_argument(
        "--accept", type=_proposals, metavar="CRITERION[=ANSWER],...",
        help="the answers accepted, with the final answer if not the proposed one",
    )  # fmt: skip
    decide.add_argument("--lead", action="store_true", help="decide as the QC lead")
    dlist = dsub.add_parser("list", help="disputes, open ones first")
    dlist.add_argument("--status", choices=("open", "accepted", "partially_accepted", "rejected"))
    dlist.add_argument("--client", metavar="NAME_OR_ID")
    dline = dsub.add_parser("deadline", help="the company's days to decide a dispute")
    dline.add_argument("--client", required=True, metavar="NAME_OR_ID")
    dline.add_argument("--days", type=int, help="set it (default: print it)")
    for p in (dopen, decide, dlist, dline):
        add_store_args(p)
        p.add_argument("--as", dest="acting", metavar="NAME", help="who acts (reviewer name)")


def _print(value: Any) -> int:
    print(json.dumps(value, ensure_ascii=False, sort_keys=False))
    return 0


def _client_id(services: Any, name: str | None) -> int | None:
    return None if name is None else int(services.reports.resolve_client(name).id)


def _weights(text: str | None) -> list[float] | None:
    if text is None:
        return None
    try:
        return [float(p) for p in text.split(",")]
    except ValueError:
        raise ValueError(f"--weights: numbers such as 2,1: {text!r}") from None


def run(args: argparse.Namespace, open_services: Callable[[argparse.Namespace], Any]) -> int:
    """Dispatch one plan or dispute command; ValueError becomes exit 2 with its message."""
    try:
        if args.command == "plan":
            return _plan(args, open_services)
        if args.command == "dispute":
            return _dispute(args, open_services)
    except ValueError as err:
        print(f"qcdesk: {err}", file=sys.stderr)
        return 2
    return 2


def _plan(args: argparse.Namespace, open_services: Callable[[argparse.Namespace], Any]) -> int:
    from qcdesk.domain.sample_filter import parse_filters
    from qcdesk.domain.sampling import parse_quotas
    from qcdesk.services.plans import month_bounds

    cmd = args.plan_command
    if cmd == "create":  # check the text before opening (and maybe creating) a database
        month_bounds(args.period)
        quotas = parse_quotas(args.per_consultant)
        filters = parse_filters(args.filter)
    services = open_services(args)
    if args.acting:
        services.evaluations.reviewer = args.acting
    plans = services.plans
    if cmd == "create":
        made = plans.create(
            _client_id(services, args.client), args.period, quotas, filters,
            _names(args.stratify), args.seed, args.due,
        )  # fmt: skip
        info = next(p for p in plans.plans() if p.id == made.plan_id)
        return _print({**made.as_json(), "seed": info.seed, "due": str(info.due_date)})
    if cmd == "assign":
        given = plans.assign(
            args.plan, args.reviewers, _weights(args.weights),
            interactions=args.interactions, due=args.due, reassign=args.reassign,
        )  # fmt: skip
        return _print({"plan": args.plan, "assigned": given})
    if cmd == "status":
        return _print(plans.status(args.plan).as_json())
    if cmd == "skip":
        item = plans.item_for(args.plan, args.interaction)
        new = plans.skip(item, args.reason, args.comment, replace=not args.no_replace)
        return _print(
            {"skipped": args.interaction, "replacement": new.interaction_id if new else None}
        )
    if cmd == "list":
        return _print(
            [
                {"plan": p.id, "client": p.client, "period": p.period, "quotas": p.quotas,
                 "filters": p.filters, "stratify": list(p.stratify), "seed": p.seed,
                 "due": str(p.due_date) if p.due_date else None}
                for p in plans.plans(_client_id(services, args.client))
            ]
        )  # fmt: skip
    if cmd == "queue":
        return _print(
            {"reviewer": args.reviewer, "items": [i.as_json() for i in plans.queue(args.reviewer)]}
        )
    if args.date_to < args.date_from:
        raise ValueError("--to is before --from")
    rows = plans.productivity(args.date_from, args.date_to, _client_id(services, args.client))
    return _print({r.reviewer: r.as_json() for r in rows})


def _dispute(args: argparse.Namespace, open_services: Callable[[argparse.Namespace], Any]) -> int:
    services = open_services(args)
    if args.acting:
        services.evaluations.reviewer = args.acting
    disputes = services.disputes
    cmd = args.dispute_command
    if cmd == "open":
        evaluation = args.evaluation
        if evaluation is None:
            evaluation = disputes.evaluation_of(args.interaction)
            if evaluation is None:
                raise ValueError(f"interaction {args.interaction} has no reviewed evaluation")
        made = disputes.open(evaluation, args.answers, args.comment, args.on_behalf_of)
        return _print(made.as_json())
    if cmd == "decide":
        done = disputes.decide(
            args.dispute, args.outcome, args.reason, args.comment, args.accept, as_lead=args.lead
        )
        return _print(done.as_json())
    if cmd == "deadline":
        client_id = _client_id(services, args.client)
        assert client_id is not None  # --client is required
        if args.days is not None:
            disputes.set_deadline_days(client_id, args.days)
        return _print({"client": client_id, "days": disputes.deadline_days(client_id)})
    rows = disputes.list(status=args.status, client_id=_client_id(services, args.client))
    return _print({"disputes": [d.as_json() for d in rows]})
