"""Rule primitives: lemmas across Russian word forms, phrase gaps, negation, ASR-style text."""

from __future__ import annotations

from qcdesk.domain.rules.text import (
    lemma,
    make_seg,
    phrase,
    phrases,
    seg_match,
    stem_en,
    tokenize,
)


def seg(text: str, speaker: str = "consultant"):
    return make_seg(0, {"speaker": speaker, "start": 0, "end": 1, "text": text})


def test_every_word_form_matches_one_phrase():
    ph = phrases(("записать",))
    for form in ("Записала вас", "я запишу", "ЗАПИСАЛИ", "записали бы"):
        assert seg_match(seg(form), ph) is not None, form
    assert seg_match(seg("прописали в договоре"), ph) is None
    # Aspect pairs are separate lemmas in pymorphy3, so lexicons list both.
    assert seg_match(seg("записываю вторник"), phrases(("записывать",)))


def test_multiword_phrase_matches_inflected_forms_and_gap():
    ph = phrases(("удобно говорить",), gap=2)
    assert seg_match(seg("Вам сейчас удобно говорить?"), ph)
    assert seg_match(seg("вам удобно сейчас говорить"), ph)  # one word between
    assert seg_match(seg("говорить удобно"), ph) is None  # order matters
    assert phrase("хорошего дня").lemmas == phrase("хороший день").lemmas


def test_negation_blocks_match_but_not_across_sentences():
    ph = phrases(("дорого",))
    assert seg_match(seg("Это дорого для меня", "client"), ph)
    assert seg_match(seg("это не дорого", "client"), ph) is None
    assert seg_match(seg("это не очень дорого", "client"), ph) is None  # through an intensifier
    farewell = phrases(("спасибо что",))
    assert seg_match(seg("Мы туда не выезжаем. Спасибо, что обратились!"), farewell)
    # Without punctuation «не» negates the next word only, not the one after it.
    assert seg_match(seg("мы туда не выезжаем спасибо что обратились"), farewell)
    think = phrases(("подумать",))
    assert seg_match(seg("я пока не решила подумаю еще", "client"), think)
    assert seg_match(seg("я не подумала об этом", "client"), think) is None


def test_asr_text_lowercase_without_punctuation_tokenizes_the_same():
    a = tokenize("Здравствуйте! Меня зовут Анна, салон «Уют».")
    b = tokenize("здравствуйте меня зовут анна салон уют")
    assert a == b
    assert lemma("зовут") == "звать"
    assert lemma("ёлки") == lemma("елки")


def test_english_stemmer_collapses_forms():
    assert stem_en("booked") == stem_en("booking") == stem_en("books") == "book"
    assert stem_en("tries") == "try"
