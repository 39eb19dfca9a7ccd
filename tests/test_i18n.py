"""The Russian translation is complete and compiled; lupdate sees every marked string."""

from __future__ import annotations

import ast
import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "resources" / "i18n"
TS = I18N / "qcdesk_ru.ts"
QM = I18N / "qcdesk_ru.qm"
RUSSIAN_PLURAL_FORMS = 3  # one, few, many: 1 звонок, 2 звонка, 5 звонков

Key = tuple[str, str]  # (context, source)


def _update_module():
    spec = importlib.util.spec_from_file_location("qcdesk_i18n_update", I18N / "update.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[Key, ET.Element]:
    root = ET.parse(ts).getroot()
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            out[(name, message.findtext("source", ""))] = message
    return out


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[Key, ET.Element]:
    """A fresh lupdate of the current sources (not the committed .ts)."""
    ts = tmp_path_factory.mktemp("i18n") / "fresh_ru.ts"
    _update_module().lupdate(ts)
    messages = _messages(ts)
    assert len(messages) > 50, "lupdate found suspiciously few strings"
    return messages


def _problem(message: ET.Element | None) -> str | None:
    if message is None:
        return "missing from the committed .ts (run resources/i18n/update.py)"
    translation = message.find("translation")
    assert translation is not None
    if translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return f"translation is {translation.get('type')}"
    if message.get("numerus") == "yes":
        forms = [f.text or "" for f in translation.findall("numerusform")]
        if len(forms) != RUSSIAN_PLURAL_FORMS or not all(f.strip() for f in forms):
            return f"needs {RUSSIAN_PLURAL_FORMS} non-empty plural forms, has {forms}"
        return None
    if not (translation.text or "").strip():
        return "empty translation"
    return None


def test_every_source_string_has_a_finished_russian_translation(extracted) -> None:
    committed = _messages(TS)
    problems = [
        f"[{ctx}] {src!r}: {why}"
        for (ctx, src) in sorted(extracted)
        if (why := _problem(committed.get((ctx, src)))) is not None
    ]
    assert not problems, "untranslated strings:\n" + "\n".join(problems)


def test_placeholders_survive_translation() -> None:
    """A translation must keep {path}-style and %1-style placeholders, or the text breaks."""
    import re

    bad = []
    for (ctx, src), message in _messages(TS).items():
        translation = message.find("translation")
        assert translation is not None
        texts = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        want = sorted(set(re.findall(r"\{\w+\}|%\d", src)))
        for text in texts:
            if text and sorted(set(re.findall(r"\{\w+\}|%\d", text))) != want:
                bad.append(f"[{ctx}] {src!r} -> {text!r}")
    assert not bad, "placeholders changed:\n" + "\n".join(bad)


def _known_error_templates() -> set[str]:
    found = set()
    for path in (REPO / "qcdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"
                and len(node.args) == 2
                and all(isinstance(a, ast.Constant) for a in node.args)
                and node.args[0].value == "KnownError"
            ):
                found.add(node.args[1].value)
    return found


def test_lupdate_extracts_every_known_error_template(extracted) -> None:
    templates = _known_error_templates()
    assert templates, "no QT_TRANSLATE_NOOP('KnownError', ...) found in qcdesk/"
    missing = sorted(t for t in templates if ("KnownError", t) not in extracted)
    assert not missing, f"lupdate did not extract: {missing}"


def _tr_calls() -> list[tuple[str, str, str, bool]]:
    """(where, context, source, plural) of every literal tr()/translate() call in qcdesk/."""
    found = []

    def visit(node: ast.AST, cls: str, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name, path)
                continue
            if isinstance(child, ast.Call):
                func, args = child.func, child.args
                where = f"{path.relative_to(REPO)}:{child.lineno}"
                name = getattr(func, "attr", None) or getattr(func, "id", None)
                literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
                plural = len(args) >= 3 or any(k.arg == "n" for k in child.keywords)
                if name == "tr" and cls and args and literal[0]:
                    found.append((where, cls, args[0].value, plural))
                elif name == "translate" and len(args) >= 2 and all(literal[:2]):
                    found.append((where, args[0].value, args[1].value, len(args) >= 4))
                elif name == "_tr" and args and literal[0]:  # a wrapper lupdate cannot follow
                    found.append((where, "(_tr wrapper)", args[0].value, False))
            visit(child, cls, path)

    for path in sorted((REPO / "qcdesk").rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), "", path)
    return found


def test_lupdate_sees_every_tr_call(extracted) -> None:
    """A tr() inside an f-string, an alias of translate() or a plural passed to
    QCoreApplication.translate() is invisible to lupdate, so it would stay English."""
    calls = _tr_calls()
    assert len(calls) > 200, "the tr() scan found suspiciously few calls"
    missing = [f"{w} [{c}] {s!r}" for w, c, s, _ in calls if (c, s) not in extracted]
    plural = [
        f"{w} [{c}] {s!r}"
        for w, c, s, p in calls
        if p and "%n" in s and (c, s) in extracted and extracted[(c, s)].get("numerus") != "yes"
    ]
    assert not missing, "lupdate did not extract:\n" + "\n".join(missing)
    assert not plural, "lupdate did not mark as plural:\n" + "\n".join(plural)


def test_compiled_qm_is_up_to_date(tmp_path) -> None:
    assert QM.is_file(), "resources/i18n/qcdesk_ru.qm is missing: run update.py"
    fresh = tmp_path / "fresh.qm"
    _update_module().lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "qcdesk_ru.qm is stale: run update.py"


@pytest.mark.gui
def test_ui_switches_language_live(qapp, qtbot, services, tmp_path) -> None:
    from PySide6.QtCore import Qt

    from qcdesk import settings as opts
    from qcdesk.app import install_translators
    from qcdesk.jobs import JobManager
    from qcdesk.widgets.main_window import MainWindow

    w = MainWindow(services, opts.Settings.from_ini(tmp_path / "s.ini"), JobManager(True))
    qtbot.addWidget(w)
    horizontal = Qt.Orientation.Horizontal
    try:
        assert install_translators(qapp, "en") == "en"
        assert w.file_menu.title() == "&File"
        assert w.model.headerData(0, horizontal) == "Date"
        assert install_translators(qapp, "ru") == "ru"
        qapp.processEvents()  # LanguageChange is posted to each window
        assert w.file_menu.title() == "&Файл"
        assert w.model.headerData(0, horizontal) == "Дата"
        assert w.action_map["quit"].text() == "&Выход"
    finally:
        install_translators(qapp, "en")
        qapp.processEvents()
    assert w.file_menu.title() == "&File"


def test_english_plurals_are_compiled_and_read_well(tmp_path, qapp) -> None:
    """English UI shows "1 interaction" / "5 interactions", never "interaction(s)"."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    fresh = tmp_path / "fresh_en.qm"
    _update_module().lrelease(I18N / "qcdesk_en.ts", fresh)
    assert fresh.read_bytes() == (I18N / "qcdesk_en.qm").read_bytes(), "run update.py"
    translator = QTranslator()
    assert translator.load(str(I18N / "qcdesk_en.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        one = QCoreApplication.translate("MainWindow", "%n interaction(s)", "", 1)
        many = QCoreApplication.translate("MainWindow", "%n interaction(s)", "", 5)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert (one, many) == ("1 interaction", "5 interactions")
