"""The language of a call: company setting, per-call override, detection, and the checklist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qcdesk.domain.language import effective_setting, guess_text_language, resolve
from qcdesk.services.dto import Segment, TranscriptInfo
from qcdesk.services.importer import ImportOptions

REPO = Path(__file__).resolve().parents[1]
CALL = sorted((REPO / "resources" / "demo").glob("*.ogg"))[0]


def _import(services, **options) -> int:  # type: ignore[no-untyped-def]
    report = services.importer.import_paths([CALL], ImportOptions(client="Acme", **options))
    (new_id,) = report.imported
    return int(new_id)


def test_a_new_company_detects_the_language_per_call(services) -> None:
    call = _import(services)
    (client,) = services.catalog.list_clients()
    assert client.language == "auto"
    row = services.interactions.row(call)
    assert (row.language_setting, row.language, row.transcribed) == ("auto", None, False)


def test_the_checklist_follows_the_calls_own_language(services) -> None:
    call = _import(services, language="en")
    client = services.catalog.list_clients()[0]
    services.catalog.set_client_language(client.id, "ru")  # the company speaks Russian
    assert services.interactions.row(call).language == "en"
    assert services.evaluations.open(call).template.language == "en"


def test_the_checklist_follows_the_detected_language(services) -> None:
    call = _import(services)  # "auto"
    english = TranscriptInfo(
        "en", "asr", (Segment("consultant", 0.0, 2.0, "Hello, this is Acme, how can I help?"),)
    )
    services.interactions.save_transcript(call, english)
    row = services.interactions.row(call)
    assert (row.language, row.transcribed) == ("en", True)
    assert services.evaluations.open(call).template.id == "sales-call-en"


def test_a_fixed_company_language_wins_over_detection(services) -> None:
    call = _import(services)
    client = services.catalog.list_clients()[0]
    services.catalog.set_client_language(client.id, "ru")
    assert services.evaluations.open(call).template.id == "sales-call-ru"
    assert services.interactions.set_language(call, "en").language == "en"
    assert services.interactions.set_language(call, None).language == "ru"  # the company's


def test_unknown_language_settings_are_refused(services) -> None:
    call = _import(services)
    with pytest.raises(ValueError):
        services.interactions.set_language(call, "de")
    with pytest.raises(ValueError):
        services.catalog.set_client_language(services.catalog.list_clients()[0].id, "")


def test_resolution_rules() -> None:
    assert effective_setting(None, "en") == "en"
    assert effective_setting("ru", "en") == "ru"
    assert effective_setting(None, None) == "auto"
    assert resolve("auto", "en") == "en"
    assert resolve("auto", "uk") == "ru"  # nothing qcdesk works in: the fallback
    assert resolve("en", "ru") == "en"
    assert guess_text_language("Hello, I'd like to order a sofa") == "en"
    assert guess_text_language("Здравствуйте, хочу диван IKEA") == "ru"


def test_import_language_option_from_the_command_line(run_cli, tmp_path: Path) -> None:
    db, lib = tmp_path / "c.db", tmp_path / "lib"
    res = run_cli("import", "--db", db, "--library", lib, "--client", "Acme",
                  "--language", "en", CALL)  # fmt: skip
    assert res.returncode == 0, res.stderr
    (row,) = json.loads(run_cli("list", "--db", db, "--library", lib, "--json").stdout)
    assert row["language"] == "en"
    bad = run_cli("import", "--db", db, "--library", lib, "--client", "A", "--language", "de",
                  CALL)  # fmt: skip
    assert bad.returncode == 2 and "--language" in bad.stderr


def test_auto_prefill_uses_the_english_rules_on_an_english_call(services) -> None:
    call = _import(services)  # "auto", detected English by the transcription
    segments = (
        Segment("consultant", 0.0, 3.0, "Good afternoon, thanks for calling Acme, I'm Kate."),
        Segment("client", 3.5, 6.0, "Hi, I'm looking for a sofa for my living room."),
        Segment("consultant", 6.5, 9.0, "Sure, what size is the room, which colour do you like?"),
    )
    services.interactions.save_transcript(call, TranscriptInfo("en", "asr", segments))
    outcome = services.prefill.prefill(call)
    assert outcome is not None and outcome.suggested > 0
    state = services.evaluations.open(call)
    assert state.template.id == "sales-call-en"
    assert state.answers["greeting"].value == "yes"


@pytest.mark.gui
def test_the_import_dialog_sets_the_calls_language(services, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from qcdesk import settings as opts
    from qcdesk.widgets.import_dialog import ImportDialog

    qs = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = ImportDialog(services, opts.Settings(qs), [CALL])
    qtbot.addWidget(dialog)
    assert dialog.options().language is None  # the company's setting unless chosen
    dialog.client_combo.setEditText("Contoso")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    (new_id,) = services.importer.import_paths([CALL], dialog.options()).imported
    row = services.interactions.row(new_id)
    assert (row.language_setting, row.language) == ("en", "en")


@pytest.mark.gui
def test_the_company_menu_sets_its_call_language(services, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from qcdesk import settings as opts
    from qcdesk.jobs import JobManager
    from qcdesk.widgets.main_window import MainWindow

    call = _import(services)
    client = services.catalog.list_clients()[0]
    qs = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, opts.Settings(qs), JobManager(synchronous=True))
    qtbot.addWidget(window)
    menu = window.company_menu(window.catalog_model.find(client.id, None))
    (languages,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    by_code = {a.data(): a for a in languages.actions()}
    assert by_code["auto"].isChecked()
    by_code["en"].trigger()
    assert services.catalog.list_clients()[0].language == "en"
    assert services.interactions.row(call).language == "en"
    menu.deleteLater()


def test_a_form_opened_before_detection_takes_the_detected_checklist(services) -> None:
    """An "auto" call opened before transcription got the fallback checklist; unanswered,
    it follows the language the transcription found."""
    call = _import(services)
    assert services.evaluations.open(call).template.id == "sales-call-ru"
    segments = (
        Segment("consultant", 0.0, 3.0, "Good afternoon, thanks for calling Acme, I'm Kate."),
        Segment("client", 3.5, 6.0, "Hi, I'm looking for a sofa for my living room."),
    )
    services.interactions.save_transcript(call, TranscriptInfo("en", "asr", segments))
    assert services.prefill.prefill(call) is not None
    state = services.evaluations.open(call)
    assert state.template.id == "sales-call-en" and state.answers["greeting"].value == "yes"


def test_a_form_with_a_reviewers_answer_keeps_its_checklist(services) -> None:
    call = _import(services)
    state = services.evaluations.open(call)
    services.evaluations.set_answer(state.evaluation_id, "greeting", "no")
    segments = (Segment("consultant", 0.0, 3.0, "Good afternoon, thanks for calling Acme."),)
    services.interactions.save_transcript(call, TranscriptInfo("en", "asr", segments))
    services.prefill.prefill(call)
    assert services.evaluations.open(call).template.id == "sales-call-ru"
