"""Call-log commands: ``import-calllog``, ``service-report`` and ``call-extension``.

Each prints JSON; bad input exits 2 with a message (the caller in cli.py turns a KnownError
into that).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

COMMANDS = ("import-calllog", "service-report", "call-extension", "call-settings", "watch")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _range(text: str) -> list[float]:
    """LOW,EXPECTED,HIGH: three numbers, ascending (shares as 0.2 or 20%)."""
    try:
        parts = [p.strip() for p in text.split(",")]
        values = [float(p[:-1]) / 100 if p.endswith("%") else float(p) for p in parts]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected LOW,EXPECTED,HIGH numbers: {text!r}") from exc
    if len(values) != 3 or not 0 <= values[0] <= values[1] <= values[2]:
        raise argparse.ArgumentTypeError(f"expected LOW,EXPECTED,HIGH, ascending: {text!r}")
    return values


def register(sub: Any, add_store_args: Callable[[argparse.ArgumentParser], None]) -> None:
    imp = sub.add_parser("import-calllog", help="import telephony call logs (JSON summary)")
    add_store_args(imp)
    imp.add_argument("--client", required=True)
    how = imp.add_mutually_exclusive_group()
    how.add_argument(
        "--format", choices=("asterisk",), default="asterisk", help="Asterisk Master.csv"
    )
    how.add_argument(
        "--preset",
        metavar="NAME",
        help="a column mapping: shipped (mango-api, didww-cdr-in) or saved for the client",
    )
    imp.add_argument(
        "--tolerance",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="how far a recording's start may be from the call's to match by number",
    )
    imp.add_argument("paths", nargs="+", type=Path)

    rep = sub.add_parser("service-report", help="timely-service figures and lost profit (JSON)")
    add_store_args(rep)
    rep.add_argument("--client", required=True)
    rep.add_argument("--from", dest="date_from", type=_date, required=True)
    rep.add_argument("--to", dest="date_to", type=_date, required=True)

    ext = sub.add_parser("call-extension", help="say which consultant an extension is")
    add_store_args(ext)
    ext.add_argument("--client", required=True)
    ext.add_argument("--extension", required=True)
    ext.add_argument("--consultant", required=True)
    _register_settings(sub, add_store_args)

    watch = sub.add_parser(
        "watch", help="import recordings and call logs from the companies' watch folders"
    )
    add_store_args(watch)
    watch.add_argument("--client", help="only this company (with --folder: set its folder)")
    watch.add_argument("--folder", type=Path, help="the company's watch folder (remembered)")
    watch.add_argument("--once", action="store_true", help="look once, wait --settle, import")
    watch.add_argument("--interval", type=float, default=10.0, metavar="SECONDS")
    watch.add_argument(
        "--settle", type=float, default=5.0, metavar="SECONDS",
        help="how long a file must stay unchanged before it is imported",
    )  # fmt: skip


def _register_settings(sub: Any, add_store_args: Callable[[argparse.ArgumentParser], None]) -> None:
    cfg = sub.add_parser(
        "call-settings", help="timely-service settings of a client (prints them as JSON)"
    )
    add_store_args(cfg)
    cfg.add_argument("--client", required=True)
    cfg.add_argument("--country", help="ISO code of the production calendar (default RU)")
    cfg.add_argument("--callback-minutes", type=float, help="a callback in time (default 15)")
    for name in ("average-deal", "lead-share", "recovered-share", "conversion"):
        cfg.add_argument(f"--{name}", type=_range, metavar="LOW,EXPECTED,HIGH")
    cfg.add_argument("--non-sales", nargs="*", metavar="NUMBER", help="numbers that are no leads")
    cfg.add_argument(
        "--confirm", action="store_true", help="the lost-profit inputs are the client's own"
    )


def _settings(args: argparse.Namespace, calllog: Any) -> int:
    current = calllog.settings(args.client).profit.to_json()
    changes = {
        key: getattr(args, key)
        for key in ("average_deal", "lead_share", "recovered_share", "conversion")
        if getattr(args, key) is not None
    }
    if args.non_sales is not None:
        changes["non_sales"] = args.non_sales
    profit = None
    if changes or args.confirm:
        profit = {**current, **changes, "confirmed": bool(args.confirm or current["confirmed"])}
        if changes and not args.confirm:
            profit["confirmed"] = False  # new values wait for the user's confirmation
    result = calllog.set_settings(
        args.client,
        country=args.country,
        callback_minutes=args.callback_minutes,
        profit=profit,
    )
    print(
        json.dumps(
            {
                "country": result.country,
                "callback_minutes": result.callback_minutes,
                "profit": result.profit.to_json(),
            },
            ensure_ascii=False,
        )
    )
    return 0


def _watch(args: argparse.Namespace, svc: Any) -> int:
    """One JSON line per scan that found something ({company: result}); Ctrl+C stops it."""
    import time

    from qcdesk.services.watch_folder import FolderWatcher

    if args.folder is not None:
        if not args.client:
            print("qcdesk: --folder needs --client", file=sys.stderr)
            return 2
        svc.calllog.set_watch_folder(args.client, args.folder)
    folders = svc.calllog.watch_folders()
    if args.client:
        folders = {k: v for k, v in folders.items() if k == args.client}
    if not folders:
        print("qcdesk: no company has a watch folder (set one with --client and --folder)",
              file=sys.stderr)  # fmt: skip
        return 2
    watchers = [
        FolderWatcher(svc.importer, svc.calllog, name, folder, args.settle)
        for name, folder in folders.items()
    ]
    try:
        while True:
            found = {w.client: w.scan() for w in watchers}
            if args.once:
                time.sleep(args.settle)
                found = {w.client: w.scan() for w in watchers}
            busy = {k: r.as_json() for k, r in found.items() if r.recordings or r.calls or r.failed}
            if busy or args.once:
                print(json.dumps({k: r.as_json() for k, r in found.items()} if args.once else busy,
                                 ensure_ascii=False), flush=True)  # fmt: skip
            if args.once:
                return 0
            time.sleep(args.interval)
    except KeyboardInterrupt:
        return 0


def run(args: argparse.Namespace, services: Callable[[argparse.Namespace], Any]) -> int:
    if args.command == "import-calllog":
        calllog = services(args).calllog
        parser = None
        if args.preset:
            parser = calllog.mapped_parser(args.client, calllog.preset(args.client, args.preset))
        report = calllog.import_paths(args.paths, args.client, parser, tolerance_s=args.tolerance)
        print(json.dumps(report.as_json(), ensure_ascii=False))
        return 1 if report.failed and not report.calls and not report.duplicates else 0
    if args.command == "service-report":
        if args.date_to < args.date_from:
            print("qcdesk: --to is before --from", file=sys.stderr)
            return 2
        result = services(args).calllog.service_report(args.client, args.date_from, args.date_to)
        print(json.dumps(result.as_json(), ensure_ascii=False))
        return 0
    if args.command == "watch":
        return _watch(args, services(args))
    calllog = services(args).calllog
    if args.command == "call-settings":
        return _settings(args, calllog)
    calllog.set_extension(args.client, args.extension, args.consultant)
    rows = calllog.extensions(args.client)
    print(json.dumps({r.extension: r.consultant for r in rows}, ensure_ascii=False))
    return 0
