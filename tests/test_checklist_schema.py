"""Checklist template parsing: every problem found, each with the line of the offending node."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from qcdesk.domain.checklist import ANSWER_TYPES, ChecklistTemplate, Section, slugify, unique_id
from qcdesk.domain.checklist_schema import (
    Problem,
    check_template,
    load_template,
    parse_template_text,
    template_from_data,
    template_to_dict,
    validate_files,
)
from qcdesk.errors import KnownError, TemplateError

REPO = Path(__file__).resolve().parents[1]
CHECKLISTS = REPO / "checklists"
LABELING_GUIDE = REPO.parent / "shared" / "docs" / "labeling-guide.md"

VALID = """\
id: demo
title: Demo
kind: call
language: ru
version: 1
goal: Order placed
stages:
  - id: greeting
    title: Greeting
  - id: closing
    title: Closing
sections:
  - title: Contact
    criteria:
      - id: greeting
        title: Greeted
        guidance: Said hello first
        answer: yes_no
        weight: 1
        critical: false
        na_allowed: false
      - id: no_rudeness
        title: No rudeness
        answer: yes_no
        weight: 2
        critical: true
"""


def variant(old: str, new: str, text: str = VALID) -> str:
    """VALID with one exact, unique piece replaced (so a typo in a test cannot pass silently)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def marked_line(text: str) -> int:
    """The 1-based line carrying the `# HERE` marker: where the problem must be reported."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if "# HERE" in line)


def problems_of(text: str, filename: str = "t.yaml") -> list[Problem]:
    with pytest.raises(TemplateError) as info:
        parse_template_text(text, filename)
    assert info.value.problems, "a TemplateError must list its problems"
    return info.value.problems


def test_valid_template_parses_with_defaults() -> None:
    t = parse_template_text(VALID)
    assert (t.id, t.kind, t.language, t.version, t.goal) == (
        "demo",
        "call",
        "ru",
        1,
        "Order placed",
    )
    assert [s.id for s in t.stages] == ["greeting", "closing"]
    rude = t.criterion("no_rudeness")
    assert rude.guidance == "" and rude.na_allowed is False and rude.critical is True
    assert rude.weight == 2.0


CASES = [
    pytest.param(variant("title: Demo\n", "title: Demo: x  # HERE\n"), "YAML error", id="syntax"),
    pytest.param(
        variant("      - id: greeting\n", "      - id: greeting  # HERE\n").replace(
            "        answer: yes_no\n", "", 1
        ),
        "missing required key 'answer'",
        id="missing-key",
    ),
    pytest.param(
        variant("weight: 1\n", "weight: heavy  # HERE\n"), "must be a number", id="weight-type"
    ),
    pytest.param(
        variant("critical: true\n", "critical: maybe  # HERE\n"),
        "must be true or false",
        id="bool-type",
    ),
    pytest.param(
        variant("version: 1\n", "version: 1.5  # HERE\n"), "whole number", id="version-type"
    ),
    pytest.param(
        variant("title: Demo\n", "title: [a, b]  # HERE\n"), "must be text", id="title-type"
    ),
    pytest.param(variant("version: 1\n", "version: 0  # HERE\n"), "positive", id="version-zero"),
    pytest.param(
        variant("kind: call\n", "kind: phone  # HERE\n"), "unknown kind 'phone'", id="kind"
    ),
    pytest.param(
        variant("answer: yes_no\n        weight: 2", "answer: stars  # HERE\n        weight: 2"),
        "unknown answer type 'stars'",
        id="answer-type",
    ),
    pytest.param(variant("weight: 1\n", "weight: 0  # HERE\n"), "greater than 0", id="weight-zero"),
    pytest.param(
        variant("weight: 2\n", "weight: -2.5  # HERE\n"), "greater than 0", id="weight-neg"
    ),
    pytest.param(variant("weight: 2\n", "weight: .nan  # HERE\n"), "finite", id="weight-nan"),
    pytest.param(
        VALID.split("sections:")[0] + "sections:\n  - title: Empty\n    criteria: []  # HERE\n",
        "section 'Empty' has no criteria",
        id="empty-section",
    ),
    pytest.param(
        VALID.split("sections:")[0] + "sections: []  # HERE\n",
        "no sections",
        id="empty-sections",
    ),
    pytest.param(
        variant("- id: no_rudeness\n", "- id: greeting  # HERE\n"),
        "duplicate criterion id 'greeting'",
        id="dup-criterion",
    ),
    pytest.param(
        variant("  - id: closing\n", "  - id: greeting  # HERE\n"),
        "duplicate stage id 'greeting'",
        id="dup-stage",
    ),
    pytest.param(
        variant("- id: no_rudeness\n", "- id: No-Rudeness  # HERE\n"),
        "must start with a lowercase Latin letter",
        id="criterion-id",
    ),
    pytest.param(
        variant("  - id: closing\n", "  - id: 2closing  # HERE\n"),
        "stage id '2closing'",
        id="stage-id",
    ),
    pytest.param(
        variant("id: demo\n", "id: Demo_1  # HERE\n"), "template id 'Demo_1'", id="tpl-id"
    ),
    pytest.param(
        VALID + "        na_allowed: true  # HERE\n",
        "is critical, so it cannot allow N/A",
        id="critical-na",
    ),
    pytest.param(
        variant("critical: true\n", "critcal: true  # HERE\n"),
        "unknown key 'critcal'",
        id="unknown-key",
    ),
    pytest.param(VALID + "colour: red  # HERE\n", "unknown key 'colour'", id="unknown-root-key"),
    pytest.param(
        variant("title: Demo\n", "title: Demo\ntitle: Again  # HERE\n"),
        "duplicate key 'title'",
        id="dup-key",
    ),
    pytest.param(
        variant("language: ru\n", "language: Russian  # HERE\n"),
        "'language' must be a code",
        id="language",
    ),
    pytest.param(
        variant("goal: Order placed\n", "goal:  # HERE\n"), "must be text", id="goal-null"
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_each_problem_is_reported_at_its_line(text: str, expected: str) -> None:
    problems = problems_of(text)
    hits = [p for p in problems if expected in p.message]
    assert hits, [str(p) for p in problems]
    assert hits[0].line == marked_line(text)
    assert hits[0].file == "t.yaml"


def test_all_problems_are_listed_in_file_order() -> None:
    text = variant("kind: call\n", "kind: phone  # A\n")
    text = variant("weight: 1\n", "weight: -1  # B\n", text)
    text = variant("critical: true\n", "critical: true\n        na_allowed: true  # C\n", text)
    problems = problems_of(text)
    lines = {
        tag: next(i for i, ln in enumerate(text.splitlines(), 1) if f"# {tag}" in ln)
        for tag in "ABC"
    }
    assert [p.line for p in problems] == [lines["A"], lines["B"], lines["C"]]


def test_problem_str_and_error_message_name_the_file() -> None:
    assert str(Problem("a.yaml", 3, "bad")) == "a.yaml:3: bad"
    assert str(Problem("a.yaml", None, "bad")) == "a.yaml: bad"
    with pytest.raises(TemplateError) as info:
        parse_template_text(variant("kind: call\n", "kind: phone\n"), "x/sales.yaml")
    err = info.value
    assert isinstance(err, KnownError)
    assert err.path == "x/sales.yaml"
    assert "{path}" in err.template  # a translatable template, formatted only on display
    assert "x/sales.yaml:3: unknown kind 'phone'" in str(err)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", "empty"), ("# only a comment\n", "empty"), ("- a\n- b\n", "must be a mapping")],
)
def test_empty_or_non_mapping_file(text: str, expected: str) -> None:
    assert any(expected in p.message for p in problems_of(text))


def test_auto_check_keys_are_kept_in_extra() -> None:
    text = variant(
        "        na_allowed: false\n",
        "        na_allowed: false\n"
        "        auto: {rule: greeting, window_s: 20}\n"
        "        applies_to: [call, chat]\n"
        "        threshold: 0.6\n"
        "        examples: [здравствуйте, добрый день]\n",
    )
    c = parse_template_text(text).criterion("greeting")
    assert c.extra == {
        "auto": {"rule": "greeting", "window_s": 20},
        "applies_to": ["call", "chat"],
        "threshold": 0.6,
        "examples": ["здравствуйте", "добрый день"],
    }


def test_load_template_missing_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "нет-такого.yaml"
    with pytest.raises(TemplateError) as info:
        load_template(missing)
    assert info.value.path == str(missing)
    assert str(missing) in str(info.value)
    assert info.value.problems[0].file == str(missing)


def test_load_template_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.yaml"
    path.write_bytes(VALID.replace("Demo", "Демо").encode("cp1251"))
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert info.value.path == str(path)


def test_load_template_accepts_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert load_template(path) == parse_template_text(VALID)


def test_validate_files_reports_only_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(VALID, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad_text = variant("weight: 1\n", "weight: 0  # HERE\n")
    bad.write_text(bad_text, encoding="utf-8")
    assert validate_files([good]) == []
    problems = validate_files([good, bad, tmp_path / "missing.yaml"])
    assert {p.file for p in problems} == {str(bad), str(tmp_path / "missing.yaml")}
    assert any(
        p.file == str(bad) and p.line == marked_line(bad_text) and "weight" in p.message
        for p in problems
    )


def _round_trip(t: ChecklistTemplate) -> ChecklistTemplate:
    text = yaml.safe_dump(template_to_dict(t), allow_unicode=True, sort_keys=False)
    return parse_template_text(text)


def shipped() -> list[Path]:
    return sorted(CHECKLISTS.glob("*.yaml"))


def test_round_trip_keeps_everything_including_extra() -> None:
    text = variant(
        "        na_allowed: false\n", "        na_allowed: false\n        auto: {rule: greeting}\n"
    )
    t = parse_template_text(text)
    back = _round_trip(t)
    assert back == t
    assert back.criterion("greeting").extra == {"auto": {"rule": "greeting"}}
    d = template_to_dict(t)
    assert list(d) == ["id", "title", "kind", "language", "version", "goal", "stages", "sections"]
    assert list(d["sections"][0]["criteria"][0])[:7] == [
        "id",
        "title",
        "guidance",
        "answer",
        "weight",
        "critical",
        "na_allowed",
    ]
    assert d["sections"][0]["criteria"][1]["weight"] == 2 and isinstance(
        d["sections"][0]["criteria"][1]["weight"], int
    )


def test_shipped_templates_exist_validate_and_round_trip() -> None:
    paths = shipped()
    assert {p.name for p in paths} >= {"sales-call-ru.yaml", "sales-call-en.yaml"}
    assert validate_files(paths) == []
    for path in paths:
        t = load_template(path)
        assert _round_trip(t) == t
        assert path.stem == t.id


RU_SECTIONS = {
    "Установление контакта": [
        "greeting",
        "introduced_self",
        "named_company",
        "checked_time",
        "asked_client_name",
    ],
    "Выявление потребностей": ["needs_discovery", "open_questions"],
    "Презентация": ["presented_benefits"],
    "Работа с возражениями": ["objection_handling"],
    "Завершение": ["next_step", "farewell"],
    "Тон и профессионализм": [
        "no_interruptions",
        "tone_friendly",
        "speech_clear",
        "product_knowledge",
        "accurate_info",
        "no_rudeness",
    ],
}
MANUAL = {"tone_friendly", "speech_clear", "product_knowledge", "accurate_info"}


def guide_ids() -> set[str]:
    """The criterion ids in the labeling guide's table (first column)."""
    text = LABELING_GUIDE.read_text(encoding="utf-8")
    return set(re.findall(r"^\| ([a-z_]+) \|", text, re.MULTILINE)) - {"id"}


@pytest.mark.shared_data
def test_sales_call_ru_matches_the_spec_and_labeling_guide() -> None:
    t = load_template(CHECKLISTS / "sales-call-ru.yaml")
    assert (t.id, t.kind, t.language, t.version) == ("sales-call-ru", "call", "ru", 1)
    assert {s.title: [c.id for c in s.criteria] for s in t.sections} == RU_SECTIONS
    assert list(RU_SECTIONS) == [s.title for s in t.sections]
    ids = {c.id for c in t.criteria()}
    assert len(guide_ids()) == 13
    assert ids - MANUAL == guide_ids()
    assert [s.id for s in t.stages] == [
        "greeting",
        "needs",
        "presentation",
        "objections",
        "closing",
    ]
    assert {c.id for c in t.criteria() if c.critical} == {"accurate_info", "no_rudeness"}
    assert {c.id for c in t.criteria() if c.na_allowed} == {
        "checked_time",
        "objection_handling",
        "no_interruptions",
    }
    answers = {c.id: c.answer for c in t.criteria() if c.answer != "yes_no"}
    assert answers == {
        "tone_friendly": "scale_1_5",
        "speech_clear": "yes_no_partial",
        "product_knowledge": "yes_no_partial",
    }
    assert all(c.weight >= 2 for c in t.criteria() if c.critical)
    assert all(c.guidance and c.title for c in t.criteria())
    assert all(re.search("[а-яё]", x, re.I) for x in [t.goal, *(s.title for s in t.stages)])


def test_sales_call_en_mirrors_ru() -> None:
    ru = load_template(CHECKLISTS / "sales-call-ru.yaml")
    en = load_template(CHECKLISTS / "sales-call-en.yaml")
    assert (en.id, en.language, en.kind, en.version) == ("sales-call-en", "en", ru.kind, ru.version)

    def shape(t: ChecklistTemplate) -> list[list[tuple[object, ...]]]:
        return [
            [(c.id, c.answer, c.weight, c.critical, c.na_allowed) for c in s.criteria]
            for s in t.sections
        ]

    assert shape(en) == shape(ru)
    assert [s.id for s in en.stages] == [s.id for s in ru.stages]
    assert all(c.answer in ANSWER_TYPES and c.guidance for c in en.criteria())
    assert not re.search("[а-яё]", yaml.safe_dump(template_to_dict(en), allow_unicode=True), re.I)


EXTRA_CASES = [
    pytest.param(
        variant(
            "        critical: true\n", "        critical: true\n        threshold: 1.5  # HERE\n"
        ),
        "'threshold' must be between 0 and 1",
        id="threshold-range",
    ),
    pytest.param(
        variant(
            "        critical: true\n", "        critical: true\n        threshold: high  # HERE\n"
        ),
        "'threshold' must be a number",
        id="threshold-type",
    ),
    pytest.param(
        variant(
            "        critical: true\n",
            "        critical: true\n        applies_to: [call, fax]  # HERE\n",
        ),
        "unknown value 'fax'",
        id="applies-to-value",
    ),
    pytest.param(
        variant(
            "        critical: true\n",
            "        critical: true\n        applies_to:\n"
            "          directions: [sideways]  # HERE\n",
        ),
        "unknown value 'sideways'",
        id="applies-to-direction",
    ),
    pytest.param(
        variant(
            "        critical: true\n", "        critical: true\n        applies_to: []  # HERE\n"
        ),
        "lists nothing",
        id="applies-to-empty",
    ),
    pytest.param(
        variant(
            "        critical: true\n", "        critical: true\n        auto: [a, b]  # HERE\n"
        ),
        "must be a checker name or a mapping",
        id="auto-shape",
    ),
    pytest.param(
        variant(
            "        critical: true\n",
            "        critical: true\n        examples: здравствуйте  # HERE\n",
        ),
        "'examples' must be a list",
        id="examples-shape",
    ),
    pytest.param(
        VALID
        + "  - title: Contact  # HERE\n    criteria:\n"
        + "      - {id: x, title: X, answer: yes_no, weight: 1}\n",
        "duplicate section title 'Contact'",
        id="dup-section-title",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXTRA_CASES)
def test_auto_check_keys_and_sections_are_checked_at_their_line(text: str, expected: str) -> None:
    test_each_problem_is_reported_at_its_line(text, expected)


def test_problems_know_their_place_and_translate() -> None:
    text = variant("weight: 2\n", "weight: 0\n")
    text = variant("  - id: closing\n", "  - id: Closing\n", text)
    problems = problems_of(text)
    by_message = {p.message: p for p in problems}
    weight = next(p for m, p in by_message.items() if "greater than 0" in m)
    assert weight.where == ("criterion", 0, 1)
    stage = next(p for m, p in by_message.items() if "stage id 'Closing'" in m)
    assert stage.where == ("stage", 1)
    fake = {"{what}: 'weight' must be greater than 0 (got {weight})": "{what}: вес {weight}",
            "criterion '{id}'": "критерий «{id}»"}  # fmt: skip
    assert weight.render(lambda s: fake.get(s, s)) == "критерий «no_rudeness»: вес 0"
    assert weight.render() == weight.message
    broken = {"criterion '{id}'": "критерий {nope}"}
    assert "no_rudeness" in weight.render(lambda s: broken.get(s, s))  # falls back to English


def test_check_template_and_lenient_drafts() -> None:
    t = parse_template_text(VALID)
    assert check_template(t) == []
    crit = t.sections[0].criteria[0]
    bad = dataclasses.replace(crit, id="", weight=0.0)
    broken = dataclasses.replace(
        t, sections=(dataclasses.replace(t.sections[0], criteria=(bad,)), Section("Empty", ()))
    )
    found = check_template(broken)
    assert {p.where for p in found} >= {("criterion", 0, 0), ("section", 1)}
    assert any("has no criteria" in p.message for p in found)
    # A draft is stored as it is and read back without validation.
    back = template_from_data(template_to_dict(broken))
    assert back == broken and back.sections[1].criteria == ()
    assert template_from_data({}).sections == ()


def test_slugify_transliterates_and_unique_id_suffixes() -> None:
    assert slugify("Уточнил, удобно ли говорить") == "utochnil_udobno_li_govorit"
    assert slugify("Щедрость") == "shchedrost" and slugify("Ёлка и юла") == "elka_i_yula"
    assert slugify("") == "item" and slugify("2 вопроса") == "item_2_voprosa"
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", slugify(x)) for x in ("!!!", "Ok ok", "Ы"))
    assert unique_id("greeting", {"greeting", "greeting_2"}) == "greeting_3"
    assert unique_id("new", set()) == "new"
