"""YAML round trip over generated templates: export then import gives an equal template."""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qcdesk.domain.checklist import (
    ANSWER_TYPES,
    DIRECTIONS,
    KINDS,
    ChecklistTemplate,
    Criterion,
    Section,
    Stage,
)
from qcdesk.domain.checklist_schema import (
    check_template,
    parse_template_text,
    template_to_dict,
    template_to_yaml,
)

# Titles as people type them: Cyrillic, quotes, colons, '#', YAML keywords ("yes", "null"),
# numbers, several lines; stripped, because the parser strips what it reads.
ALPHABET = (
    string.ascii_letters
    + string.digits
    + " :#'\"-—«»,.!?&*%@[]{}|>\n"
    + "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЯЁ"
)
texts = (
    st.one_of(
        st.sampled_from(
            ["yes", "No", "null", "~", "true", "1", "2.5", "- a", "# x", "Привет: мир"]
        ),
        st.text(ALPHABET, min_size=1, max_size=40),
    )
    .map(str.strip)
    .filter(bool)
)
ids = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
weights = st.one_of(
    st.integers(1, 100).map(float),
    st.floats(0.01, 1000, allow_nan=False, allow_infinity=False),
)


@st.composite
def criteria(draw: st.DrawFn, cid: str) -> Criterion:
    critical = draw(st.booleans())
    extra: dict[str, object] = {}
    if draw(st.booleans()):
        extra["auto"] = draw(
            st.one_of(ids, st.fixed_dictionaries({"check": ids, "window_s": st.integers(1, 60)}))
        )
    if draw(st.booleans()):
        extra["threshold"] = draw(st.floats(0, 1, allow_nan=False))
    if draw(st.booleans()):
        kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True))
        directions = draw(st.lists(st.sampled_from(DIRECTIONS), max_size=2, unique=True))
        extra["applies_to"] = {"kinds": kinds, **({"directions": directions} if directions else {})}
    if draw(st.booleans()):
        extra["examples"] = draw(st.lists(texts, min_size=1, max_size=3))
    return Criterion(
        id=cid,
        title=draw(texts),
        guidance=draw(st.one_of(st.just(""), texts)),
        answer=draw(st.sampled_from(ANSWER_TYPES)),
        weight=draw(weights),
        critical=critical,
        na_allowed=False if critical else draw(st.booleans()),
        extra=extra,
    )


@st.composite
def templates(draw: st.DrawFn) -> ChecklistTemplate:
    all_ids = draw(st.lists(ids, min_size=1, max_size=12, unique=True))
    cut = (
        sorted(draw(st.sets(st.integers(1, len(all_ids) - 1), max_size=3)))
        if len(all_ids) > 1
        else []
    )
    groups = [all_ids[a:b] for a, b in zip([0, *cut], [*cut, len(all_ids)], strict=True)]
    titles = draw(st.lists(texts, min_size=len(groups), max_size=len(groups), unique=True))
    sections = tuple(
        Section(title, tuple(draw(criteria(cid)) for cid in group))
        for title, group in zip(titles, groups, strict=True)
    )
    stage_ids = draw(st.lists(ids, max_size=6, unique=True))
    return ChecklistTemplate(
        id=draw(st.from_regex(r"[a-z][a-z0-9_-]{0,20}", fullmatch=True)),
        title=draw(texts),
        kind=draw(st.sampled_from(KINDS)),
        language=draw(st.sampled_from(["ru", "en", "kk", "ru-RU"])),
        version=draw(st.integers(1, 10_000)),
        sections=sections,
        stages=tuple(Stage(s, draw(texts)) for s in stage_ids),
        goal=draw(texts),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates())
def test_yaml_round_trip_is_exact(t: ChecklistTemplate) -> None:
    assert check_template(t) == []  # every generated template is valid...
    back = parse_template_text(template_to_yaml(t))
    assert back == t  # ...and comes back equal,
    assert template_to_dict(back) == template_to_dict(t)  # extra keys included


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(t=templates())
def test_export_then_import_through_the_service(services, tmp_path: Path, t) -> None:
    path = tmp_path / f"{t.id}.yaml"
    path.write_text(template_to_yaml(t), encoding="utf-8")
    slug, version = services.templates.import_file(path)
    out = services.templates.export(services.templates.resolve(slug, version), tmp_path / "o.yaml")
    back = parse_template_text(out.read_text(encoding="utf-8"))
    assert template_to_dict(back) == template_to_dict(t) | {"version": version}
