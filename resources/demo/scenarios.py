"""The demo dialogues: consultants, call profiles and how a call is composed from them.

Each call is described by a profile (which checklist behaviours the consultant shows) and
composed from text variants picked with a seeded random generator, so the spoken text, the
true labels and the audio all come from one place and regenerate identically.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from catalog import DIVANY, PRODUCTS, TEHNODOM, Product

# Speech is synthesised with one male voice; consultants' genders only pick grammar and pitch.
CONSULTANTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    DIVANY: (("Анна Смирнова", "201", "f"), ("Игорь Петров", "202", "m"),
             ("Мария Кузнецова", "203", "f")),
    TEHNODOM: (("Ольга Иванова", "301", "f"), ("Дмитрий Соколов", "302", "m"),
               ("Елена Попова", "303", "f")),
}
PLACE = {DIVANY: "салон «Диваны Плюс»", TEHNODOM: "магазин «ТехноДом»"}
CLIENT_NAMES = {"f": (("Наталья", "Викторовна"), ("Ирина", "Сергеевна"), ("Светлана", "Павловна"),
                      ("Екатерина", "Андреевна"), ("Татьяна", "Олеговна")),
                "m": (("Сергей", "Николаевич"), ("Андрей", "Петрович"), ("Виктор", "Ильич"),
                      ("Алексей", "Юрьевич"), ("Павел", "Андреевич"))}


@dataclass
class Line:
    """One utterance with the checklist behaviours it shows (tags)."""

    speaker: str  # "consultant" or "client"
    text: str
    tags: frozenset[str] = frozenset()
    cut_in: bool = False  # the consultant starts well before the client has finished


@dataclass
class Profile:
    """What one call contains; the flags decide which building blocks are used."""

    company: str
    consultant: int  # index into CONSULTANTS[company]
    direction: str = "incoming"
    greet: bool = True
    intro: bool = True
    name_company: bool = True
    check_time: bool = False
    ask_name: bool = False
    needs: int = 0  # how many needs questions
    open_needs: int = 0  # how many of them are open questions
    benefit: bool = False
    present: bool = True
    objection: str | None = None  # "price", "think", "competitor", "notime"
    handled: bool = False
    close: str | None = None  # "order", "visit", "reserve", "callback", "offer", "vague"
    farewell: bool = True
    cut_in: bool = False
    rude: bool = False
    hangup: bool = False  # the client leaves after the needs questions
    evaluation: str | None = "reviewed"  # "reviewed", "in_progress" or None
    channels: int = 2


@dataclass
class Dialogue:
    """A composed call: its lines plus the facts needed for the evaluation."""

    profile: Profile
    consultant: str
    extension: str
    consultant_gender: str
    client_gender: str
    product: Product
    lines: list[Line] = field(default_factory=list)
    goal: bool = False
    deal: int | None = None
    price: int = 0  # what the client would pay: the product's price or the cheaper option's


def _g(gender: str, male: str, female: str) -> str:
    return female if gender == "f" else male


def compose(p: Profile, rng: random.Random) -> Dialogue:
    """Build the lines of one call from its profile; text variants are picked with rng."""
    name, ext, cg = CONSULTANTS[p.company][p.consultant]
    first = name.split()[0]
    product = rng.choice(PRODUCTS[p.company])
    client_g = rng.choice("mf") if rng.random() < 0.4 else ("m" if cg == "f" else "f")
    cname, cpatr = rng.choice(CLIENT_NAMES[client_g])
    d = Dialogue(p, name, ext, cg, client_g, product, price=product.price)
    out = d.lines

    def con(text: str, *tags: str, cut_in: bool = False) -> None:
        out.append(Line("consultant", text, frozenset(tags), cut_in))

    def cli(text: str, *tags: str) -> None:
        out.append(Line("client", text, frozenset(tags)))

    place = PLACE[p.company]
    addr = ""  # how the consultant addresses the client once the name is known
    # --- contact
    if p.direction == "incoming":
        hello = rng.choice(("Добрый день", "Здравствуйте")) if p.greet else ""
        parts = [hello] if hello else []
        tags = ["greet"] if hello else []
        if p.name_company:
            parts.append(place if hello else place[0].upper() + place[1:])
            tags.append("company")
        if p.intro:
            parts.append(rng.choice((f"меня зовут {first}", f"{first}")))
            tags.append("intro")
        opening = ", ".join(parts) if parts else "Алло"
        con(f"{opening}, слушаю вас." if parts else "Алло. Да.", *tags)
        cli(("Здравствуйте. " if rng.random() < 0.4 else "") + product.request)
        if p.ask_name:
            con(rng.choice(("Как я могу к вам обращаться?", "Подскажите, как вас зовут?")),
                "askname")
            cli(f"{cname}.")
            addr = f"{cname}, "
    else:
        if p.ask_name:
            con(f"Алло, {cname} {cpatr}?", "askname")
            addr = f"{cname} {cpatr}, "
        else:
            con("Алло.")
        cli("Да, слушаю.")
        parts = ["Добрый день"] if p.greet else []
        tags = ["greet"] if p.greet else []
        if p.intro:
            parts.append(f"меня зовут {first}")
            tags.append("intro")
        if p.name_company:
            parts.append(f"{place}")
            tags.append("company")
        lead = ", ".join(parts) + ". " if parts else ""
        lead = lead[:1].upper() + lead[1:]
        about = f"Вы оставляли заявку на {product.short}."
        if p.check_time:
            ask = rng.choice(("Вам удобно сейчас говорить?", "Есть пара минут?"))
            con(lead + ask, *tags, "time")
        else:
            con(lead + about, *tags)
        if p.objection == "notime":
            cli("Ой, у меня сейчас совсем нет времени.", "objection")
            con("Понимаю. Давайте я перезвоню сегодня в семь вечера, это займёт пять минут?",
                "handle", "propose", "next")
            cli("Давайте в семь.")
            _farewell(p, cli, con, rng, outgoing=True)
            return d
        if p.check_time:
            cli(rng.choice(("Да, говорите.", "Да, пару минут есть.")))
            con(about)
        cli("Да, оставлял." if client_g == "m" else "Да, оставляла.")
    # --- needs
    opens = list(product.open_q[: p.open_needs])
    closed = list(product.closed_q[: p.needs - p.open_needs])
    for i, (q, a) in enumerate(opens + closed):
        q = addr + q[0].lower() + q[1:] if (i == 0 and addr) else q
        cut = p.cut_in and i == 1
        q = "Понятно. " + q if cut else q
        con(q, "needs", *(("open",) if i < len(opens) else ()), cut_in=cut)
        if p.cut_in and i == 0:
            a = f"{a} {product.addon}"
        cli(a)
    if p.cut_in and p.needs < 2:
        raise ValueError("a cut-in needs a second needs question to cut in with")
    if p.hangup:  # the client has to go before anything is offered
        cli("Ой, извините, мне в дверь звонят. Я вам перезвоню.")
        _farewell(p, cli, con, rng, outgoing=p.direction == "outgoing")
        return d
    # --- presentation
    if p.benefit:
        con(product.benefit, "present", "benefit")
    elif p.present:
        con(product.specs, "present")
    # --- objection
    if p.objection and p.objection != "notime":
        _objection(p, d, cli, con, rng)
    # --- closing
    if p.close:
        _closing(p, d, cli, con, rng)
    elif not p.objection:
        cli(rng.choice(("Понятно, спасибо.", "Ага, понятно.")))
    _farewell(p, cli, con, rng, outgoing=p.direction == "outgoing")
    return d


def _objection(p: Profile, d: Dialogue, cli, con, rng: random.Random) -> None:
    g = d.consultant_gender
    if p.objection == "price":
        cli(rng.choice(("Дороговато, честно говоря.", "Ой, это дорого.")), "objection")
        if p.handled:
            if rng.random() < 0.5:
                con(d.product.cheaper, "handle")
                d.price = d.product.cheaper_price
            else:
                con("Понимаю. Можно оформить рассрочку без переплаты на полгода.", "handle")
            cli("А, ну это уже интереснее.")
        elif p.rude:
            con("Дешевле нет.")
            cli("Точно? Может, есть какая-то скидка?")
            con(_g(g, "Я же уже сказал, дешевле нет.", "Я же уже сказала, дешевле нет."), "rude")
        else:
            con("Да, цена такая.")
            cli(rng.choice(("Понятно.", "Ну ладно.")))
    elif p.objection == "think":
        cli(rng.choice(("Я подумаю ещё.", "Мне надо подумать.")), "objection")
        if p.handled:
            con("Конечно. Только скидка действует до воскресенья, потом цена вырастет.",
                "handle")
            cli("Ясно, тогда не буду тянуть.")
        else:
            con("Хорошо, думайте.")
            cli("Ага.")
    elif p.objection == "competitor":
        cli("А в другом магазине это дешевле на три тысячи.", "objection")
        if p.handled:
            con("У нас в цену входят доставка и подъём, а там их считают отдельно.", "handle")
            cli("Да? Тогда понятно.")
        else:
            con("Ну, возможно.")
            cli("Понятно.")
    else:
        raise ValueError(f"unknown objection {p.objection!r}")


def _closing(p: Profile, d: Dialogue, cli, con, rng: random.Random) -> None:
    kind = p.close
    if kind == "order":
        con("Оформляю заказ. Доставка в четверг с десяти до двух, подходит?", "propose", "next")
        cli("Да, подходит, оформляйте.")
        d.goal, d.deal = True, d.price
    elif kind == "visit":
        con("Приезжайте посмотреть вживую. В субботу в двенадцать вам удобно?", "propose", "next")
        cli("Да, в субботу в двенадцать приеду.")
        d.goal = True
    elif kind == "reserve":
        con(f"Давайте я отложу {d.product.it} для вас до пятницы, заберёте после шести?",
            "propose", "next")
        cli("Да, отложите, пожалуйста.")
        d.goal, d.deal = True, d.price
    elif kind == "callback":
        con("Давайте я перезвоню вам завтра в шесть вечера, и обсудим?", "propose", "next")
        cli("Хорошо, давайте.")
    elif kind == "offer":
        con("Я пришлю подборку на почту, а в пятницу в одиннадцать позвоню. Хорошо?",
            "propose", "next")
        cli("Хорошо, жду.")
    elif kind == "vague":
        con(rng.choice(("Приходите к нам как-нибудь, посмотрите вживую.",
                        "Перезвоните, если надумаете.")), "propose")
        cli(rng.choice(("Хорошо, может быть.", "Ладно.")))
    else:
        raise ValueError(f"unknown closing {kind!r}")


def _farewell(p: Profile, cli, con, rng: random.Random, outgoing: bool) -> None:
    if p.farewell:
        thanks = "Спасибо, всего доброго!" if outgoing else "Спасибо за звонок, всего доброго!"
        con(rng.choice((thanks, "Хорошего дня, до свидания!", "Спасибо, до свидания.")),
            "farewell")
        cli("До свидания.")
    else:
        cli("Ладно, до свидания.")
        con("Угу.")


D, T = DIVANY, TEHNODOM
P = Profile
# Thirty calls: the flags spread the checklist answers the way real calls do.
PROFILES: tuple[Profile, ...] = (
    P(D, 0, ask_name=True, needs=2, open_needs=2, benefit=True, objection="price", handled=True,
      close="order"),
    P(D, 1, intro=False, needs=1, open_needs=1, objection="think", close="vague"),
    P(D, 2, "outgoing", check_time=True, ask_name=True, needs=2, open_needs=1, benefit=True,
      close="visit"),
    P(D, 0, greet=False, intro=False, needs=1, objection="price", rude=True, farewell=False,
      channels=1),
    P(D, 1, "outgoing", ask_name=True, needs=2, open_needs=2, benefit=True,
      objection="competitor", handled=True, close="reserve"),
    P(D, 2, ask_name=True, needs=1, open_needs=1, benefit=True, objection="price", handled=True,
      close="callback", evaluation="in_progress"),
    P(D, 0, "outgoing", check_time=True, objection="notime", handled=True, present=False),
    P(D, 1, intro=False, name_company=False, needs=1, hangup=True, channels=1),
    P(D, 2, ask_name=True, needs=2, open_needs=2, benefit=True, close="order", cut_in=True),
    P(D, 0, needs=2, open_needs=2, benefit=True, objection="think", handled=True, close="offer",
      evaluation=None),
    P(D, 1, "outgoing", greet=False, intro=False, needs=1, close="vague", farewell=False,
      channels=1),
    P(D, 2, ask_name=True, needs=1, open_needs=1, benefit=True, close="visit", channels=1),
    P(D, 0, needs=2, open_needs=2, benefit=True, objection="price", handled=True, close="order",
      evaluation="in_progress", channels=1),
    P(D, 1, intro=False, ask_name=True, needs=2, open_needs=1, benefit=True, objection="think",
      close="vague", cut_in=True),
    P(D, 2, "outgoing", check_time=True, ask_name=True, needs=1, open_needs=1, benefit=True,
      close="visit", evaluation=None),
    P(T, 0, ask_name=True, needs=2, open_needs=2, benefit=True, objection="price", handled=True,
      close="order"),
    P(T, 1, name_company=False, needs=1, objection="competitor", channels=1),
    P(T, 2, "outgoing", check_time=True, ask_name=True, needs=2, open_needs=2, benefit=True,
      close="order"),
    P(T, 0, intro=False, needs=1, open_needs=1, benefit=True, close="callback", channels=1),
    P(T, 1, "outgoing", needs=1, open_needs=1, objection="think", close="vague"),
    P(T, 2, ask_name=True, needs=2, open_needs=2, benefit=True, objection="price", handled=True,
      close="reserve"),
    P(T, 0, greet=False, intro=False, objection="price", rude=True, farewell=False),
    P(T, 1, ask_name=True, needs=2, open_needs=2, benefit=True, close="order",
      evaluation="in_progress"),
    P(T, 2, "outgoing", check_time=True, objection="notime", handled=True, present=False,
      channels=1),
    P(T, 0, name_company=False, needs=1, benefit=True, close="offer", evaluation=None),
    P(T, 1, intro=False, ask_name=True, needs=2, open_needs=2, benefit=True, objection="think",
      handled=True, close="visit", cut_in=True),
    P(T, 2, needs=1, open_needs=1, benefit=True, objection="competitor", handled=True,
      close="order", farewell=False),
    P(T, 0, "outgoing", check_time=True, ask_name=True, needs=1),
    P(T, 1, needs=2, open_needs=2, benefit=True, close="reserve", evaluation=None, channels=1),
    P(T, 2, ask_name=True, needs=1, open_needs=1, benefit=True, objection="price", channels=1),
)
