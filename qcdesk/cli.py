"""The command line: headless commands over the same services as the GUI.

``qcdesk`` alone opens the window; subcommands are a stable contract used by acceptance checks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from qcdesk import cli_calibration, cli_calllog, cli_coaching, cli_plan
from qcdesk.errors import KnownError

LANGUAGE_SETTINGS = ("auto", "ru", "en")  # domain.language.SETTINGS, without importing it here


def _add_store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, help="SQLite database file (default: user data folder)")
    p.add_argument(
        "--library",
        type=Path,
        help="media library folder (default: the one the database remembers, else beside it)",
    )


def _paths(args: argparse.Namespace, *, demo: bool = False) -> tuple[Path, Path | None]:
    """The database, and the library when given (None: the one the database remembers)."""
    from qcdesk.services.context import default_data_dir

    base = default_data_dir() / ("demo" if demo else "")
    return args.db or base / "qcdesk.db", args.library


def _services(args: argparse.Namespace, *, demo: bool = False):  # type: ignore[no-untyped-def]
    from qcdesk.services.context import open_services

    db, library = _paths(args, demo=demo)
    return open_services(db, library, reviewer=os.environ.get("QCDESK_REVIEWER", ""))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qcdesk", description="Sales quality-control workspace")
    parser.add_argument("--log-file", type=Path, metavar="FILE", help="also log to FILE")
    parser.add_argument(
        "--log-level", choices=("debug", "info", "warning"), default="info", help="for --log-file"
    )
    sub = parser.add_subparsers(dest="command")

    gui = sub.add_parser("gui", help="open the window (the default)")
    _add_store_args(gui)
    gui.add_argument("--lang", choices=("ru", "en"))

    imp = sub.add_parser("import", help="import recordings (files or folders)")
    _add_store_args(imp)
    imp.add_argument("--client", required=True)
    imp.add_argument("--consultant")
    imp.add_argument("--direction", choices=("incoming", "outgoing"))
    imp.add_argument("--consultant-channel", choices=("left", "right"), default="left")
    imp.add_argument("--pattern", action="append", help="file name pattern (repeatable)")
    imp.add_argument(
        "--language",
        choices=LANGUAGE_SETTINGS,
        help="the calls' language (default: the client company's; auto: detect per call)",
    )
    imp.add_argument("paths", nargs="+", type=Path)

    chat = sub.add_parser("import-chat", help="import chat exports (files or folders)")
    _add_store_args(chat)
    chat.add_argument("--client", required=True)
    chat.add_argument(
        "--consultant", required=True, metavar="AUTHOR", help="the author who is the consultant"
    )
    chat.add_argument(
        "--format", choices=("auto", "telegram", "whatsapp", "csv", "json"), default="auto"
    )
    chat.add_argument("paths", nargs="+", type=Path, metavar="FILE")

    lst = sub.add_parser("list", help="list interactions")
    _add_store_args(lst)
    lst.add_argument("--json", action="store_true", help="print a JSON array")
    # The window's filter bar, as options: both build one InteractionFilter for one query.
    lst.add_argument("--client", metavar="NAME_OR_ID")
    lst.add_argument("--consultant", metavar="NAME_OR_ID")
    lst.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    lst.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    lst.add_argument("--status", choices=("new", "in_progress", "reviewed"))
    lst.add_argument("--kind", choices=("call", "chat", "visit"))
    lst.add_argument(
        "--transcribed", choices=("yes", "no"), help="only those with (or without) a transcript"
    )
    lst.add_argument(
        "--search", default="", metavar="TEXT", help="customer or consultant, ignoring case"
    )

    tpl = sub.add_parser("template", help="checklist templates")
    tsub = tpl.add_subparsers(dest="template_command", required=True)
    val = tsub.add_parser("validate", help="validate template files")
    val.add_argument("files", nargs="+", type=Path)
    timp = tsub.add_parser("import", help="store a template file as a published version")
    _add_store_args(timp)
    timp.add_argument("file", type=Path, metavar="FILE.yaml")
    timp.add_argument("--client", metavar="NAME", help="the client company it belongs to")
    texp = tsub.add_parser("export", help="write a template as YAML, XLSX or a blank PDF form")
    _add_store_args(texp)
    texp.add_argument("--id", required=True, metavar="ID", help="template id (or database id)")
    texp.add_argument("--version", type=int, help="default: the newest published version")
    texp.add_argument("--out", required=True, type=Path, metavar="FILE.yaml|FILE.xlsx|FILE.pdf")

    demo = sub.add_parser("demo", help="create (and open) the demo project")
    _add_store_args(demo)
    demo.add_argument(
        "--open",
        dest="open",
        action="store_true",
        default=None,
        help="open the window afterwards (default when run in a terminal)",
    )
    demo.add_argument("--no-open", dest="open", action="store_false")
    demo.add_argument("--lang", choices=("ru", "en"))
    demo.add_argument(
        "--size",
        choices=("small", "large"),
        default="small",
        help="small: the 30-call demo; large: a synthetic history for benchmarks",
    )
    demo.add_argument("--seed", type=int, default=1, help="random seed of --size large")

    rep = sub.add_parser("report", help="write a PDF (and XLSX) report")
    rsub = rep.add_subparsers(dest="report_command", required=True)
    for kind in ("consultant", "team"):
        rp = rsub.add_parser(kind, help=f"the {kind} report for a period")
        _add_store_args(rp)
        if kind == "consultant":
            rp.add_argument("--consultant", required=True, metavar="NAME_OR_ID")
            rp.add_argument("--client", metavar="NAME_OR_ID", help="when names repeat")
        else:
            rp.add_argument("--client", required=True, metavar="NAME_OR_ID")
        rp.add_argument("--from", dest="date_from", required=True, type=_date, metavar="YYYY-MM-DD")
        rp.add_argument("--to", dest="date_to", required=True, type=_date, metavar="YYYY-MM-DD")
        rp.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
        rp.add_argument("--xlsx", type=Path, metavar="FILE.xlsx")
        rp.add_argument("--force", action="store_true", help="replace existing output files")
        rp.add_argument("--lang", choices=("ru", "en"), help="default: the client's language")

    tr = sub.add_parser("transcribe", help="transcribe interactions' recordings (JSON lines)")
    _add_store_args(tr)
    which = tr.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every interaction with a recording")
    which.add_argument("ids", nargs="*", type=int, default=[], metavar="ID")
    tr.add_argument(
        "--language",
        choices=LANGUAGE_SETTINGS,
        help="set these interactions' language first (default: keep their setting)",
    )
    _add_asr_args(tr)
    tr.add_argument(
        "--overwrite-edits",
        action="store_true",
        help="replace transcripts a reviewer corrected (default: skip them, status skipped_edited)",
    )

    auto = sub.add_parser("autoscore", help="suggest checklist answers for a transcript (JSON)")
    auto.add_argument("--template", required=True, metavar="FILE_OR_ID")
    auto.add_argument("--transcript", required=True, type=Path, metavar="FILE.json")

    agr = sub.add_parser("agreement", help="auto-prefill agreement with reviewers per criterion")
    _add_store_args(agr)
    agr.add_argument("--client", metavar="NAME_OR_ID")
    agr.add_argument("--json", action="store_true", help="print one JSON object")

    tf = sub.add_parser(
        "transcribe-file", help="transcribe one audio file to the transcript format"
    )
    tf.add_argument("audio", type=Path, metavar="AUDIO")
    tf.add_argument("--out", required=True, type=Path, metavar="FILE.json")
    split = tf.add_mutually_exclusive_group()
    split.add_argument(
        "--roles",
        type=_roles,
        default=("consultant", "client"),
        metavar="LEFT,RIGHT",
        help="speakers of the left and right channel (default: consultant,client)",
    )
    split.add_argument("--mono", action="store_true", help="split speakers on the mixed signal")
    tf.add_argument(
        "--language",
        choices=LANGUAGE_SETTINGS,
        default="auto",
        help="default auto: detected on the opening speech",
    )
    _add_asr_args(tf)

    bak = sub.add_parser("backup", help="back up the project (database and library) to a zip")
    _add_store_args(bak)
    bak.add_argument("--out", required=True, type=Path, metavar="FILE.zip")
    bak.add_argument(
        "--no-media", action="store_true", help="leave library files out (their hashes are kept)"
    )
    bak.add_argument("--force", action="store_true", help="replace FILE if it exists")

    res = sub.add_parser("restore", help="restore a project from a backup zip")
    _add_store_args(res)
    res.add_argument("--from", dest="source", required=True, type=Path, metavar="FILE.zip")
    res.add_argument("--force", action="store_true", help="replace an existing (closed) project")

    visit = sub.add_parser("visit", help="mystery-shopping assignments")
    vsub = visit.add_subparsers(dest="visit_command", required=True)
    vadd = vsub.add_parser("add", help="create an assignment (prints its id)")
    _add_store_args(vadd)
    vadd.add_argument("--client", required=True)
    vadd.add_argument("--channel", required=True, choices=("visit", "call", "online"))
    vadd.add_argument("--location", required=True, metavar="TEXT")
    vadd.add_argument("--consultant", metavar="NAME", help="omit when identified later")
    vadd.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the planned date")
    vadd.add_argument("--scenario", default="")
    vadd.add_argument("--shopper", default="")
    vadd.add_argument("--attach", nargs="+", type=Path, default=[], metavar="FILE")

    trn = sub.add_parser("transcript", help="interaction transcripts")
    trsub = trn.add_subparsers(dest="transcript_command", required=True)
    trexp = trsub.add_parser(
        "export", help="write a transcript as TXT, SRT, VTT or qcdesk JSON (by the extension)"
    )
    _add_store_args(trexp)
    trexp.add_argument("--id", type=int, required=True, help="the interaction")
    trexp.add_argument("--out", type=Path, required=True, metavar="FILE")
    trexp.add_argument("--force", action="store_true", help="overwrite an existing file")
    trexp.add_argument("--lang", choices=("ru", "en"), default="ru", help="speaker names")
    cli_calibration.register(sub, _add_store_args)
    cli_calllog.register(sub, _add_store_args)
    cli_coaching.register(sub, _add_store_args)
    cli_plan.register(sub, _add_store_args)
    return parser


def _add_asr_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="NAME_OR_DIR", help="default: the bundled base model")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")


def _roles(text: str) -> tuple[str, str]:
    parts = tuple(p.strip() for p in text.split(","))
    if len(parts) != 2 or not all(parts):
        raise argparse.ArgumentTypeError(f"expected LEFT,RIGHT (e.g. consultant,client): {text!r}")
    return parts  # type: ignore[return-value]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def cmd_report(args: argparse.Namespace) -> int:
    from qcdesk.reports.model import Period

    if args.date_to < args.date_from:
        print("qcdesk: --to is before --from", file=sys.stderr)
        return 2
    period = Period(args.date_from, args.date_to)
    reports = _services(args).reports
    # Refuse a bad target before any work, and before the first file is written.
    outputs = reports.check_outputs(
        [args.out, *([args.xlsx] if args.xlsx else [])], replace=args.force
    )
    if args.report_command == "consultant":
        client = reports.resolve_client(args.client) if args.client else None
        person = reports.resolve_consultant(args.consultant, client.id if client else None)
        report = reports.consultant_report(person.id, period)
        client_id = person.client_id
    else:
        client = reports.resolve_client(args.client)
        report = reports.team_report(client.id, period)
        client_id = client.id
    lang = args.lang or reports.client_language(client_id)
    written = {"pdf": str(reports.write_pdf(report, outputs[0], lang, replace=args.force))}
    if args.xlsx:
        written["xlsx"] = str(reports.write_xlsx(report, outputs[1], lang, replace=args.force))
    written["evaluations"] = report.summary.evaluations
    print(json.dumps(written, ensure_ascii=False))
    return 0


def cmd_transcribe(args: argparse.Namespace) -> int:
    """One JSON line per interaction; a failed one is reported and the batch goes on.

    The interactions go through the window's queue (`TranscriptionRunner.run_now`), so the
    queue shows what ran. A transcript a reviewer corrected is not replaced without
    ``--overwrite-edits``: its line says ``"status": "skipped_edited"`` with the number of
    corrected segments.
    """
    from qcdesk.asr import create_engine
    from qcdesk.services.transcription_runner import TranscriptionRunner

    services = _services(args)
    engine = create_engine(args.model, device=args.device)  # a bad device fails here, once
    runner = TranscriptionRunner(services.transcription_queue, lambda: engine)
    ids = services.transcription_queue.all_with_media() if args.all else args.ids
    failed = 0
    if args.language:  # the interactions' own language from now on, not just this run
        for interaction_id in ids:
            try:
                services.interactions.set_language(interaction_id, args.language)
            except KnownError:
                continue  # no such interaction: its line below reports it as failed
    for result in runner.run_now(ids, overwrite_edits=args.overwrite_edits):
        line: dict[str, object] = {"id": result.interaction_id}
        outcome = result.outcome
        if result.edited:
            line |= {
                "status": "skipped_edited",
                "audio_seconds": None,
                "edited_segments": result.edited,
            }
        elif result.error is not None or outcome is None:
            failed += 1
            line |= {"status": "failed", "audio_seconds": None, "error": str(result.error)}
        else:
            line |= {
                "status": "done",
                "audio_seconds": round(outcome.audio_seconds, 2),
                "segments": outcome.segments,
                "uncertain": outcome.uncertain,
                "language": outcome.language,
            }
        line["wall_seconds"] = round(result.wall_seconds, 2)
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def cmd_transcribe_file(args: argparse.Namespace) -> int:
    from qcdesk.asr import create_engine
    from qcdesk.asr.pipeline import transcribe_file, transcript_json
    from qcdesk.errors import QT_TRANSLATE_NOOP, atomic_write

    engine = create_engine(args.model, device=args.device)
    result = transcribe_file(
        args.audio, engine=engine, roles=args.roles, mono=args.mono, language=args.language
    )
    data = transcript_json(result.transcript, id=args.audio.stem, duration=result.duration)
    template = QT_TRANSLATE_NOOP("KnownError", "Cannot write {path}: {detail}")
    with atomic_write(args.out, template) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = {
        "out": str(args.out),
        "segments": len(result.transcript.segments),
        "duration": round(result.duration, 2),
        "uncertain": result.uncertain,
        "language": result.transcript.language,
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def cmd_autoscore(args: argparse.Namespace) -> int:
    from qcdesk.services.autoscore import autoscore, read_transcript, resolve_template, to_json

    template = resolve_template(args.template)
    print(to_json(autoscore(template, read_transcript(args.transcript))))
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from qcdesk.services.agreement import format_table

    report = _services(args).agreement.report(args.client)
    as_json = json.dumps(report.as_json(), ensure_ascii=False, sort_keys=True)
    print(as_json if args.json else format_table(report))
    return 0


def cmd_visit_add(args: argparse.Namespace) -> int:
    """Print ``{"id", "attached", "failed"}`` as JSON, like every other command.

    A file that cannot be attached fails the command (exit 2, named).

    Every file is checked before anything is created, so a typo in a path leaves no empty
    assignment behind.
    """
    from qcdesk.audio.decode import decode
    from qcdesk.services.attachment_files import detect_kind
    from qcdesk.services.dto import AssignmentDraft

    for path in args.attach:
        if detect_kind(path) == "audio":
            decode(path)
    services = _services(args)
    made = services.mystery.create(
        AssignmentDraft(
            client=args.client,
            channel=args.channel,
            location=args.location,
            consultant=args.consultant,
            scenario=args.scenario,
            planned_date=args.date,
            shopper=args.shopper,
        )
    )
    added, failed = services.mystery.add_attachments(made.interaction_id, args.attach)
    for f in failed:
        print(f"qcdesk: {f.error}", file=sys.stderr)
    result = {
        "id": made.interaction_id,
        "attached": len(added),
        "failed": [{"path": f.path, "error": f.error} for f in failed],
    }
    print(json.dumps(result, ensure_ascii=False))
    return 2 if failed else 0


def cmd_transcript_export(args: argparse.Namespace) -> int:
    """Print {"id", "path", "format"}; a refused or failed write exits 2 with the reason."""
    from qcdesk.services.transcript_export import format_for

    fmt = format_for(args.out)
    path = _services(args).transcripts.export(args.id, args.out, lang=args.lang, force=args.force)
    print(json.dumps({"id": args.id, "path": str(path), "format": fmt}, ensure_ascii=False))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Print the backup's summary; files the database lists but the library lacks exit 1."""
    from qcdesk.services.backup import backup_project

    db, library = _paths(args)
    result = backup_project(
        db, library, args.out, include_media=not args.no_media, force=args.force
    )
    assert result is not None  # only a cancel returns None, and the CLI never cancels
    print(json.dumps(result.as_json(), ensure_ascii=False))
    for name in result.missing:
        print(f"qcdesk: missing from the library: {name}", file=sys.stderr)
    for name in result.damaged:
        print(f"qcdesk: does not match its hash: {name}", file=sys.stderr)
    return 1 if result.missing or result.damaged else 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Print what was restored; library files neither in the backup nor on disk exit 1."""
    from qcdesk.services.restore import restore_project

    db, library = _paths(args)
    result = restore_project(args.source, db, library, force=args.force)
    print(json.dumps(result.as_json(), ensure_ascii=False))
    for name in result.missing:
        print(f"qcdesk: not in the backup nor in the library: {name}", file=sys.stderr)
    return 1 if result.missing else 0


def cmd_import(args: argparse.Namespace) -> int:
    from qcdesk.services.importer import ImportOptions

    services = _services(args)
    options = ImportOptions(
        client=args.client,
        consultant=args.consultant,
        direction=args.direction,
        filename_patterns=tuple(args.pattern) if args.pattern else None,
        consultant_channel=args.consultant_channel,
        language=args.language,
    )
    report = services.importer.import_paths(args.paths, options)
    print(json.dumps(report.as_json(), ensure_ascii=False))
    everything_failed = bool(report.failed) and not report.imported and not report.duplicates
    return 1 if everything_failed else 0


def cmd_import_chat(args: argparse.Namespace) -> int:
    """Same JSON summary and exit code as ``import``; CSV columns are guessed from the header."""
    from qcdesk.services.chat_import import ChatImportOptions

    options = ChatImportOptions(client=args.client, consultant=args.consultant, fmt=args.format)
    report = _services(args).chats.import_paths(args.paths, options)
    print(json.dumps(report.as_json(), ensure_ascii=False))
    everything_failed = bool(report.failed) and not report.imported and not report.duplicates
    return 1 if everything_failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    """The list with the window's filters; an unknown company or consultant exits 2, named."""
    from qcdesk.services.dto import InteractionFilter

    services = _services(args)
    client = services.reports.resolve_client(args.client) if args.client else None
    consultant = (
        services.reports.resolve_consultant(args.consultant, client.id if client else None)
        if args.consultant
        else None
    )
    query = InteractionFilter(
        client_id=client.id if client else None,
        consultant_id=consultant.id if consultant else None,
        date_from=args.date_from,
        date_to=args.date_to,
        kind=args.kind,
        status=args.status,
        transcribed=None if args.transcribed is None else args.transcribed == "yes",
        text=args.search,
    )
    rows = services.interactions.query(query)
    data = [
        {
            "id": r.id,
            "kind": r.kind,
            "client": r.client,
            "consultant": r.consultant,
            "customer": r.customer_ref,
            "direction": r.direction,
            "language": r.language,
            "transcribed": r.transcribed,
            "started_at": r.started_at.isoformat() if r.started_at else None,
            "duration": r.duration,
            "status": r.status,
            "score": None if r.score is None else round(r.score, 2),
            # Whose score: "suggestion" (auto-prefill's, nobody opened it), "draft" (a review in
            # progress, unconfirmed suggestions included), "review" (marked reviewed).
            "score_source": None if r.score is None else _score_source(r.status),
        }
        for r in rows
    ]
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        for d in data:
            score = "-" if d["score"] is None else f"{d['score']:.1f}%"
            if d["score_source"] == "suggestion":
                score += " (suggested)"
            print(
                f"{d['id']:>6}  {d['started_at'] or '':19}  {d['client']}  "
                f"{d['consultant'] or ''}  {d['status']}  {score}"
            )
    return 0


def _score_source(status: str) -> str:
    return {"new": "suggestion", "reviewed": "review"}.get(status, "draft")


def cmd_template(args: argparse.Namespace) -> int:
    """validate: exit 1 with one line per problem; import/export: KnownErrors exit 2."""
    if args.template_command == "validate":
        from qcdesk.domain.checklist_schema import validate_files

        problems = validate_files(args.files)
        for p in problems:
            print(str(p), file=sys.stderr)
        if not problems:
            print(f"{len(args.files)} template(s) valid")
        return 1 if problems else 0
    services = _services(args)
    if args.template_command == "import":
        client_id = services.catalog.ensure_client(args.client).id if args.client else None
        slug, version = services.templates.import_file(args.file, client_id)
        print(json.dumps({"id": slug, "version": version}, ensure_ascii=False))
        return 0
    vid = services.templates.resolve(args.id, args.version)
    out = services.templates.export(vid, args.out)
    print(json.dumps({"out": str(out)}, ensure_ascii=False))
    return 0


def _can_open_window() -> bool:
    has_display = sys.platform in ("win32", "darwin") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    return has_display and sys.stdin is not None and sys.stdin.isatty()


def cmd_demo(args: argparse.Namespace) -> int:
    from qcdesk.services.demo import create_demo

    services = _services(args, demo=True)
    if args.size == "large":
        from qcdesk.services.demo_large import create_large_demo

        count = create_large_demo(services, seed=args.seed)
        print(json.dumps({"db": str(services.db_path), "created": count}, ensure_ascii=False))
        return 0
    created = create_demo(services)
    print(
        json.dumps(
            {
                "db": str(services.db_path),
                "library": str(services.library_dir),
                "created": len(created),
            },
            ensure_ascii=False,
        )
    )
    should_open = _can_open_window() if args.open is None else args.open
    if should_open:
        return _gui(services.db_path, services.library_dir, args.lang)
    return 0


def _gui(db: Path, library: Path | None, lang: str | None) -> int:
    from qcdesk.app import main as gui_main

    argv = ["--db", str(db)] + (["--library", str(library)] if library else [])
    argv += ["--lang", lang] if lang else []
    return int(gui_main(argv) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.log_file:
        import logging

        from qcdesk.services.logfiles import add_file_handler

        add_file_handler(args.log_file, getattr(logging, args.log_level.upper()))
    try:
        if args.command in (None, "gui"):
            db, library = (
                _paths(args) if args.command else _paths(argparse.Namespace(db=None, library=None))
            )
            return _gui(db, library, getattr(args, "lang", None))
        if args.command == "import":
            return cmd_import(args)
        if args.command == "import-chat":
            return cmd_import_chat(args)
        if args.command == "list":
            return cmd_list(args)
        if args.command == "template":
            return cmd_template(args)
        if args.command == "demo":
            return cmd_demo(args)
        if args.command == "report":
            return cmd_report(args)
        if args.command == "transcribe":
            return cmd_transcribe(args)
        if args.command == "transcribe-file":
            return cmd_transcribe_file(args)
        if args.command == "autoscore":
            return cmd_autoscore(args)
        if args.command == "agreement":
            return cmd_agreement(args)
        if args.command == "visit":
            return cmd_visit_add(args)
        if args.command == "transcript":
            return cmd_transcript_export(args)
        if args.command == "backup":
            return cmd_backup(args)
        if args.command == "restore":
            return cmd_restore(args)
        if args.command == "calibration":
            return cli_calibration.run(args, _services(args))
        if args.command in cli_calllog.COMMANDS:
            return cli_calllog.run(args, _services)
        if args.command in ("coaching", "meeting"):
            return cli_coaching.run(args, _services(args))
        if args.command in cli_plan.COMMANDS:
            return cli_plan.run(args, _services)
    except KnownError as err:
        print(f"qcdesk: {err}", file=sys.stderr)
        from qcdesk.services.context import LibraryMissingError

        if isinstance(err, LibraryMissingError):
            print("qcdesk: give its new place with --library DIR (remembered)", file=sys.stderr)
        return 2
    return 2


if __name__ == "__main__":
    sys.exit(main())
