"""Template versions through the service: drafts, publishing, immutability, defaults, files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from qcdesk.db.session import session_scope
from qcdesk.domain.checklist import ChecklistTemplate, Criterion, Section, Stage
from qcdesk.domain.checklist_schema import load_template, template_to_dict
from qcdesk.errors import TemplateError
from qcdesk.services.context import open_services
from qcdesk.services.importer import ImportOptions
from qcdesk.services.templates import default_version

REPO = Path(__file__).resolve().parents[1]


def starter(title: str = "Продажи: звонок клиента") -> ChecklistTemplate:
    crit = Criterion("greeting", "Поздоровался", "", "yes_no", 1.0)
    return ChecklistTemplate(
        id="sales-mine",
        title=title,
        kind="call",
        language="ru",
        version=1,
        sections=(Section("Контакт", (crit,)),),
        stages=(Stage("greeting", "Приветствие"),),
        goal="Запись на визит",
    )


def info(services, version_id: int):
    return next(i for i in services.templates.library() if i.version_id == version_id)


def test_shipped_templates_are_published_and_listed(services) -> None:
    rows = services.templates.library()
    slugs = {r.slug for r in rows}
    assert {"sales-call-ru", "sales-call-en"} <= slugs
    assert all(r.status == "published" and r.published_at is not None for r in rows)
    assert all(r.client_id is None and r.evaluations == 0 and r.newest for r in rows)


def test_draft_publish_and_a_new_draft_from_a_published_version(services) -> None:
    svc = services.templates
    unfinished = dataclasses.replace(starter(), sections=(Section("Пусто", ()),))
    opened = svc.create(unfinished)
    vid = opened.info.version_id
    assert (opened.info.status, opened.info.version, opened.slug_locked) == ("draft", 1, False)
    assert svc.open(vid).template.sections[0].criteria == ()  # a draft may be unfinished
    assert "sales-mine" not in {row[0] for row in svc.list()}  # drafts are not offered

    with pytest.raises(TemplateError) as err:
        svc.publish(vid)
    assert any("has no criteria" in p.message for p in err.value.problems)

    svc.save_draft(vid, starter())
    published = svc.publish(vid)
    assert published.info.status == "published" and published.info.published_at is not None
    assert published.locked_ids == {"greeting"} and published.slug_locked
    with pytest.raises(TemplateError):
        svc.save_draft(vid, dataclasses.replace(starter(), title="Иначе"))
    assert svc.open(vid).template.title == "Продажи: звонок клиента"  # immutable

    draft = svc.start_draft(published.info.template_id)
    assert (draft.info.version, draft.info.status) == (2, "draft")
    assert draft.template.version == 2 and draft.template.criteria() == starter().criteria()
    assert svc.start_draft(published.info.template_id).info.version_id == draft.info.version_id
    edited = dataclasses.replace(draft.template, title="Продажи v2")
    svc.save_draft(draft.info.version_id, edited)
    v2 = svc.publish(draft.info.version_id)
    assert v2.info.version == 2 and v2.template.title == "Продажи v2"
    assert svc.get("sales-mine").version == 2
    assert svc.get("sales-mine", 1).title == "Продажи: звонок клиента"
    assert [i.newest for i in svc.library() if i.slug == "sales-mine"] == [False, True]


def test_renaming_the_template_id_only_before_publishing(services) -> None:
    svc = services.templates
    opened = svc.create(starter())
    renamed = svc.save_draft(
        opened.info.version_id, dataclasses.replace(starter(), id="sales-renamed")
    )
    assert renamed.info.slug == "sales-renamed"
    svc.publish(opened.info.version_id)
    draft = svc.start_draft(opened.info.template_id)
    with pytest.raises(TemplateError):
        svc.save_draft(draft.info.version_id, dataclasses.replace(draft.template, id="other"))
    with pytest.raises(TemplateError):  # taken by a shipped template
        fresh = svc.create(dataclasses.replace(starter(), id="x-new"))
        svc.save_draft(fresh.info.version_id, dataclasses.replace(starter(), id="sales-call-ru"))


def test_create_makes_ids_unique_and_duplicate_copies(services) -> None:
    svc = services.templates
    a = svc.create(dataclasses.replace(starter(), id="sales-call-ru"))
    assert a.info.slug == "sales-call-ru-2"
    ru = svc.resolve("sales-call-ru")
    copy = svc.duplicate(ru, "Копия", client_id=None)
    assert copy.info.slug == "sales-call-ru-copy" and copy.info.status == "draft"
    assert copy.template.title == "Копия"
    assert copy.template.criteria() == svc.open(ru).template.criteria()
    svc.discard_draft(copy.info.version_id)  # never published: the template goes too
    assert "sales-call-ru-copy" not in {i.slug for i in svc.library()}
    with pytest.raises(TemplateError):
        svc.discard_draft(ru)


def test_default_version_client_default_then_own_then_shared(services, stereo_wav) -> None:
    svc = services.templates
    client = services.catalog.ensure_client("ООО Ромашка")
    stranger = services.catalog.ensure_client("Другая")
    report = services.importer.import_paths([stereo_wav], ImportOptions(client="ООО Ромашка"))
    own = svc.create(dataclasses.replace(starter(), id="romashka"), client_id=client.id)
    svc.publish(own.info.version_id)
    # Through the evaluation service: the client's own template beats the shared one.
    assert services.evaluations.open(report.imported[0]).template.id == "romashka"

    def chosen(language: str, client_id: int) -> str:
        with session_scope(services.session_factory) as s:
            return default_version(s, "call", language, client_id).template.slug

    shared_en = svc.open(svc.resolve("sales-call-en")).info
    svc.set_default(client.id, "call", shared_en.template_id)
    assert svc.defaults(client.id) == {"call": shared_en.template_id}
    assert info(services, shared_en.version_id).default_for == ("ООО Ромашка",)
    assert chosen("ru", client.id) == "sales-call-en"  # the chosen default comes first
    svc.set_default(client.id, "call", None)
    assert chosen("ru", client.id) == "romashka"
    svc.set_archived(own.info.template_id, True)  # archived versions are offered to no one
    assert info(services, own.info.version_id).status == "archived"
    assert chosen("ru", client.id) == "sales-call-ru"
    svc.set_archived(own.info.template_id, False)
    assert chosen("ru", client.id) == "romashka"
    assert chosen("en", stranger.id) == "sales-call-en"  # shared, in the client's language
    assert chosen("ru", stranger.id) == "sales-call-ru"


def test_yaml_export_then_import_elsewhere_is_equal(services, tmp_path: Path) -> None:
    svc = services.templates
    ru = svc.resolve("sales-call-ru")
    out = svc.export(ru, tmp_path / "exported.yaml")
    assert load_template(out) == load_template(REPO / "checklists" / "sales-call-ru.yaml")
    other = open_services(tmp_path / "other.db", tmp_path / "lib2", checklists_dir=tmp_path / "no")
    changed = yaml.safe_load(out.read_text(encoding="utf-8")) | {"id": "sales-exported"}
    path = tmp_path / "sales-exported.yaml"
    path.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert other.templates.import_file(path) == ("sales-exported", 1)
    back = other.templates.get("sales-exported")
    assert template_to_dict(back) == changed  # extra keys (auto, threshold) included
    assert other.templates.import_file(path) == ("sales-exported", 1)  # same content: found
    changed["title"] = "Другое название"
    path.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert other.templates.import_file(path) == ("sales-exported", 2)  # never overwritten
    client = other.catalog.ensure_client("Клиент")
    with pytest.raises(TemplateError):
        other.templates.import_file(path, client.id)


def test_export_rejects_unknown_suffix_and_resolve_unknown(services, tmp_path: Path) -> None:
    svc = services.templates
    with pytest.raises(TemplateError):
        svc.export(svc.resolve("sales-call-ru"), tmp_path / "x.docx")
    with pytest.raises(TemplateError):
        svc.resolve("nope")
    tid = svc.open(svc.resolve("sales-call-ru")).info.template_id
    assert svc.resolve(str(tid)) == svc.resolve("sales-call-ru", 1)


def test_choices_are_newest_published_of_the_kind(services) -> None:
    svc = services.templates
    client = services.catalog.ensure_client("К")
    mine = svc.create(dataclasses.replace(starter(), id="mine"), client_id=client.id)
    assert "mine" not in {c.slug for c in svc.choices("call", client.id)}  # still a draft
    svc.publish(mine.info.version_id)
    draft = svc.start_draft(mine.info.template_id)
    svc.publish(draft.info.version_id)
    picked = [c for c in svc.choices("call", client.id) if c.slug == "mine"]
    assert [c.version for c in picked] == [2]
    assert "mine" not in {c.slug for c in svc.choices("call", None)}
    assert {c.kind for c in svc.choices("visit", None)} <= {"visit"}
