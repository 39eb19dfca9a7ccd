"""``qcdesk calibration create|submit|results|close|reference|export|import|alignment``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def _ids(text: str) -> list[int]:
    try:
        ids = [int(p) for p in text.split(",") if p.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of ids: {text!r}") from None
    if not ids:
        raise argparse.ArgumentTypeError("no id given")
    return ids


def _names(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


def register(sub: Any, store_args: Any) -> None:
    """Add the ``calibration`` command; *store_args* adds --db/--library as elsewhere."""
    cal = sub.add_parser("calibration", help="calibration sessions: blind scoring, agreement")
    csub = cal.add_subparsers(dest="calibration_command", required=True)
    create = csub.add_parser("create", help="start a session (prints its id)")
    store_args(create)
    create.add_argument("--client", required=True, metavar="NAME")
    pick = create.add_mutually_exclusive_group(required=True)
    pick.add_argument("--interactions", type=_ids, metavar="ID,ID")
    pick.add_argument("--draw", type=int, metavar="N", help="draw N interactions at random")
    create.add_argument("--seed", type=int, default=0, help="for --draw (default 0)")
    create.add_argument("--kind", choices=("call", "chat", "visit"), help="for --draw")
    create.add_argument("--participants", required=True, type=_names, metavar="A,B,C")
    create.add_argument("--title", default="")
    submit = csub.add_parser("submit", help="a participant's final answers")
    store_args(submit)
    submit.add_argument("--session", required=True, type=int)
    submit.add_argument("--reviewer", required=True, metavar="NAME")
    submit.add_argument(
        "--answers",
        type=Path,
        metavar="FILE.json",
        help='{"<interaction id>": {"<criterion id>": "yes"|"no"|"partial"|"na"|1..5}}',
    )
    results = csub.add_parser("results", help="agreement per criterion and overall")
    store_args(results)
    results.add_argument("--session", required=True, type=int)
    close = csub.add_parser("close", help="close the session: results show without the rest")
    store_args(close)
    close.add_argument("--session", required=True, type=int)
    ref = csub.add_parser("reference", help="record the agreed answers (reference evaluations)")
    store_args(ref)
    ref.add_argument("--session", required=True, type=int)
    ref.add_argument("--answers", required=True, type=Path, metavar="FILE.json")
    ref.add_argument("--lead", metavar="NAME", help="who decided (default: QCDESK_REVIEWER)")
    exp = csub.add_parser("export", help="write the session as a .qcpack file")
    store_args(exp)
    exp.add_argument("--session", required=True, type=int)
    exp.add_argument("--out", required=True, type=Path, metavar="FILE.qcpack")
    exp.add_argument("--force", action="store_true", help="replace FILE if it exists")
    imp = csub.add_parser("import", help="bring in a .qcpack: interactions, references, answers")
    store_args(imp)
    imp.add_argument("--pack", required=True, type=Path, metavar="FILE.qcpack")
    imp.add_argument(
        "--client", metavar="NAME", help="the company to put it under (default: the pack's)"
    )
    ali = csub.add_parser("alignment", help="reviewers against the references: agreement, drift")
    store_args(ali)
    ali.add_argument("--client", metavar="NAME")
    ali.add_argument("--reviewer", metavar="NAME", help="also list where they differ")


def _info_json(info: Any) -> dict[str, Any]:
    return {
        "session": info.id,
        "client": info.client,
        "status": info.status,
        "participants": [{"name": n, "submitted": done} for n, done in info.participants],
        "interactions": [i.interaction_id for i in info.items],
        "results_open": info.results_open,
    }


def _alignment_json(services: Any, client: str | None, reviewer: str | None) -> dict[str, Any]:
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    rows = services.alignment.report(client)
    out: dict[str, Any] = {
        "reviewers": [
            {
                "reviewer": a.reviewer,
                "attempts": a.attempts,
                "agreement": r(a.agreement),
                "drift": r(a.drift),
                "criteria": [
                    {
                        "criterion": c.criterion_id,
                        "compared": c.compared,
                        "agreement": r(c.agreement),
                        "drift": r(c.drift),
                    }
                    for c in a.criteria
                ],  # fmt: skip
                "months": [
                    {
                        "month": p.period,
                        "attempts": p.attempts,
                        "agreement": r(p.agreement),
                        "drift": r(p.drift),
                    }
                    for p in a.periods
                ],  # fmt: skip
            }
            for a in rows
            if reviewer is None or a.reviewer == reviewer
        ]
    }
    if reviewer is not None:
        out["differences"] = [
            {"interaction": d.interaction_id, "criterion": d.criterion_id, "given": d.given,
             "reference": d.reference, "guidance": d.guidance}
            for d in services.alignment.onboarding(reviewer)
        ]  # fmt: skip
    return out


def run(args: argparse.Namespace, services: Any) -> int:
    """Print the command's JSON; a KnownError reaches the caller (exit 2 with its message)."""
    from qcdesk.domain.calibration import comparison_json
    from qcdesk.services.calibration_files import read_answers_file

    cal = services.calibration
    command = args.calibration_command
    out: dict[str, Any]
    if command == "create":
        ids = args.interactions or cal.draw(args.client, args.draw, args.seed, args.kind)
        info = cal.create(args.client, ids, args.participants, args.title)
        out = {"session": info.id, "interactions": [i.interaction_id for i in info.items]}
    elif command == "submit":
        answers = read_answers_file(args.answers) if args.answers else None
        out = _info_json(cal.submit(args.session, args.reviewer, answers))
    elif command == "close":
        out = _info_json(cal.close(args.session))
    elif command == "reference":
        recorded = []
        for iid, answers in read_answers_file(args.answers).items():
            state = cal.record_reference(args.session, iid, answers, args.lead)
            recorded.append({"interaction": iid, "evaluation": state.evaluation_id})
        out = {"session": args.session, "references": recorded}
    elif command == "export":
        path = services.packs.export(args.session, args.out, force=args.force)
        out = {"session": args.session, "pack": str(path)}
    elif command == "import":
        done = services.packs.import_pack(args.pack, args.client)
        out = {"interactions": list(done.interactions), "references": done.references,
               "session": done.session_id}  # fmt: skip
    elif command == "alignment":
        out = _alignment_json(services, args.client, args.reviewer)
    else:
        res = cal.results(args.session)
        out = _info_json(res.info) | comparison_json(res.comparison)
        out["references"] = {str(k): v for k, v in res.references.items()}
    print(json.dumps(out, ensure_ascii=False, sort_keys=True))
    return 0
