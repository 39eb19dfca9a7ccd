"""Lexicons of the auto-prefill rules, as phrases matched on lemmas (see ``text``).

Entries name *kinds* of expression from labeling-guide.md (greetings, parting wishes,
objections, commitments, rudeness markers), Russian first with English equivalents; one entry
covers every word form. Aspect pairs (записать / записывать) are separate lemmas: list both.
"""

from __future__ import annotations

from qcdesk.domain.rules.text import phrases

GREETINGS = phrases(
    (
        "здравствуйте",
        "здравствуй",
        "здрасте",
        "здрасьте",
        "добрый день",
        "добрый вечер",
        "добрый утро",
        "приветствовать",
        "привет",
        "доброго",
        "hello",
        "hi",
        "good morning",
        "good afternoon",
        "good evening",
        "welcome",
    )
)
FAREWELLS = phrases(
    (
        "до свидание",
        "удача",
        "свидание",
        "всего добрый",
        "всего хороший",
        "хороший день",
        "хороший вечер",
        "хороший выходной",
        "хороший дорога",
        "добрый день",
        "добрый вечер",
        "до встреча",
        "до понедельник",
        "до вторник",
        "до среда",
        "до четверг",
        "до пятница",
        "до суббота",
        "до воскресенье",
        "до завтра",
        "спасибо за",
        "спасибо вам",
        "спасибо что",
        "благодарить за",
        "обращаться",
        "удачный",
        "всех благ",
        "goodbye",
        "bye",
        "have a nice",
        "thank you for",
        "thanks for",
    ),
    gap=1,
)
CHECK_TIME = phrases(
    (
        "удобно ли",
        "не помешать",
        "уделить",
        "вы не занятый",
        "удобный момент",
        "можно пара минута",
        "удобно говорить",
        "удобно разговаривать",
        "можете говорить",
        "удобно сейчас",
        "удобно переписываться",
        "пара минута",
        "минутка",
        "минута есть",
        "есть минута",
        "не отвлекать",
        "есть время",
        "можно отвлечь",
        "good time",
        "have a minute",
        "got a minute",
    ),
    gap=2,
)
# Asking whether the client can talk, by meaning rather than fixed wording: a speaking verb
# with a word of ease or ability near it («комфортно общаться», «говорить можете»).
TALK_VERBS = frozenset("говорить разговаривать общаться беседовать talk speak".split())
TALK_EASE = frozenset("удобно удобный комфортно мочь можно время минута минутка".split())
SELF_INTRO_BEFORE = frozenset(
    "я зовут звать это связь говорить беспокоить администратор консультант менеджер специалист "
    "оператор name is this".split()
)
ASK_NAME = phrases(
    ("как обращаться", "как звать", "ваш имя", "какой имя", "на какой имя", "your name"), gap=4
)
ORG_NOUNS = frozenset(
    "фабрика бюро холдинг гостиница кафе автосервис академия бутик аптека типография "
    "застройщик сеть магазинчик компания салон магазин интернет-магазин клиника центр "
    "студия школа агентство клуб автоцентр техцентр медцентр шиномонтаж автомойка отдел "
    "служба провайдер мастерская лавка фирма сервис шоурум ателье банк автосалон дилер "
    "ресторан отель турагентство стоматология прокат лагерь коворкинг пекарня кондитерская "
    "питомник company store shop clinic agency studio".split()
)
FUNCTION_POS = frozenset("PREP CONJ PRCL NPRO VERB INFN ADVB PRED NUMR INTJ".split())
# Benefits: a feature tied to this client's need or gain (the guide's «…поэтому вам не
# придётся…», «это сэкономит…», «для вашей задачи подойдёт, потому что…»). Strong cues say
# what the client gains; weak ones only link two statements and often argue price instead.
BENEFIT = phrases(
    (
        "поэтому вам",
        "поэтому вы",
        "не придется",
        "не прийтись",
        "сэкономить",
        "экономить",
        "экономия",
        "чтобы вам",
        "чтобы вы",
        "вы сможете",
        "вы получить",
        "вам не надо",
        "вам не нужно",
        "для ваш",
        "как раз для",
        "не переплатить",
        "быть экономить",
        "быть получать",
        "быть возвращать",
        "вы успеть",
        "you will save",
        "you won't have",
        "because you",
        "so you can",
    ),
    gap=1,
)
BENEFIT_TIE = phrases(("вам подойти", "тогда вам", "за счет"), gap=1)
BENEFIT_WEAK = phrases(("так что", "поэтому", "даже если", "будет удобно", "so you"), gap=1)
# The guide's kinds: price, "I'll think", competitor, no time, not needed, not sure. Comparative
# price words («дешевле», «дороже») are found by their grammar in detectors: the lemma of
# «дешевле» is «дешёвый», and asking for «самый дешёвый» is a need, not an objection.
OBJECTIONS = phrases(
    (
        "сомневаться",
        "не подходить",
        "не устраивать",
        "нет деньга",
        "не готовый",
        "слишком",
        "дорого",
        "дороговато",
        "подумать",
        "посоветоваться",
        "обсудить с муж",
        "обсудить с жена",
        "сравнить",
        "нет время",
        "время нет",
        "время сейчас нет",
        "не до это",
        "некогда",
        "не нужный",
        "не нужно",
        "не надо",
        "не интересно",
        "не уверенный",
        "не уверить",
        "не потянуть",
        "не по карман",
        "у конкурент",
        "другой магазин",
        "другой студия",
        "другой компания",
        "другой фирма",
        "другой салон",
        "другой провайдер",
        "другой клиника",
        "у другой",
        "лучше сходить",
        "сам продавать",
        "expensive",
        "think about it",
        "not sure",
        "no time",
        "not interested",
        "don't need",
        "cheaper",
    ),
    gap=1,
) + phrases(("лучше сходить", "лучше обратиться", "сам продавать"), gap=3)
# Weak signs of an objection: alone they leave the criterion to the reviewer.
# «Уже купили» is "not needed" when it answers the offer, and small talk otherwise.
OBJECTION_WEAK = phrases(
    (
        "дорогой",
        "не знать",
        "боюсь",
        "бояться",
        "страшно",
        "не понравиться",
        "уже есть",
        "уже купить",
        "уже взять",
        "уже найти",
    )
)
DISMISSIVE = phrases(
    (
        "как хотеть",
        "ваш дело",
        "ваш право",
        "думайте",
        "если надумать",
        "недешевый",
        "ну да",
        "сходите",
        "ну хорошо",
        "ничем не помочь",
        "as you wish",
        "up to you",
    )
)
HANDLING = phrases(
    (
        "понимать",
        "но",
        "зато",
        "если",
        "рассрочка",
        "скидка",
        "давайте",
        "смотрите",
        "предложить",
        "вариант",
        "бесплатно",
        "гарантия",
        "входить в",
        "включить в",
        "поэтому",
        "а если",
        "акция",
        "understand",
        "but",
        "discount",
        "instead",
        "what if",
        "option",
    )
)
COMMIT_DONE = phrases(
    (
        "зарезервировать",
        "бронировать",
        "ждать вы",
        "договориться",
        "подтвердить",
        "согласовать",
        "записать",
        "записывать",
        "забронировать",
        "оформить",
        "оформлять",
        "отложить",
        "откладывать",
        "резервировать",
        "заказ принят",
        "заказ оформить",
        "заявка",
        "ждать вас",
        "ждем",
        "book",
        "booked",
        "scheduled",
        "order is placed",
        "see you",
    )
)
COMMIT_OFFER = phrases(
    (
        "встретиться",
        "созвониться",
        "набрать",
        "связаться",
        "перезвонить",
        "позвонить",
        "отправить",
        "скинуть",
        "прислать",
        "приехать",
        "приезжать",
        "подъехать",
        "подъезжать",
        "прийти",
        "приходить",
        "зайти",
        "заходить",
        "привезти",
        "доставить",
        "встреча",
        "записать",
        "call you back",
        "send",
        "visit",
        "meet",
    )
)
GOAL_ONLY_CALLBACK = frozenset("перезвонить созвониться".split())
CALLBACK_FORMS = frozenset(
    "позвоню позвоним наберу наберём свяжусь свяжемся перезвоню перезвоним созвонимся".split()
)
ORDER_DONE = phrases(
    (
        "заказ принять",
        "заказ оформить",
        "оформлять заказ",
        "оформить заказ",
        "оплата пройти",
        "бронь",
        "order placed",
    ),
    gap=2,
)
# Steps left to the client, with no time: «перезвоните, если надумаете», «ждём вашего звонка».
VAGUE = phrases(
    (
        "если надумать",
        "если что",
        "если решить",
        "когда надумать",
        "ждать ваш звонок",
        "if you decide",
    )
)
REFUSAL = phrases(
    (
        "не надо",
        "не нужно",
        "не мочь",
        "не смочь",
        "не получиться",
        "не выйти",
        "сам позвонить",
        "сам перезвонить",
        "сам связаться",
        "сам набрать",
        "другой",
        "подумать",
        "нет спасибо",
        "не интересно",
        "no thanks",
        "not interested",
    )
)
WEEKDAYS = frozenset(
    "понедельник вторник среда четверг пятница суббота воскресенье воскресение завтра "
    "послезавтра сегодня "
    "monday tuesday wednesday thursday friday saturday sunday tomorrow today".split()
)
HOURS = frozenset(
    "час один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
    "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать "
    "двадцать утро вечер обед полдень".split()
)
RUDE = phrases(
    (
        "не морочить",
        "не мешать",
        "бред",
        "глупый вопрос",
        "сто раз",
        "сам виноватый",
        "повторять для",
        "ваш проблема",
        "я же сказать",
        "я же уже",
        "я же объяснить",
        "я же написать",
        "вы что не",
        "не понимать что",
        "читайте внимательно",
        "читать внимательно",
        "можете идти",
        "ваш право",
        "не мой проблема",
        "сколько можно",
        "не ваш дело",
        "дурак",
        "идиот",
        "тупой",
        "бестолковый",
        "отстать",
        "надоесть",
        "заткнуться",
        "ну это вы",
        "чего вы хотеть",
        "your problem",
        "i already told",
        "are you stupid",
        "idiot",
        "not my problem",
    ),
    gap=1,
)

# Weak signs of rudeness (the guide's mockery and reproach) that need a reviewer's ear: a
# rhetorical «вы что…», «как можно не…», «неужели не…»; see also detectors.rude_hints.
REPROACH = phrases(("как можно не", "неужели не", "что вы хотеть"))
ADDRESS_RUDE = frozenset("женщина мужчина девушка молодой".split())  # as a form of address
