"""Application start-up: fonts, translations, logging and the crash hook, services, window.

Nothing runs at import time; the screenshot tool reuses `create_app`, `install_fonts` and
`install_translators` to render the UI exactly as users see it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn

import platformdirs

# The Qt-free layers load before PySide6 on purpose. Once PySide6 is imported, shiboken's
# import hook reads the source of every Python module imported after it (to see whether it
# uses PySide6: PYSIDE-2029), and the service layer pulls in some 500 modules (SQLAlchemy,
# Alembic, NumPy): that was about a second of start-up spent in inspect.getsource.
from qcdesk.services.context import Services

# isort: split
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from qcdesk import settings as opts
from qcdesk.errors import KnownError

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
FONTS_DIR = RESOURCES / "fonts"
I18N_DIR = RESOURCES / "i18n"
FONT_POINT_SIZE = 10

log = logging.getLogger("qcdesk")
_translators: list[QTranslator] = []


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("qcdesk", appauthor=False))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="qcdesk", description="qcdesk desktop application")
    parser.add_argument(
        "--db", type=Path, help="SQLite database (default: the project opened last)"
    )
    parser.add_argument(
        "--library", type=Path, help="media library (default: the one the database remembers)"
    )
    parser.add_argument("--lang", choices=("ru", "en"), help="interface language")
    return parser.parse_args(argv)


def startup_project(args: argparse.Namespace, settings: opts.Settings) -> tuple[Path, Path | None]:
    """The database and library to open: the command line's, else the project opened last
    (if it still exists), else the default one in the user data folder."""
    data = Path(platformdirs.user_data_dir("qcdesk", appauthor=False))
    db: Path | None = args.db
    if db is None:
        recent = [Path(p) for p in settings.get(opts.RECENT_PROJECTS)]
        db = next((p for p in recent if p.is_file()), data / "qcdesk.db")
    return db, args.library  # None: the library the database remembers


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with our names set (QSettings and platformdirs find the same folders)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("qcdesk")
    QCoreApplication.setApplicationName("qcdesk")
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("qcdesk")
    return app


def install_fonts(app: QApplication, folder: Path = FONTS_DIR) -> str | None:
    """Register every bundled TTF and make its family the application font.

    Bundling the font makes text render the same everywhere, including machines (and the
    offscreen platform) with no system fonts or no Cyrillic glyphs.
    """
    family = None
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("cannot load font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and family is None:
            family = families[0]
    if family is not None:
        app.setFont(QFont(family, FONT_POINT_SIZE))
    return family


def resolve_language(lang: str) -> str:
    """ "ru" or "en": the setting when set, else Russian for a Russian system locale."""
    if lang in ("ru", "en"):
        return lang
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def install_translators(app: QCoreApplication, lang: str) -> str:
    """Load ours and Qt's own translations for *lang* ("" = system); returns the language used.

    Replacing translators sends LanguageChange to every widget, which retranslates itself,
    so this is also how a language switch applies live.
    """
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    effective = resolve_language(lang)
    if effective == "ru":
        QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (("qtbase_ru", qt_dir), ("qcdesk_ru", str(I18N_DIR))):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _translators.append(translator)
            else:
                log.warning("translation %s not found in %s", name, folder)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        # English source texts need a translator only for plural forms ("%n call(s)").
        translator = QTranslator(app)
        if translator.load("qcdesk_en", str(I18N_DIR)):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.warning("translation qcdesk_en not found in %s", I18N_DIR)
    return effective


def setup_logging(folder: Path) -> logging.Handler:
    """Log INFO and above to a rotating qcdesk.log in *folder*, personal numbers masked."""
    from qcdesk.services.logfiles import add_file_handler

    return add_file_handler(folder / "qcdesk.log", logging.INFO)


class ExceptionHook:
    """sys.excepthook: log the traceback, then show it with "Open log folder".

    PySide6 only prints exceptions raised in slots, so without this a bug would vanish into
    a console the user never sees. Job crashes arrive here too, via JobManager.crashed.
    """

    def __init__(self, folder: Path, interactive: bool = True) -> None:
        self.folder = folder
        self.interactive = interactive  # False in tests: log only, no modal dialog
        self._showing = False

    def __call__(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        log.critical("uncaught exception:\n%s", text)
        self.show(text)

    def show(self, text: str) -> None:
        """Show the crash dialog (main thread only; nested crashes are only logged)."""
        if not self.interactive or self._showing:
            return
        if threading.current_thread() is not threading.main_thread():
            return
        if not isinstance(QApplication.instance(), QApplication):
            return
        from qcdesk.widgets.messages import CrashDialog

        self._showing = True
        try:
            CrashDialog(text, self.folder, QApplication.activeWindow()).exec()
        finally:
            self._showing = False


def _startup_error(text: str) -> None:
    QMessageBox.critical(None, QCoreApplication.translate("App", "qcdesk cannot start"), text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop application; once the window has opened, the process ends with it.

    Returns an exit code only when start-up fails; after the window closes, `_leave` ends the
    process at once with the application's exit code.
    """
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = create_app()
    logs = log_dir()
    try:
        setup_logging(logs)
    except OSError as exc:  # logging to stderr only; the app itself can still work
        print(f"qcdesk: cannot write logs to {logs}: {exc}", file=sys.stderr)
    hook = ExceptionHook(logs)
    sys.excepthook = hook
    install_fonts(app)
    settings = opts.Settings(QSettings(), app)
    if args.lang:
        settings.set(opts.LANGUAGE, args.lang)
    install_translators(app, settings.get(opts.LANGUAGE))
    settings.changed.connect(
        lambda key: (
            key == opts.LANGUAGE.key and install_translators(app, settings.get(opts.LANGUAGE))
        )
    )

    from qcdesk.jobs import JobManager
    from qcdesk.widgets.backup_flow import AutoBackup, backup_at_close
    from qcdesk.widgets.messages import known_error_text
    from qcdesk.widgets.project import ProjectController, open_asking_for_library

    db, library = startup_project(args, settings)
    try:
        services = open_asking_for_library(db, library, settings.get(opts.REVIEWER), None)
        if services is None:
            return 1
    except KnownError as err:
        log.error("start-up failed: %s", err)
        _startup_error(known_error_text(err))
        return 1
    except OSError as exc:
        log.exception("start-up failed")
        _startup_error(
            QCoreApplication.translate("App", "Cannot open the database %1: %2")
            .replace("%1", str(db))
            .replace("%2", exc.strerror or str(exc))
        )
        return 1
    jobs = JobManager(parent=app)
    jobs.crashed.connect(hook.show)
    project = ProjectController(settings, jobs, log_dir=logs, parent=app)
    project.start(services)
    AutoBackup(services, settings, jobs, project.window).start()
    code = app.exec()
    jobs.shutdown(SHUTDOWN_WAIT_MS)
    backup_at_close(project.services or services, settings)  # the project open last
    _leave(code, jobs, project.services or services)  # after any switch


SHUTDOWN_WAIT_MS = 2000
"""How long closing waits for a running job to stop; an unfinished transcription is queued
again at the next start (its rows say "running" and are resumed)."""


def _leave(code: int, jobs: Any, services: Services) -> NoReturn:
    """End the process now that the window has closed, without Python's module teardown.

    Tearing down some 750 modules, Qt's objects and CTranslate2's threads took 2.5-3.5 s after
    the window had gone (the issue's "closing took 3.5 s"), during which the process still held
    the database. Everything that must outlive us is finished first: jobs are cancelled (the
    main thread saves their results), the database connections are closed (SQLite folds its
    WAL back into the file then), the log and the standard streams are flushed.
    """
    jobs.shutdown(SHUTDOWN_WAIT_MS)
    services.close()
    log.info("closed (exit code %s)", code)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
