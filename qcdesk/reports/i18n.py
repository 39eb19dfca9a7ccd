"""Every string a report prints, in Russian and English, and the number formats of each.

The PDF and XLSX are written without Qt (the CLI and background jobs make them), so reports
keep this small catalogue of their own instead of Qt Linguist files. The language is chosen
per report, not per application: an agency may send one client Russian and another English.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qcdesk.reports.model import Period

LANGS = ("ru", "en")

_MONTHS = {
    "ru": (
        "январь", "февраль", "март", "апрель", "май", "июнь",
        "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

CATALOGUE: dict[str, tuple[str, str]] = {
    # cover and headings
    "consultant_report": ("Индивидуальный отчёт консультанта", "Individual consultant report"),
    "team_report": ("Отчёт по команде", "Team report"),
    "client": ("Компания", "Company"),
    "agency": ("Подготовлено", "Prepared by"),
    "period": ("Период", "Period"),
    "compared_with": ("Сравнение с периодом", "Compared with"),
    "generated": ("Сформирован", "Generated"),
    "page": ("{n} / {m}", "{n} / {m}"),
    "empty": (
        "За этот период нет ни одной оценки и ни одного результата взаимодействия.",
        "There are no evaluations and no interaction outcomes in this period.",
    ),
    "summary": ("Итоги", "Summary"),
    "kpi": ("КПЭ: цель и факт", "KPI: target and actual"),
    "trend": ("Средний балл по неделям", "Mean score by week"),
    "sections": ("Соблюдение стандартов по разделам", "Compliance by section"),
    "criteria": ("Соблюдение стандартов по критериям", "Compliance by criterion"),
    "criticals": ("Критические ошибки", "Critical errors"),
    "no_criticals": ("Критических ошибок нет.", "No critical errors."),
    "recurring": ("Повторяющиеся ошибки", "Recurring errors"),
    "recurring_note": (
        "Критерий не выполнен не менее чем в {share} оценок и не менее {min} раз.",
        "The criterion failed in at least {share} of evaluations and at least {min} times.",
    ),
    "no_recurring": ("Повторяющихся ошибок нет.", "No recurring errors."),
    "failed_times": ("не выполнен {k} из {n} ({share})", "failed {k} of {n} ({share})"),
    "no_quote": ("(без цитаты)", "(no quote)"),
    "funnel": ("Воронка этапов", "Funnel of stages"),
    "best": ("Лучшие взаимодействия", "Best interactions"),
    "worst": ("Худшие взаимодействия", "Worst interactions"),
    "comments": ("Комментарии ревьюеров", "Reviewer comments"),
    "overall": ("Общие комментарии и рекомендации", "Overall comments and recommendations"),
    "recommendation": ("Рекомендация", "Recommendation"),
    "overall_sheet": ("Общие комментарии", "Overall comments"),  # a sheet name: 31 chars
    "talk": ("Речевые метрики", "Talk metrics"),
    "ranking": ("Рейтинг консультантов", "Consultant ranking"),
    "heatmap": (
        "Соблюдение критериев: консультанты × критерии",
        "Compliance: consultants × criteria",
    ),
    "weakest": ("Самые слабые критерии", "Weakest criteria"),
    "channels": ("Каналы", "Channels"),
    "reviewers": ("Нагрузка ревьюеров", "Reviewer workload"),
    # column and row labels
    "metric": ("Показатель", "Metric"),
    "value": ("Значение", "Value"),
    "previous": ("Прошлый период", "Previous period"),
    "team": ("Команда", "Team"),
    "evaluations": ("Оценок", "Evaluations"),
    "mean_score": ("Средний балл", "Mean score"),
    "disputes": ("Споров", "Disputes"),
    "disputes_accepted": ("Принято споров", "Disputes accepted"),
    "dispute_days": ("Дней до решения (медиана)", "Days to decide (median)"),
    "at_target": ("Доля оценок не ниже цели", "Share at or above target"),
    "critical_errors": ("Критических ошибок", "Critical errors"),
    "conversion": ("Конверсия", "Conversion"),
    "goals": ("Целей достигнуто", "Goals achieved"),
    "with_outcome": ("С результатом", "With an outcome"),
    "target": ("Цель", "Target"),
    "actual": ("Факт", "Actual"),
    "status": ("Статус", "Status"),
    "met": ("выполнено", "met"),
    "not_met": ("не выполнено", "not met"),
    "no_data": ("нет данных", "no data"),
    "kpi_score": ("Средний балл ≥ {v}", "Mean score ≥ {v}"),
    "kpi_conversion": ("Конверсия ≥ {v}", "Conversion ≥ {v}"),
    "kpi_critical": ("Критических ошибок ≤ {v}", "Critical errors ≤ {v}"),
    "criterion": ("Критерий", "Criterion"),
    "section": ("Раздел", "Section"),
    "compliance": ("Соблюдение", "Compliance"),
    "answers": ("Ответов", "Answers"),
    "date": ("Дата", "Date"),
    "interaction": ("Взаимодействие", "Interaction"),
    "channel": ("Канал", "Channel"),
    "score": ("Балл", "Score"),
    "customer": ("Клиент", "Customer"),
    "stage": ("Этап", "Stage"),
    "ended_here": ("Завершились", "Ended here"),
    "reached": ("Дошли", "Reached"),
    "reached_share": ("Доля дошедших", "Share reached"),
    "reviewer": ("Ревьюер", "Reviewer"),
    "comment": ("Комментарий", "Comment"),
    "rank": ("№", "#"),
    "consultant": ("Консультант", "Consultant"),
    "goals_share": ("Доля целей", "Share of goals"),
    "evals_share": ("Доля оценок", "Share of evaluations"),
    "share": ("Доля", "Share"),
    "this_consultant": ("Консультант", "Consultant"),
    "talk_share": ("Доля речи консультанта", "Consultant's share of talk"),
    "questions": ("Вопросов за разговор", "Questions per interaction"),
    "duration": ("Средняя длительность, с", "Mean duration, s"),
    "with_transcript": ("С расшифровкой", "With a transcript"),
    "legend": ("Шкала соблюдения", "Compliance scale"),
    "critical_mark": ("критический", "critical"),
    "call": ("звонок", "call"),
    "chat": ("чат", "chat"),
    # Every mystery-shopping assignment (a visit, a call or an online request) is kind "visit".
    "visit": ("тайный покупатель", "mystery shopper"),
    "calls": ("Звонки", "Calls"),
    "chats": ("Чаты", "Chats"),
    "visits": ("Тайный покупатель", "Mystery shopping"),
    "channel_scores": (
        "Каналы: звонки, чаты, тайный покупатель",
        "Channels: calls, chats, mystery shopping",
    ),
    "combined_score": ("Итоговый балл по каналам", "Combined score"),
    "kpi_combined": ("Итоговый балл по каналам ≥ {v}", "Combined score ≥ {v}"),
    "weight": ("Вес в итоговом", "Weight"),
    "people_channels": ("Баллы консультантов по каналам", "Consultant scores by channel"),
    "weights_note": (
        "Итоговый балл — средние баллы каналов, взвешенные по весам компании ({weights}); "
        "каналы без оценок не учитываются.",
        "The combined score is the channel means weighted by the company's weights "
        "({weights}); channels without evaluations are left out.",
    ),
    "equal_weights": ("веса равные", "equal weights"),
    "raw": ("Исходные данные", "Raw data"),
    "evaluation_id": ("Оценка", "Evaluation"),
    "answer": ("Ответ", "Answer"),
    "earned": ("Получено, %", "Earned, %"),
    "critical": ("Критический", "Critical"),
    "yes": ("да", "yes"),
    "no": ("нет", "no"),
    "partial": ("частично", "partly"),
    "na": ("н/п", "N/A"),
    "not_set": ("(не указан)", "(not set)"),
    # XLSX sheet names (Excel allows 31 characters) and the headers only the XLSX has
    "sheet_kpi": ("КПЭ", "KPI"),
    "sheet_criteria": ("По критериям", "By criterion"),
    "sheet_sections": ("По разделам", "By section"),
    "sheet_heatmap": ("{channel} × критерии", "{channel} × criteria"),
    "week_of": ("Неделя с", "Week of"),
    "criterion_code": ("Код критерия", "Criterion code"),
    "quote": ("Цитата или комментарий", "Quote or comment"),
    "team_word": ("команда", "team"),
    "r_score": ("Балл", "Score"),
    "r_prev": ("Балл ранее", "Before"),
    "r_target": ("≥ цели", "≥ target"),
    "r_conv": ("Конверсия", "Conversion"),
    "r_crit": ("Крит. ошибки", "Critical errors"),
    # the "Timely service" section (call logs)
    "timely": ("Своевременность обслуживания", "Timely service"),
    "timely_note": (
        "По журналу звонков телефонии. Пропущенный — входящий звонок, на который не ответил "
        "ни один сотрудник. Перезвон — первый исходящий звонок на этот номер после пропущенного; "
        "задержка считается в рабочем времени компании (с праздниками и переносами), вовремя — "
        "не позже {m} мин. Потерян — ни перезвона, ни последующего состоявшегося разговора. "
        "Медиана — середина ряда, 90-й перцентиль — по ближайшему рангу.",
        "From the telephony call log. Missed: an incoming call no one answered. Callback: the "
        "first outgoing call to that number after the missed one; its delay is counted in the "
        "company's working time (public holidays and moved working days included), in time: "
        "within {m} min. Lost for good: neither a callback nor a later answered call. Median: "
        "the middle value; 90th percentile: nearest rank.",
    ),
    "this_period": ("Этот период", "This period"),
    "sheet_t_people": ("Перезвоны по консультантам", "Callbacks by consultant"),
    "sheet_t_heat": ("Пропущенные по часам", "Missed calls by hour"),
    "sheet_t_profit": ("Упущенная прибыль", "Lost profit"),
    "timely_people": ("Звонки и перезвоны по консультантам", "Calls and callbacks by consultant"),
    "timely_heat": (
        "Пропущенные звонки по дням недели и часам",
        "Missed calls by weekday and hour",
    ),
    "timely_profit": ("Упущенная прибыль: сценарии", "Lost profit: scenarios"),
    "t_calls": ("Звонков с клиентами", "Customer calls"),
    "t_incoming": ("Входящих", "Incoming"),
    "t_answered_incoming": ("Входящих отвечено", "Incoming answered"),
    "t_missed_calls": ("Пропущено", "Missed"),
    "t_called_back": ("Перезвонили", "Called back"),
    "t_called_back_in_time": ("Перезвонили за {m} мин", "Called back within {m} min"),
    "t_callback_rate": ("Доля перезвонов вовремя", "Called back in time, share"),
    "t_callback_delay_median_min": ("Задержка перезвона, медиана", "Callback delay, median"),
    "t_callback_delay_p90_min": ("Задержка перезвона, 90-й перцентиль", "Callback delay, 90th pct"),
    "t_lost_for_good": ("Потеряно совсем", "Lost for good"),
    "t_answer_time_median_s": ("Время до ответа, медиана", "Time to answer, median"),
    "t_answer_time_p90_s": ("Время до ответа, 90-й перцентиль", "Time to answer, 90th pct"),
    "tp_calls": ("Звонков", "Calls"),
    "tp_answered_incoming": ("Принято", "Answered"),
    "tp_called_back": ("Перезвонил", "Called back"),
    "tp_called_back_in_time": ("Из них вовремя", "In time"),
    "tp_callback_delay_median_min": ("Задержка, медиана", "Delay, median"),
    "tp_answer_time_median_s": ("До ответа, медиана", "To answer, median"),
    "unit_min": ("мин", "min"),
    "unit_s": ("с", "s"),
    "weekday": ("День", "Day"),
    "wd_mon": ("Пн", "Mon"),
    "wd_tue": ("Вт", "Tue"),
    "wd_wed": ("Ср", "Wed"),
    "wd_thu": ("Чт", "Thu"),
    "wd_fri": ("Пт", "Fri"),
    "wd_sat": ("Сб", "Sat"),
    "wd_sun": ("Вс", "Sun"),
    "p_input": ("Исходные данные", "Input"),
    "p_conservative": ("Осторожный", "Conservative"),
    "p_expected": ("Ожидаемый", "Expected"),
    "p_optimistic": ("Оптимистичный", "Optimistic"),
    "p_leads": (
        "Пропущенных обращений без своевременного перезвона",
        "Missed leads not called back in time",
    ),
    "p_average_deal": ("Средняя сумма сделки", "Average deal value"),
    "p_lead_share": ("Доля настоящих обращений о покупке", "Share that are sales leads"),
    "p_recovered_share": (
        "Доля, которую вернул бы перезвон вовремя",
        "Share a timely callback recovers",
    ),
    "p_conversion": ("Конверсия первого звонка в продажу", "First-call conversion to a sale"),
    "p_lost": ("Упущенная прибыль", "Lost profit"),
    "p_formula": (
        "Упущено = обращения × доля настоящих обращений × доля, возвращаемая перезвоном × "
        "конверсия × средняя сделка. Обращения — пропущенные звонки без перезвона вовремя, один "
        "раз на номер в день, без номеров, отмеченных как не продажи.",
        "Lost = leads × share that are sales leads × share a timely callback recovers × "
        "conversion × average deal. Leads: missed calls not called back in time, once per "
        "number and day, numbers marked as not sales left out.",
    ),
    "n_title": (
        "Упущено из-за разговоров без следующего шага",
        "Lost to calls without a next step",
    ),
    "n_calls": ("Проверенных звонков без следующего шага", "Reviewed calls without a next step"),
    "n_with": (
        "Конверсия со следующим шагом (по {n} звонкам)",
        "Conversion with a next step ({n} calls)",
    ),
    "n_without": (
        "Конверсия без следующего шага (по {n} звонкам)",
        "Conversion without a next step ({n} calls)",
    ),
    "n_formula": (
        "Упущено = звонки без следующего шага × (конверсия с ним − конверсия без него) × "
        "средняя сделка (осторожный, ожидаемый и оптимистичный размер сделки). Конверсии "
        "измерены по всем проверенным звонкам компании.",
        "Lost = calls without a next step × (conversion with one − conversion without) × "
        "average deal (its conservative, expected and optimistic value). Both conversions "
        "are measured on all of the company's reviewed calls.",
    ),
    "p_unconfirmed": (
        "Исходные данные — значения по умолчанию, их ещё не подтвердили: это оценка, а не факт.",
        "The inputs are the defaults and have not been confirmed yet: an estimate, not a fact.",
    ),
    # planning-meeting pack (issue 14)
    "meeting_pack": ("Материалы к планёрке", "Planning meeting pack"),
    "meeting_word": ("планёрка", "meeting"),
    "kpi_change": ("КПЭ: цель, факт и изменение", "KPI: target, actual and change"),
    "change": ("Изменение", "Change"),
    "pp": ("п. п.", "pp"),
    "change_note": (
        "Изменение — к прошлому периоду ({period}), в процентных пунктах.",
        "Change against the previous period ({period}), in percentage points.",
    ),
    "weak_agenda": ("Слабые места команды", "The team's weak points"),
    "weak_note": (
        "Критерии с самым низким соблюдением за период; цитаты — только из проверенных оценок.",
        "The criteria with the lowest compliance in the period; quotes come from reviewed "
        "evaluations only.",
    ),
    "failure_share": (
        "Не выполнен в {share} ответов ({k} из {n}); соблюдение {compliance}.",
        "Failed in {share} of answers ({k} of {n}); compliance {compliance}.",
    ),
    "affected": ("Чаще всего у", "Most affected"),
    "failures_of": ("{k} из {n}", "{k} of {n}"),
    "failure": ("ошибка", "failure"),
    "good_example": ("хороший пример", "good example"),
    "guidance": ("Как правильно", "Guidance"),
    "clip": ("аудио", "audio"),
    "focus_title": ("Фокус по консультантам", "Focus per consultant"),
    "focus_plan": ("план развития, версия {v}", "development plan, version {v}"),
    "focus_proposed": ("предложено по повторяющимся ошибкам", "proposed from recurring errors"),
    "no_focus": ("повторяющихся ошибок нет", "no recurring errors"),
    "focus": ("Фокус", "Focus"),
    "source": ("Источник", "Source"),
    "previous_actions": ("Договорённости прошлой планёрки", "Actions from the previous meeting"),
    "previous_meeting": ("Планёрка {date}", "Meeting of {date}"),
    "no_previous_meeting": (
        "Предыдущая планёрка не записана.", "No previous meeting has been recorded."
    ),
    "action": ("Договорённость", "Action"),
    "owner": ("Ответственный", "Owner"),
    "due": ("Срок", "Due"),
    "done_state": ("Выполнено", "Done"),
    "done_on": ("да, {date}", "yes, {date}"),
    "open": ("нет", "no"),
    "overdue": ("просрочено", "overdue"),
    "clips_note": (
        "Аудиофрагменты лежат в папке clips рядом с этим файлом; имя фрагмента указано у цитаты.",
        "The audio clips are in the clips folder beside this file; each quote names its clip.",
    ),
    # coaching: the development plan and the consultant report's section
    "plan_title": ("Индивидуальный план развития", "Individual development plan"),
    "plan_version": ("Версия {v} от {date}", "Version {v} of {date}"),
    "coach": ("Наставник", "Coach"),
    "due_date": ("Срок выполнения", "Due date"),
    "notes": ("Заметки", "Notes"),
    "plan_target": ("Цель", "Target"),
    "plan_now": ("Сейчас", "Now"),
    "examples": ("Примеры", "Examples"),
    "coaching": ("Коучинг", "Coaching"),
    "sessions": ("Сессии", "Sessions"),
    "format": ("Формат", "Format"),
    "participants": ("Участники", "Participants"),
    "acknowledged": ("Ознакомлен", "Acknowledged"),
    "one_to_one": ("один на один", "one-to-one"),
    "group": ("групповая", "group"),
    "on_call": ("по телефону", "on a call"),
    "meeting": ("планёрка", "planning meeting"),
    "before_after": ("До и после сессии {date}", "Before and after the session of {date}"),
    "before": ("До", "Before"),
    "after": ("После", "After"),
    "verdict": ("Вывод", "Verdict"),
    "too_few": ("мало данных (< {min} с одной из сторон)", "too few (< {min} on a side)"),
    "not_significant": ("различие не значимо (p = {p})", "not significant (p = {p})"),
    "significant": ("значимо (p = {p})", "significant (p = {p})"),
    "progress_note": (
        "Сравниваются до {n} проверенных оценок до сессии и после неё; вывод делается, только "
        "если с каждой стороны не меньше {min} ответов и точный тест Фишера (двусторонний, "
        "уровень значимости 0,05) находит различие.",
        "Up to {n} reviewed evaluations before the session and after it are compared; a verdict "
        "is drawn only with at least {min} answers on each side and when Fisher's exact test "
        "(two-sided, significance level 0.05) finds a difference.",
    ),
    "no_plan": ("Плана развития нет.", "There is no development plan."),
    "improved_focus": ("Фокусы коучинга: что улучшилось", "Coaching focus: what improved"),
    "improved": ("улучшилось", "improved"),
    "worse": ("ухудшилось", "worse"),
    "unclear": ("без вывода", "no verdict"),
}

CHANNEL_PLURAL = {"call": "calls", "chat": "chats", "visit": "visits"}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unsupported report language {lang!r} (use one of {LANGS})")
    return lang


def tr(lang: str, key: str, **params: object) -> str:
    """The catalogue text for *key* in *lang*, formatted with *params*."""
    text = CATALOGUE[key][LANGS.index(check_lang(lang))]
    return text.format(**params) if params else text


ANSWER_KEYS = ("yes", "no", "partial", "na")


def answer_text(lang: str, value: str | None) -> str:
    """A checklist answer as the reader says it: ``да``/``yes``, ``н/п``/``N/A``, ``4`` (scale)."""
    if value is None:
        return ""
    return tr(lang, value) if value in ANSWER_KEYS else value


def kpi_label(lang: str, key: str, target: float) -> str:
    """A KPI row's name with its target, as the PDF prints it: ``Конверсия ≥ 25 %``."""
    if key == "critical":
        return tr(lang, "kpi_critical", v=int(target))
    return tr(lang, f"kpi_{key}", v=fmt_pct(target, lang, 0))


def fmt_num(value: float | None, lang: str, digits: int = 1) -> str:
    if value is None:
        return "—"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "ru" else text


def fmt_pct(value: float | None, lang: str, digits: int = 1) -> str:
    """``87,5 %`` in Russian (with a no-break space), ``87.5%`` in English."""
    if value is None:
        return "—"
    return fmt_num(value, lang, digits) + ("\u00a0%" if lang == "ru" else "%")


def fmt_date(d: date | datetime, lang: str) -> str:
    return f"{d:%d.%m.%Y}" if lang == "ru" else f"{d:%Y-%m-%d}"


def fmt_day_month(d: date | datetime, lang: str) -> str:
    """A short axis label: 14.09 in Russian, 09-14 in English (ISO order, as fmt_date)."""
    return f"{d:%d.%m}" if lang == "ru" else f"{d:%m-%d}"


def fmt_datetime(d: datetime, lang: str) -> str:
    return f"{d:%d.%m.%Y %H:%M}" if lang == "ru" else f"{d:%Y-%m-%d %H:%M}"


def period_label(period: Period, lang: str) -> str:
    """``октябрь 2026`` for a calendar month, else ``01.10.2026 – 31.12.2026``."""
    if period.is_month():
        return f"{_MONTHS[check_lang(lang)][period.start.month - 1]} {period.start.year}"
    return f"{fmt_date(period.start, lang)} – {fmt_date(period.end, lang)}"
