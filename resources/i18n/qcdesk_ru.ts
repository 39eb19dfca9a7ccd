<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/help_dialogs.py" line="+224"/>
        <source>About qcdesk</source>
        <translation>О программе qcdesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A workspace for sales quality-control specialists: listen, read, score, report. Works offline.</source>
        <translation>Рабочее место специалиста отдела контроля качества продаж: прослушивание, чтение, оценка, отчёты. Работает без интернета.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>qcdesk is MIT licensed. Python %1, Qt %2, PySide6 %3.</source>
        <translation>qcdesk распространяется по лицензии MIT. Python %1, Qt %2, PySide6 %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Components and licences</source>
        <translation>Компоненты и лицензии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where data lives</source>
        <translation>Где хранятся данные</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../qcdesk/actions.py" line="+62"/>
        <source>Import &amp;files…</source>
        <translation>Импорт &amp;файлов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import call recordings</source>
        <translation>Импортировать записи звонков</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import f&amp;older…</source>
        <translation>Импорт п&amp;апки…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import every recording in a folder</source>
        <translation>Импортировать все записи из папки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import c&amp;hats…</source>
        <translation>Импорт &amp;чатов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import Telegram, WhatsApp or CSV chat exports</source>
        <translation>Импортировать выгрузки чатов Telegram, WhatsApp или CSV</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import call &amp;log…</source>
        <translation>Импорт &amp;журнала звонков…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a telephony call log (Asterisk Master.csv): missed calls, callbacks</source>
        <translation>Импорт журнала звонков телефонии (Asterisk Master.csv): пропущенные звонки, перезвоны</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Telephony settings…</source>
        <translation>Настройки &amp;телефонии…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extensions, callback threshold and lost-profit inputs of this company</source>
        <translation>Внутренние номера, порог перезвона и данные для оценки упущенной прибыли этой компании</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Working &amp;hours and time zone…</source>
        <translation>&amp;Рабочие часы и часовой пояс…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hours chat response times of this company are measured in</source>
        <translation>Часы, в которых измеряется время ответа в чатах этой компании</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Spoken names…</source>
        <translation>&amp;Как произносят название…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How people say this company&apos;s name: auto-prefill listens for them in the calls</source>
        <translation>Как люди произносят название компании: автозаполнение ищет эти варианты в звонках</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New &amp;mystery assignment…</source>
        <translation>Новое задание &amp;тайного покупателя…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan a mystery shopper&apos;s visit, call or online request</source>
        <translation>Запланировать визит, звонок или онлайн-запрос тайного покупателя</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Back up project…</source>
        <translation>Создать &amp;резервную копию проекта…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a copy of the database and the recordings into one zip file</source>
        <translation>Сохранить копию базы данных и записей в один zip-файл</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open for review</source>
        <translation>&amp;Открыть для оценки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter…</source>
        <translation>&amp;Фильтр…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Clear filters</source>
        <translation>&amp;Сбросить фильтры</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show &amp;companies and consultants</source>
        <translation>Показать &amp;компании и консультантов</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;onsultants…</source>
        <translation>&amp;Консультанты…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename, merge, deactivate consultants and put them in teams</source>
        <translation>Переименовать, объединить, деактивировать консультантов и распределить их по командам</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit &amp;details…</source>
        <translation>&amp;Изменить сведения…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company, consultant, direction, date and customer of the interaction</source>
        <translation>Компания, консультант, направление, дата и клиент взаимодействия</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark as &amp;reviewed…</source>
        <translation>Отметить как &amp;проверенные…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark as &amp;not reviewed…</source>
        <translation>Отметить как &amp;непроверенные…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Transcribe selected</source>
        <translation>&amp;Расшифровать выбранные</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue the selected calls for transcription</source>
        <translation>Поставить выбранные звонки в очередь на расшифровку</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transcribe all &amp;new</source>
        <translation>Расшифровать все &amp;новые</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue every call with a recording and no transcript</source>
        <translation>Поставить в очередь все звонки с записью и без расшифровки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transcription &amp;queue</source>
        <translation>&amp;Очередь расшифровки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;ports</source>
        <translation>&amp;Отчёты</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reports for consultants and teams</source>
        <translation>Отчёты по консультантам и командам</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Coaching</source>
        <translation>&amp;Коучинг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Development plans, coaching sessions and progress before and after</source>
        <translation>Планы развития, сессии коучинга и прогресс до и после</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Auto-prefill &amp;agreement</source>
        <translation>Согласованность &amp;автозаполнения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often auto-prefill agrees with reviewers</source>
        <translation>Как часто автозаполнение совпадает с ответами ревьюеров</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Calibration</source>
        <translation>&amp;Калибровка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewers score the same interactions blind, then compare their answers</source>
        <translation>Ревьюеры вслепую оценивают одни и те же взаимодействия, затем сравнивают ответы</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open &amp;log folder</source>
        <translation>Открыть папку &amp;журнала</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About qcdesk</source>
        <translation>&amp;О программе qcdesk</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+122"/>
        <location line="+21"/>
        <location line="+7"/>
        <location line="+29"/>
        <location line="+15"/>
        <source>&amp;Back to the list</source>
        <translation>&amp;Назад к списку</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>&amp;Play / pause</source>
        <translation>&amp;Воспроизведение / пауза</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back 5 seconds</source>
        <translation>Назад на 5 секунд</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Forward 5 seconds</source>
        <translation>Вперёд на 5 секунд</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slower</source>
        <translation>Медленнее</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faster</source>
        <translation>Быстрее</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find in transcript</source>
        <translation>&amp;Найти в расшифровке</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add &amp;evidence at the current time</source>
        <translation>Добавить &amp;доказательство на текущем моменте</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;wap speakers</source>
        <translation>Поменять &amp;говорящих местами</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Swap consultant and client in the transcript (and the stereo channels)</source>
        <translation>Поменять местами консультанта и клиента в расшифровке (и стереоканалы)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Correct the transcript segment</source>
        <translation>&amp;Исправить реплику расшифровки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the text of the selected (or playing) transcript segment</source>
        <translation>Исправить текст выбранной (или воспроизводимой) реплики расшифровки</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Join with the next segment</source>
        <translation>&amp;Объединить со следующей репликой</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Join the selected (or playing) transcript segment with the next one</source>
        <translation>Объединить выбранную (или звучащую) реплику расшифровки со следующей</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;plit the segment at the playing word</source>
        <translation>&amp;Разделить реплику на звучащем слове</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split the selected transcript segment before the word being played (else in the middle); right-click a word to split there</source>
        <translation>Разделить выбранную реплику расшифровки перед звучащим словом (иначе посередине); чтобы разделить в другом месте, щёлкните слово правой кнопкой</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E&amp;xport the transcript…</source>
        <translation>&amp;Экспортировать расшифровку…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the transcript as TXT, SRT, VTT or qcdesk JSON</source>
        <translation>Сохранить расшифровку в формате TXT, SRT, VTT или JSON qcdesk</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Accept the suggestion</source>
        <translation>Принять подсказку</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accept &amp;all suggestions</source>
        <translation>Прин&amp;ять все подсказки</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Review &amp;plans and my queue</source>
        <translation>&amp;Планы проверки и моя очередь</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sampling plans, the reviews assigned to you, productivity and disputes</source>
        <translation>Планы выборки, назначенные вам проверки, производительность и споры</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checklist &amp;templates</source>
        <translation>&amp;Шаблоны чек-листов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit, version and assign checklist templates</source>
        <translation>Редактирование, версии и назначение шаблонов чек-листов</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;New checklist</source>
        <translation>Новый &amp;чек-лист</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>&amp;Изменить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the draft; a published version starts a new draft</source>
        <translation>Изменить черновик; для опубликованной версии создаётся новый черновик</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Дублировать</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+46"/>
        <source>&amp;Publish</source>
        <translation>Опу&amp;бликовать</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>&amp;Archive / restore</source>
        <translation>&amp;Архивировать / восстановить</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import YAML…</source>
        <translation>И&amp;мпорт YAML…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use as the company&apos;s &amp;default</source>
        <translation>Использовать по &amp;умолчанию для компании</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New evaluations of this kind for the company get this checklist</source>
        <translation>Новым оценкам этого типа в компании будет назначаться этот чек-лист</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Back to the templates</source>
        <translation>&amp;Назад к шаблонам</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save draft</source>
        <translation>&amp;Сохранить черновик</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Make this version current; it cannot change afterwards</source>
        <translation>Сделать эту версию текущей; после этого её нельзя изменить</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add &amp;section</source>
        <translation>Добавить &amp;раздел</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;criterion</source>
        <translation>Добавить &amp;критерий</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Дублировать</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move &amp;up</source>
        <translation>Переместить &amp;вверх</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move do&amp;wn</source>
        <translation>Переместить в&amp;низ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Re-score with the &amp;current version…</source>
        <translation>Пересчитать по &amp;текущей версии…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use another &amp;checklist for this interaction</source>
        <translation>Применить другой &amp;чек-лист к этому взаимодействию</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>&amp;Next criterion</source>
        <translation>&amp;Следующий критерий</translation>
    </message>
    <message>
        <location line="-301"/>
        <source>&amp;New project…</source>
        <translation>&amp;Новый проект…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start an empty project (a database and its library)</source>
        <translation>Создать пустой проект (база данных и её медиатека)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open project…</source>
        <translation>&amp;Открыть проект…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open another project&apos;s database</source>
        <translation>Открыть базу данных другого проекта</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export the list…</source>
        <translation>&amp;Экспорт списка…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the rows and columns shown as an XLSX or CSV spreadsheet</source>
        <translation>Сохранить показанные строки и столбцы в таблицу XLSX или CSV</translation>
    </message>
    <message>
        <location line="+292"/>
        <source>P&amp;revious criterion</source>
        <translation>&amp;Предыдущий критерий</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Answer: first option</source>
        <translation>Ответ: первый вариант</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer: second option</source>
        <translation>Ответ: второй вариант</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer: third option</source>
        <translation>Ответ: третий вариант</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer: fourth option</source>
        <translation>Ответ: четвёртый вариант</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer: fifth option</source>
        <translation>Ответ: пятый вариант</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer: not applicable</source>
        <translation>Ответ: неприменимо</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Preview</source>
        <translation>&amp;Просмотр</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark as &amp;reviewed</source>
        <translation>Отметить как &amp;проверенное</translation>
    </message>
</context>
<context>
    <name>ActionsEditModel</name>
    <message>
        <location filename="../../qcdesk/widgets/coaching_session_dialog.py" line="+53"/>
        <source>Action</source>
        <translation>Договорённость</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due (DD.MM.YYYY)</source>
        <translation>Срок (ДД.ММ.ГГГГ)</translation>
    </message>
</context>
<context>
    <name>AgreementScreen</name>
    <message>
        <location filename="../../qcdesk/widgets/agreement_screen.py" line="+95"/>
        <source>Auto-prefill agreement with reviewers</source>
        <translation>Согласованность автозаполнения с ревьюерами</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each auto-prefill suggestion compared with the reviewer&apos;s final answer, over reviewed evaluations. «Check manually» counts as a disagreement. Rows in red are below the threshold: fix that criterion&apos;s rule in the template.</source>
        <translation>Каждая подсказка автозаполнения сравнивается с окончательным ответом ревьюера по проверенным оценкам. «Проверьте вручную» считается расхождением. Строки, выделенные красным, ниже порога: исправьте правило этого критерия в шаблоне.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All companies</source>
        <translation>Все компании</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Computing…</source>
        <translation>Вычисление…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No reviewed evaluation with auto-prefill yet: nothing to compare.</source>
        <translation>Пока нет проверенных оценок с автозаполнением — сравнивать нечего.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n reviewed evaluation(s) compared</source>
        <translation>
            <numerusform>Сравнена %n проверенная оценка</numerusform>
            <numerusform>Сравнены %n проверенные оценки</numerusform>
            <numerusform>Сравнено %n проверенных оценок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n criterion(s) below the threshold</source>
        <translation>
            <numerusform>%n критерий ниже порога</numerusform>
            <numerusform>%n критерия ниже порога</numerusform>
            <numerusform>%n критериев ниже порога</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementTableModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/agreement.py" line="+35"/>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criterion</source>
        <translation>Критерий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>Согласованность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage</source>
        <translation>Охват</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy when answered</source>
        <translation>Точность при ответе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kappa</source>
        <translation>Каппа</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome: stage reached</source>
        <translation>Итог: достигнутый этап</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome: goal achieved</source>
        <translation>Итог: цель достигнута</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Below the threshold (agreement {agreement}, kappa {kappa}): check this rule</source>
        <translation>Ниже порога (согласованность {agreement}, каппа {kappa}): проверьте это правило</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cohen&apos;s kappa: agreement beyond chance; «check manually» counts as an answer of its own</source>
        <translation>Каппа Коэна: согласованность сверх случайной; «проверьте вручную» считается отдельным вариантом ответа</translation>
    </message>
</context>
<context>
    <name>AlignmentModels</name>
    <message>
        <location filename="../../qcdesk/qtmodels/alignment.py" line="+21"/>
        <source>Reviewer</source>
        <translation>Ревьюер</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Compared</source>
        <translation>Сравнено</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Agreement with the reference</source>
        <translation>Совпадение с эталоном</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Drift of the total, points</source>
        <translation>Смещение итога, баллы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By month</source>
        <translation>По месяцам</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Criterion</source>
        <translation>Критерий</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drift, points</source>
        <translation>Смещение, баллы</translation>
    </message>
</context>
<context>
    <name>AlignmentPanel</name>
    <message>
        <location filename="../../qcdesk/widgets/calibration_alignment.py" line="+71"/>
        <source>Each reviewer&apos;s finished evaluations of interactions that have a reference (calibration answers, and references mixed into their work), compared with it. Drift: how many points more (+) or fewer (−) the reviewer gives than the reference. Red: agreement below 80 % or drift of 10 points or more.</source>
        <translation>Завершённые оценки каждого ревьюера по взаимодействиям с эталоном (ответы калибровки и эталоны, подмешанные в работу) в сравнении с эталоном. Смещение: на сколько баллов больше (+) или меньше (−) ревьюер ставит, чем эталон. Красным: совпадение ниже 80 % или смещение от 10 баллов.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No reference yet: record the agreed answers of a calibration first.</source>
        <translation>Эталонов пока нет: сначала запишите согласованные ответы калибровки.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Where {name} differs from the references</source>
        <translation>Где {name} расходится с эталонами</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nowhere: every answer matches.</source>
        <translation>Нигде: все ответы совпадают.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#{id}: answered «{given}», the reference says «{ref}».</source>
        <translation>#{id}: ответ «{given}», в эталоне «{ref}».</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../qcdesk/app.py" line="+190"/>
        <source>qcdesk cannot start</source>
        <translation>Не удаётся запустить qcdesk</translation>
    </message>
    <message>
        <location filename="../../qcdesk/widgets/project.py" line="+158"/>
        <source>Media library not found</source>
        <translation>Библиотека записей не найдена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Where is the media library?</source>
        <translation>Где находится библиотека записей?</translation>
    </message>
    <message>
        <location filename="../../qcdesk/app.py" line="+46"/>
        <source>Cannot open the database %1: %2</source>
        <translation>Не удаётся открыть базу данных %1: %2</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/plan_forms.py" line="+159"/>
        <source>Assign to reviewers</source>
        <translation>Назначение ревьюерам</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Names, separated by commas</source>
        <translation>Имена через запятую</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 2, 1 (empty: evenly)</source>
        <translation>например, 2, 1 (пусто — поровну)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also items already assigned</source>
        <translation>Также уже назначенные пункты</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n item(s) chosen</source>
        <translation>
            <numerusform>Выбран %n пункт</numerusform>
            <numerusform>Выбрано %n пункта</numerusform>
            <numerusform>Выбрано %n пунктов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewers:</source>
        <translation>Ревьюеры:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights:</source>
        <translation>Веса:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due:</source>
        <translation>Срок:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name each reviewer once.</source>
        <translation>Укажите каждого ревьюера один раз.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give one weight per reviewer, such as 2, 1.</source>
        <translation>Укажите по одному весу на ревьюера, например 2, 1.</translation>
    </message>
</context>
<context>
    <name>AssignmentFields</name>
    <message>
        <location filename="../../qcdesk/widgets/visit_dialog.py" line="+151"/>
        <source>Client &amp;company:</source>
        <translation>&amp;Компания-клиент:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hannel:</source>
        <translation>К&amp;анал:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Location:</source>
        <translation>&amp;Точка:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;onsultant:</source>
        <translation>К&amp;онсультант:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scenario:</source>
        <translation>&amp;Сценарий:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Planned date:</source>
        <translation>&amp;Плановая дата:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hopper:</source>
        <translation>Та&amp;йный покупатель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-&amp;in time:</source>
        <translation>&amp;Время отметки о приходе:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-in &amp;place:</source>
        <translation>&amp;Место отметки о приходе:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New or existing company</source>
        <translation>Новая или существующая компания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop, branch or website</source>
        <translation>Магазин, филиал или сайт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified later</source>
        <translation>Определится позже</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the shopper asks for and objects to</source>
        <translation>О чём спрашивает тайный покупатель и какие возражения высказывает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address or coordinates</source>
        <translation>Адрес или координаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visit has a planned date</source>
        <translation>У визита есть плановая дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shopper has checked in</source>
        <translation>Тайный покупатель отметился о приходе</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <location filename="../../qcdesk/widgets/attachment_viewer.py" line="+56"/>
        <source>Cannot show %1</source>
        <translation>Не удаётся показать %1</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message numerus="yes">
        <location filename="../../qcdesk/qtmodels/attachments.py" line="+104"/>
        <source>evidence: %n</source>
        <translation>
            <numerusform>доказательство для %n критерия</numerusform>
            <numerusform>доказательство для %n критериев</numerusform>
            <numerusform>доказательство для %n критериев</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../../qcdesk/widgets/backup_flow.py" line="+136"/>
        <source>Automatic backup saved: %1</source>
        <translation>Автоматическая резервная копия сохранена: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic backup failed: %1</source>
        <translation>Не удалось создать автоматическую резервную копию: %1</translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <location line="-91"/>
        <source>Back up project</source>
        <translation>Резервная копия проекта</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backups (*.zip)</source>
        <translation>Резервные копии (*.zip)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backing up the project</source>
        <translation>Создание резервной копии проекта</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The project was backed up to %1.</source>
        <translation>Резервная копия проекта сохранена в %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n library file(s) included.</source>
        <translation>
            <numerusform>Включён %n файл библиотеки.</numerusform>
            <numerusform>Включено %n файла библиотеки.</numerusform>
            <numerusform>Включено %n файлов библиотеки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n file(s) the database lists are missing from the library:</source>
        <translation>
            <numerusform>%n файл, указанный в базе данных, отсутствует в библиотеке:</numerusform>
            <numerusform>%n файла, указанных в базе данных, отсутствуют в библиотеке:</numerusform>
            <numerusform>%n файлов, указанных в базе данных, отсутствуют в библиотеке:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n library file(s) do not match their hash (damaged):</source>
        <translation>
            <numerusform>%n файл библиотеки не совпадает со своим хешем (повреждён):</numerusform>
            <numerusform>%n файла библиотеки не совпадают со своими хешами (повреждены):</numerusform>
            <numerusform>%n файлов библиотеки не совпадают со своими хешами (повреждены):</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup finished</source>
        <translation>Резервное копирование завершено</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup failed</source>
        <translation>Резервное копирование не удалось</translation>
    </message>
</context>
<context>
    <name>CalibrationComparison</name>
    <message>
        <location filename="../../qcdesk/widgets/calibration_compare.py" line="+97"/>
        <source>Answers for</source>
        <translation>Ответы по</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Red rows: agreement below 80 % or Krippendorff&apos;s α below 0.67. «—»: everyone gave one and the same answer throughout, so κ and α cannot tell agreement from chance. Scales (1–5) count in α by how far apart the answers are.</source>
        <translation>Красные строки: согласие ниже 80 % или α Криппендорфа ниже 0,67. «—»: все везде дали один и тот же ответ, поэтому κ и α не отличают согласие от случайного. Шкалы (1–5) учитываются в α по тому, насколько далеко ответы друг от друга.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&lt;b&gt;Overall&lt;/b&gt;: agreement {agreement} · Fleiss&apos; κ {fleiss} · Krippendorff&apos;s α {alpha} · totals differ by {mean} points on average, at most {max}&lt;br&gt;Cohen&apos;s κ by pair: {pairs}</source>
        <translation>&lt;b&gt;В целом&lt;/b&gt;: согласие {agreement} · κ Флейса {fleiss} · α Криппендорфа {alpha} · итоговые баллы расходятся в среднем на {mean}, максимум на {max}&lt;br&gt;κ Коэна по парам: {pairs}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name}: {n} of {of}</source>
        <translation>{name}: {n} из {of}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answers differing from the majority: {people}</source>
        <translation>Ответы, расходящиеся с большинством: {people}</translation>
    </message>
</context>
<context>
    <name>CalibrationModels</name>
    <message>
        <location filename="../../qcdesk/qtmodels/calibration.py" line="+28"/>
        <location line="+159"/>
        <source>Criterion</source>
        <translation>Критерий</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Agreement</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleiss&apos; κ</source>
        <translation>κ Флейса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Krippendorff&apos;s α</source>
        <translation>α Криппендорфа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Differ from the majority</source>
        <translation>Расходятся с большинством</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly</source>
        <translation>частично</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N/A</source>
        <translation>Н/П</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>interval scale, N/A left out</source>
        <translation>интервальная шкала, «Н/П» не учитывается</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>categories</source>
        <translation>категории</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohen&apos;s κ by pair ({metric} for α):</source>
        <translation>κ Коэна по парам ({metric} для α):</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Majority</source>
        <translation>Большинство</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference</source>
        <translation>Эталон</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Interaction</source>
        <translation>Взаимодействие</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spread</source>
        <translation>Разброс</translation>
    </message>
</context>
<context>
    <name>CalibrationScreen</name>
    <message>
        <location filename="../../qcdesk/widgets/calibration_screen.py" line="+145"/>
        <source>Calibration</source>
        <translation>Калибровка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New session…</source>
        <translation>Новая сессия…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close session</source>
        <translation>Закрыть сессию</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the comparison now, without the answers of those who did not submit</source>
        <translation>Показать сравнение сейчас, без ответов тех, кто их не отправил</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I am</source>
        <translation>Я —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interaction</source>
        <translation>Взаимодействие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play / pause</source>
        <translation>Воспроизведение / пауза</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit my answers</source>
        <translation>Отправить мои ответы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record as reference</source>
        <translation>Записать как эталон</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The form starts from the majority answers; decide the rest and record it. The reference becomes the golden answer for this interaction; it never counts in reports.</source>
        <translation>Форма заполнена ответами большинства; решите остальное и запишите. Эталон становится образцовой оценкой этого взаимодействия и никогда не учитывается в отчётах.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Score blind</source>
        <translation>Оценка вслепую</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparison</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Эталон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer alignment</source>
        <translation>Согласованность ревьюеров</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>No transcript.</source>
        <translation>Расшифровки нет.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No calibration session yet: start one with New session.</source>
        <translation>Калибровочных сессий пока нет: начните новую кнопкой «Новая сессия».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answers are open for comparison. References recorded: {done} of {all}.</source>
        <translation>Ответы открыты для сравнения. Эталонов записано: {done} из {all}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blind scoring: nobody sees the others&apos; answers until everyone has submitted or the session is closed.</source>
        <translation>Оценка вслепую: никто не видит чужих ответов, пока все не отправят свои или сессия не будет закрыта.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Participants: {people}.</source>
        <translation>Участники: {people}.</translation>
    </message>
</context>
<context>
    <name>CallLogImportFlow</name>
    <message>
        <location filename="../../qcdesk/widgets/calllog_import_flow.py" line="+82"/>
        <location line="+15"/>
        <source>Import call log</source>
        <translation>Импорт журнала звонков</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Call logs (*.csv *.txt);;All files (*)</source>
        <translation>Журналы звонков (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Whose call log is it (client company)?</source>
        <translation>Чей это журнал звонков (компания-клиент)?</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Importing the call log</source>
        <translation>Импорт журнала звонков</translation>
    </message>
</context>
<context>
    <name>CallLogMappingDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/calllog_mapping_dialog.py" line="+36"/>
        <source>Start time (required)</source>
        <translation>Время начала (обязательно)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s number</source>
        <translation>Номер клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling number</source>
        <translation>Номер звонящего</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called number</source>
        <translation>Набранный номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line (company number)</source>
        <translation>Линия (номер компании)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension</source>
        <translation>Внутренний номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer time</source>
        <translation>Время ответа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End time</source>
        <translation>Время окончания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting time</source>
        <translation>Время ожидания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talk time</source>
        <translation>Время разговора</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call status</source>
        <translation>Статус звонка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call id</source>
        <translation>Идентификатор звонка</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Call log columns</source>
        <translation>Столбцы журнала звонков</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} is not an Asterisk Master.csv. Say which column holds what, or choose a preset; the preview shows the first rows.</source>
        <translation>{file} — не Asterisk Master.csv. Укажите, в каком столбце что находится, или выберите шаблон; ниже первые строки файла.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preset</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First row is a header</source>
        <translation>Первая строка — заголовок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times are UTC</source>
        <translation>Время в UTC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as preset</source>
        <translation>Сохранить как шаблон</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a name, to use this mapping again</source>
        <translation>название, чтобы применять это сопоставление снова</translation>
    </message>
</context>
<context>
    <name>CallLogResultDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/calllog_import_flow.py" line="-96"/>
        <source>Import was cancelled.</source>
        <translation>Импорт отменён.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Imported %n call(s).</source>
        <translation>
            <numerusform>Импортирован %n звонок.</numerusform>
            <numerusform>Импортировано %n звонка.</numerusform>
            <numerusform>Импортировано %n звонков.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Skipped %n call(s) imported before.</source>
        <translation>
            <numerusform>Пропущен %n звонок, импортированный раньше.</numerusform>
            <numerusform>Пропущено %n звонка, импортированных раньше.</numerusform>
            <numerusform>Пропущено %n звонков, импортированных раньше.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Linked %n call(s) to their recordings.</source>
        <translation>
            <numerusform>С записью связан %n звонок.</numerusform>
            <numerusform>С записями связано %n звонка.</numerusform>
            <numerusform>С записями связано %n звонков.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Answered call(s) without a recording: %n.</source>
        <translation>
            <numerusform>Отвеченных звонков без записи: %n.</numerusform>
            <numerusform>Отвеченных звонков без записи: %n.</numerusform>
            <numerusform>Отвеченных звонков без записи: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Recording(s) that match no call of the log: %n.</source>
        <translation>
            <numerusform>Записей без звонка в журнале: %n.</numerusform>
            <numerusform>Записей без звонка в журнале: %n.</numerusform>
            <numerusform>Записей без звонка в журнале: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Not imported: %n row(s) or file(s).</source>
        <translation>
            <numerusform>Не импортирована %n строка или файл.</numerusform>
            <numerusform>Не импортировано %n строки или файла.</numerusform>
            <numerusform>Не импортировано %n строк или файлов.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call log import finished</source>
        <translation>Импорт журнала звонков завершён</translation>
    </message>
</context>
<context>
    <name>CallSettingsDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/call_settings_dialog.py" line="+124"/>
        <source>Watch folder</source>
        <translation>Папка наблюдения</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Each range must go from the lowest to the highest value.</source>
        <translation>Каждый диапазон должен идти от меньшего значения к большему.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Telephony settings: %1</source>
        <translation>Настройки телефонии: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Production calendar (country code):</source>
        <translation>Производственный календарь (код страны):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called back in time within, minutes:</source>
        <translation>Перезвон вовремя — не позже, мин:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average deal (low, expected, high):</source>
        <translation>Средняя сделка (мин., ожид., макс.):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of missed calls that are leads:</source>
        <translation>Доля пропущенных — настоящие обращения:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share a timely callback recovers:</source>
        <translation>Доля, которую возвращает перезвон вовремя:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-call conversion to a sale:</source>
        <translation>Конверсия первого звонка в продажу:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers that are not sales (one a line):</source>
        <translation>Номера, не связанные с продажами (по одному в строке):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed:</source>
        <translation>Подтверждено:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch folder (recordings and logs):</source>
        <translation>Папка наблюдения (записи и журналы):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The company&apos;s own values, not defaults</source>
        <translation>Данные компании, а не значения по умолчанию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extensions and the consultants who answer them:</source>
        <translation>Внутренние номера и консультанты, которые на них отвечают:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension</source>
        <translation>Внутренний номер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an extension</source>
        <translation>Добавить внутренний номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: nothing is imported by itself</source>
        <translation>нет: сам по себе ничего не импортируется</translation>
    </message>
</context>
<context>
    <name>CatalogTreeModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/catalog.py" line="+101"/>
        <source>Team: %1</source>
        <translation>Команда: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Extension: %1</source>
        <translation>Внутренний номер: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All companies</source>
        <translation>Все компании</translation>
    </message>
</context>
<context>
    <name>ChatImportDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/chat_import_dialog.py" line="+139"/>
        <source>Reading the files…</source>
        <translation>Чтение файлов…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Encoding %1, separator «%2»</source>
        <translation>Кодировка %1, разделитель «%2»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column %1</source>
        <translation>Столбец %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%1 (%n message(s))</source>
        <translation>
            <numerusform>%1 (%n сообщение)</numerusform>
            <numerusform>%1 (%n сообщения)</numerusform>
            <numerusform>%1 (%n сообщений)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Import chats</source>
        <translation>Импорт чатов</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s) or folder(s): %1</source>
        <translation>
            <numerusform>%n файл или папка: %1</numerusform>
            <numerusform>%n файла или папки: %1</numerusform>
            <numerusform>%n файлов или папок: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client &amp;company:</source>
        <translation>&amp;Компания-клиент:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New or existing company</source>
        <translation>Новая или существующая компания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detect automatically</source>
        <translation>Определить автоматически</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telegram (result.json)</source>
        <translation>Telegram (result.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WhatsApp (.txt, .zip)</source>
        <translation>WhatsApp (.txt, .zip)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (time, author, text)</source>
        <translation>CSV (время, автор, текст)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qcdesk transcript (JSON)</source>
        <translation>Расшифровка qcdesk (JSON)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CSV columns</source>
        <translation>Столбцы CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first row holds column names</source>
        <translation>Первая строка содержит названия столбцов</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time:</source>
        <translation>Дата и время:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time of day:</source>
        <translation>Время (отдельно):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author:</source>
        <translation>Автор:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat:</source>
        <translation>Чат:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who is who (remembered for the company)</source>
        <translation>Кто есть кто (запоминается для компании)</translation>
    </message>
</context>
<context>
    <name>ChatImportFlow</name>
    <message>
        <location filename="../../qcdesk/widgets/chat_import_flow.py" line="+93"/>
        <source>Importing chats</source>
        <translation>Импорт чатов</translation>
    </message>
</context>
<context>
    <name>ChatImportResultDialog</name>
    <message>
        <location line="-46"/>
        <source>Import was cancelled.</source>
        <translation>Импорт отменён.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Imported %n chat(s).</source>
        <translation>
            <numerusform>Импортирован %n чат.</numerusform>
            <numerusform>Импортировано %n чата.</numerusform>
            <numerusform>Импортировано %n чатов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n file(s) were imported before and were skipped.</source>
        <translation>
            <numerusform>%n файл уже был импортирован ранее и пропущен.</numerusform>
            <numerusform>%n файла уже были импортированы ранее и пропущены.</numerusform>
            <numerusform>%n файлов уже были импортированы ранее и пропущены.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n проблема:</numerusform>
            <numerusform>%n проблемы:</numerusform>
            <numerusform>%n проблем:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n предупреждение:</numerusform>
            <numerusform>%n предупреждения:</numerusform>
            <numerusform>%n предупреждений:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chat import finished</source>
        <translation>Импорт чатов завершён</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../qcdesk/qtmodels/labels.py" line="+81"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <location filename="../../qcdesk/widgets/chat_view.py" line="+181"/>
        <source>Answered after %1, longer than the limit of %2</source>
        <translation>Ответ через %1 — дольше допустимых %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Messages: client %1, consultant %2</source>
        <translation>Сообщения: клиент %1, консультант %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n late answer(s)</source>
        <translation>
            <numerusform>%n ответ с опозданием</numerusform>
            <numerusform>%n ответа с опозданием</numerusform>
            <numerusform>%n ответов с опозданием</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>limits: first answer %1, any answer %2</source>
        <translation>лимиты: первый ответ %1, любой ответ %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>working hours only</source>
        <translation>только рабочие часы</translation>
    </message>
</context>
<context>
    <name>ChecklistForm</name>
    <message>
        <location filename="../../qcdesk/widgets/criterion_row.py" line="+61"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partial</source>
        <translation>Частично</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N/A</source>
        <translation>Н/П</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Show guidance</source>
        <translation>Показать пояснение</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Critical</source>
        <translation>Критический</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A failed critical criterion sets the total score to 0</source>
        <translation>Невыполненный критический пункт обнуляет итоговую оценку</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Key {key}</source>
        <translation>Клавиша {key}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Accept the suggestion (Enter)</source>
        <translation>Принять подсказку (Enter)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Evidence</source>
        <translation>Доказательство</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add evidence at the current time (Ctrl+E)</source>
        <translation>Отметить доказательство в текущий момент (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>check manually</source>
        <translation>проверьте вручную</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-prefill is not sure (confidence {confidence}): answer it yourself</source>
        <translation>Автозаполнение не уверено (уверенность {confidence}): ответьте самостоятельно</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>auto {confidence}</source>
        <translation>авто {confidence}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suggested by auto-prefill: Enter or ✓ accepts it, a digit overrides it</source>
        <translation>Предложено автозаполнением: Enter или ✓ — принять, цифра — заменить ответ</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>auto: {answer}</source>
        <translation>авто: {answer}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auto-prefill suggested another answer</source>
        <translation>Автозаполнение предлагало другой ответ</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{speaker}, {start}–{end}: «{quote}»
Click: play it and show it in the transcript</source>
        <translation>{speaker}, {start}–{end}: «{quote}»
Щелчок — воспроизвести и показать в расшифровке</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>heard «{words}», {percent}% alike</source>
        <translation>услышано «{words}», сходство {percent}%</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Play from here; right-click to remove</source>
        <translation>Воспроизвести с этого места; правый щелчок — удалить</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove evidence</source>
        <translation>Удалить доказательство</translation>
    </message>
    <message>
        <location filename="../../qcdesk/widgets/checklist_form.py" line="+111"/>
        <source>Critical failure: total score is 0</source>
        <translation>Критическая ошибка: итоговая оценка 0</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+446"/>
        <source>Mark reviewed</source>
        <translation>Отметить как проверенное</translation>
    </message>
    <message>
        <location line="-406"/>
        <source>Goal achieved</source>
        <translation>Цель достигнута</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+104"/>
        <source>Not set</source>
        <translation>Не указано</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage reached</source>
        <translation>Достигнутый этап</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deal amount</source>
        <translation>Сумма сделки</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Total: {score}</source>
        <translation>Итого: {score}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{answered} of {total} answered</source>
        <translation>Отвечено {answered} из {total}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reviewed, but these criteria are unanswered since:</source>
        <translation>Отмечено как проверенное, но с тех пор эти критерии остались без ответа:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave them out…</source>
        <translation>Оставить без ответа…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>goal achieved</source>
        <translation>цель достигнута</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>goal not achieved</source>
        <translation>цель не достигнута</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-prefill suggests: {stage}, {goal}</source>
        <translation>Автозаполнение предлагает: {stage}, {goal}</translation>
    </message>
    <message numerus="yes">
        <location line="+207"/>
        <source>%n criterion(s) unanswered.</source>
        <translation>
            <numerusform>%n критерий без ответа.</numerusform>
            <numerusform>%n критерия без ответа.</numerusform>
            <numerusform>%n критериев без ответа.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n of them critical (★).</source>
        <translation>
            <numerusform>Из них %n критический (★).</numerusform>
            <numerusform>Из них %n критических (★).</numerusform>
            <numerusform>Из них %n критических (★).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <location filename="../../qcdesk/widgets/evaluation_summary.py" line="+126"/>
        <source>Unanswered criteria</source>
        <translation>Критерии без ответа</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark the form reviewed anyway? The evaluation records these criteria as left out.</source>
        <translation>Всё равно отметить как проверенное? В оценке будет записано, что эти критерии оставлены без ответа.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave them out</source>
        <translation>Оставить без ответа</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer them</source>
        <translation>Ответить на них</translation>
    </message>
</context>
<context>
    <name>ClientHoursDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/client_hours_dialog.py" line="+105"/>
        <source>Working hours: %1</source>
        <translation>Рабочие часы: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time &amp;zone:</source>
        <translation>Часовой &amp;пояс:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round the &amp;clock:</source>
        <translation>&amp;Круглосуточно:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working &amp;days:</source>
        <translation>Рабочие &amp;дни:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>&amp;До:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every hour counts</source>
        <translation>Учитывается каждый час</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chat response times count only working time: a message at 22:00 answered at 9:05 the next working day waited 5 minutes. An end before the start is a night shift. New imports and a re-run of auto-prefill use these hours.</source>
        <translation>Время ответа в чатах считается только в рабочее время: сообщение, отправленное в 22:00 и получившее ответ в 9:05 следующего рабочего дня, ждало 5 минут. Если конец раньше начала, это ночная смена. Эти часы применяются к новым импортам и при повторном запуске автозаполнения.</translation>
    </message>
</context>
<context>
    <name>CoachingModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/coaching.py" line="+31"/>
        <source>one-to-one</source>
        <translation>один на один</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group</source>
        <translation>групповая</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on a call</source>
        <translation>по телефону</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planning meeting</source>
        <translation>планёрка</translation>
    </message>
    <message>
        <location line="+79"/>
        <location line="+141"/>
        <location filename="../../qcdesk/widgets/coaching_window.py" line="+111"/>
        <source>Criterion</source>
        <translation>Критерий</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Target, %</source>
        <translation>Цель, %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Не выполнен</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 overdue</source>
        <translation>просрочено: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../qcdesk/widgets/coaching_window.py" line="+2"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Acknowledged</source>
        <translation>Ознакомлен</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Actions done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>done %1</source>
        <translation>выполнено %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>overdue</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Action</source>
        <translation>Договорённость</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>too few to conclude</source>
        <translation>мало данных для вывода</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not significant (p = %1)</source>
        <translation>различие не значимо (p = %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>improved</source>
        <translation>улучшилось</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worse</source>
        <translation>ухудшилось</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, significant (p = %2)</source>
        <translation>%1, значимо (p = %2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change, pp</source>
        <translation>Изменение, п. п.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>Вывод</translation>
    </message>
    <message>
        <location filename="../../qcdesk/widgets/coaching_window.py" line="+3"/>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
</context>
<context>
    <name>CoachingWindow</name>
    <message>
        <location line="+94"/>
        <source>Coaching</source>
        <translation>Коучинг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client &amp;company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;nsultant:</source>
        <translation>Ко&amp;нсультант:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions</source>
        <translation>Сессии</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Прогресс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;oach:</source>
        <translation>&amp;Наставник:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Due date:</source>
        <translation>&amp;Срок:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set</source>
        <translation>Задан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No&amp;tes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples (newest failure and good answer):</source>
        <translation>Примеры (последняя ошибка и удачный ответ):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Propose from recurring errors</source>
        <translation>Предложить по повторяющимся ошибкам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove focus</source>
        <translation>Убрать фокус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as new version</source>
        <translation>Сохранить новую версию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print on one page…</source>
        <translation>Печать на одной странице…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add session…</source>
        <translation>Добавить сессию…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark done / open</source>
        <translation>Выполнено / в работу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged / not</source>
        <translation>Ознакомлен / нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Evaluations on each side (company):</source>
        <translation>&amp;Оценок с каждой стороны (для компании):</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No saved plan. Propose one from recurring errors, edit it and save.</source>
        <translation>Сохранённого плана нет. Предложите план по повторяющимся ошибкам, отредактируйте и сохраните.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proposed, not saved yet.</source>
        <translation>Предложен, ещё не сохранён.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version %1 of %2</source>
        <translation>Версия %1 от %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>A plan needs at least one focus criterion.</source>
        <translation>В плане нужен хотя бы один критерий-фокус.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Print the plan</source>
        <translation>Печать плана</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>No session yet: progress is measured from one.</source>
        <translation>Сессий ещё не было: прогресс измеряется от сессии.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Up to %1 reviewed evaluations before and after the session (set per company). A verdict needs at least %2 answers on each side and Fisher&apos;s exact test (two-sided, significance level 0.05); otherwise the change is shown without one.</source>
        <translation>До %1 проверенных оценок до сессии и после неё (задаётся для компании). Вывод делается, только если с каждой стороны не меньше %2 ответов и точный тест Фишера (двусторонний, уровень значимости 0,05) находит различие; иначе изменение показано без вывода.</translation>
    </message>
</context>
<context>
    <name>ConsultantsDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/consultants_dialog.py" line="+159"/>
        <source>Rename consultant</source>
        <translation>Переименовать консультанта</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name of %1:</source>
        <translation>Новое имя для %1:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team of %1 (empty: none):</source>
        <translation>Команда консультанта %1 (пусто — без команды):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rename team</source>
        <translation>Переименовать команду</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name of the team %1:</source>
        <translation>Новое название команды %1:</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+13"/>
        <source>Merge consultants</source>
        <translation>Объединить консультантов</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Merge %1 into:</source>
        <translation>Объединить %1 с:</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Move %n interaction(s) of %1 to %2 and delete %1? This cannot be undone.</source>
        <translation>
            <numerusform>Перенести %n взаимодействие консультанта %1 к %2 и удалить %1? Это нельзя отменить.</numerusform>
            <numerusform>Перенести %n взаимодействия консультанта %1 к %2 и удалить %1? Это нельзя отменить.</numerusform>
            <numerusform>Перенести %n взаимодействий консультанта %1 к %2 и удалить %1? Это нельзя отменить.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Activate</source>
        <translation>&amp;Активировать</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Деактивировать</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consultants</source>
        <translation>Консультанты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client &amp;company:</source>
        <translation>&amp;Компания-клиент:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All companies</source>
        <translation>Все компании</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Team…</source>
        <translation>&amp;Команда…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename t&amp;eam…</source>
        <translation>Переименовать к&amp;оманду…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge into…</source>
        <translation>&amp;Объединить с…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same person twice (e.g. a chat author name): move all their interactions to the other and delete this one</source>
        <translation>Один и тот же человек дважды (например, имя автора из чата): перенести все его взаимодействия к другому и удалить этого</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deactivated consultants stay in reports and history, but are not offered for new imports and assignments.</source>
        <translation>Деактивированные консультанты остаются в отчётах и истории, но не предлагаются при новых импортах и назначениях.</translation>
    </message>
</context>
<context>
    <name>ConsultantsModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/consultants.py" line="+20"/>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension</source>
        <translation>Добавочный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interactions</source>
        <translation>Взаимодействия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inactive</source>
        <translation>Неактивен</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/messages.py" line="+70"/>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong inside qcdesk. Your saved work is safe. The details were written to the log file; please send it to support.</source>
        <translation>В qcdesk произошёл сбой. Сохранённая работа не пострадала. Подробности записаны в файл журнала; пожалуйста, отправьте его в поддержку.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open log folder</source>
        <translation>Открыть папку журнала</translation>
    </message>
</context>
<context>
    <name>CriterionFields</name>
    <message>
        <location filename="../../qcdesk/widgets/template_editor_fields.py" line="+252"/>
        <source>What counts as yes and as no</source>
        <translation>Что считать ответом «да», а что — «нет»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes / No</source>
        <translation>Да / Нет</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes / Partly / No</source>
        <translation>Да / Частично / Нет</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scale 1–5</source>
        <translation>Шкала 1–5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Critical: a failure sets the total to 0</source>
        <translation>Критический: невыполнение обнуляет итоговый балл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N/A allowed</source>
        <translation>Допускается Н/П</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. greeting or {check: greeting}</source>
        <translation>например, greeting или {check: greeting}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own confidence threshold</source>
        <translation>Свой порог уверенности</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>&amp;Title</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Id</source>
        <translation>&amp;Идентификатор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Guidance</source>
        <translation>&amp;Пояснение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Answer</source>
        <translation>&amp;Ответ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weight</source>
        <translation>&amp;Вес</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applies to</source>
        <translation>Применяется к</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing ticked: every interaction</source>
        <translation>Ничего не отмечено — ко всем взаимодействиям</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Auto-check &amp;rule</source>
        <translation>П&amp;равило автопроверки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;hreshold</source>
        <translation>Поро&amp;г</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Published: the id is fixed, past answers refer to it</source>
        <translation>Опубликовано: идентификатор не меняется, на него ссылаются прежние ответы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made from the title until you change it; fixed once published</source>
        <translation>Создаётся из названия, пока вы его не измените; после публикации не меняется</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{share}% of the total score</source>
        <translation>{share}% итогового балла</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not valid YAML: %1</source>
        <translation>Некорректный YAML: %1</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/plan_dialogs.py" line="+172"/>
        <source>Decide the dispute</source>
        <translation>Решение по спору</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{who}: «{comment}»</source>
        <translation>{who}: «{comment}»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Evaluation by {reviewer} of {consultant}, score {score}</source>
        <translation>Оценка ревьюера {reviewer}, консультант {consultant}, балл {score}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer given</source>
        <translation>Ответ ревьюера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed</source>
        <translation>Предложено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final answer</source>
        <translation>Итоговый ответ</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>I decide as the QC lead</source>
        <translation>Решаю как руководитель ОКК</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Decision:</source>
        <translation>Решение:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
</context>
<context>
    <name>Device</name>
    <message>
        <location filename="../../qcdesk/asr/model_store.py" line="+196"/>
        <source>CPU (int8): chosen in the settings</source>
        <translation>CPU (int8): выбрано в настройках</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>GPU (CUDA, float16): chosen in the settings</source>
        <translation>GPU (CUDA, float16): выбрано в настройках</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GPU (CUDA, float16): {count} CUDA GPU(s) found</source>
        <translation>GPU (CUDA, float16): найдено видеокарт CUDA: {count}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CPU (int8): CUDA is unavailable ({detail})</source>
        <translation>CPU (int8): CUDA недоступна ({detail})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU (int8): no CUDA GPU found</source>
        <translation>CPU (int8): видеокарта CUDA не найдена</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/plan_dialogs.py" line="-131"/>
        <source>Open a dispute</source>
        <translation>Открыть спор</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Criterion</source>
        <translation>Критерий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer given</source>
        <translation>Ответ ревьюера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed answer</source>
        <translation>Предлагаемый ответ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no proposal)</source>
        <translation>(без предложения)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Why the finding is contested (required)</source>
        <translation>Почему оценка оспаривается (обязательно)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. the consultant or the head of sales</source>
        <translation>например, консультант или руководитель отдела продаж</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On behalf of:</source>
        <translation>От имени:</translation>
    </message>
</context>
<context>
    <name>EditsMixin</name>
    <message>
        <location filename="../../qcdesk/widgets/template_editor_edits.py" line="+53"/>
        <source>Edit the checklist</source>
        <translation>Изменение чек-листа</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit the goal</source>
        <translation>Изменение цели</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rename the section</source>
        <translation>Переименование раздела</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Edit the criterion</source>
        <translation>Изменение критерия</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Edit a stage</source>
        <translation>Изменение этапа</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New stage</source>
        <translation>Новый этап</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Change the stages</source>
        <translation>Изменение этапов</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>New section</source>
        <translation>Новый раздел</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New criterion</source>
        <translation>Новый критерий</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Duplicate</source>
        <translation>Дублирование</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <location line="+3"/>
        <source>Move</source>
        <translation>Перемещение</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../qcdesk/widgets/filter_bar.py" line="+126"/>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score:</source>
        <translation>Оценка:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal:</source>
        <translation>Цель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transcript:</source>
        <translation>Расшифровка:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any kind</source>
        <translation>Любой тип</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Any</source>
        <translation>Любая</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Achieved</source>
        <translation>Достигнута</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not achieved</source>
        <translation>Не достигнута</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transcribed</source>
        <translation>Расшифровано</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not yet</source>
        <translation>Ещё нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search customer or consultant</source>
        <translation>Поиск по клиенту или консультанту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From this day</source>
        <translation>С этого дня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To this day, inclusive</source>
        <translation>По этот день включительно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowest score</source>
        <translation>Минимальная оценка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest score</source>
        <translation>Максимальная оценка</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../../qcdesk/widgets/help_dialogs.py" line="-202"/>
        <source>Main window</source>
        <translation>Главное окно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review workspace</source>
        <translation>Рабочая область проверки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-prefill agreement</source>
        <translation>Согласие автозаполнения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist templates</source>
        <translation>Шаблоны чек-листов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist editor</source>
        <translation>Редактор чек-листа</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media library</source>
        <translation>Медиатека</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log files</source>
        <translation>Журналы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not written</source>
        <translation>не ведутся</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/import_dialog.py" line="+110"/>
        <source>Import recordings</source>
        <translation>Импорт записей</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s) or folder(s): %1</source>
        <translation>
            <numerusform>%n файл или папка: %1</numerusform>
            <numerusform>%n файла или папки: %1</numerusform>
            <numerusform>%n файлов или папок: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client &amp;company:</source>
        <translation>&amp;Компания-клиент:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;onsultant:</source>
        <translation>К&amp;онсультант:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Direction:</source>
        <translation>&amp;Направление:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consultant on the &amp;stereo channel:</source>
        <translation>Консультант в &amp;стереоканале:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call &amp;language:</source>
        <translation>&amp;Язык звонков:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New or existing company</source>
        <translation>Новая или существующая компания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the file name (extension), if known</source>
        <translation>По имени файла (внутренний номер), если известен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the file name</source>
        <translation>По имени файла</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As set for the company</source>
        <translation>Как задано для компании</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detect from the speech</source>
        <translation>Определять по речи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location line="+111"/>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import was cancelled.</source>
        <translation>Импорт отменён.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Imported %n recording(s).</source>
        <translation>
            <numerusform>Импортирована %n запись.</numerusform>
            <numerusform>Импортировано %n записи.</numerusform>
            <numerusform>Импортировано %n записей.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s) already in the library were skipped.</source>
        <translation>
            <numerusform>%n файл уже есть в библиотеке и пропущен.</numerusform>
            <numerusform>%n файла уже есть в библиотеке и пропущены.</numerusform>
            <numerusform>%n файлов уже есть в библиотеке и пропущены.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>Не удалось импортировать %n файл:</numerusform>
            <numerusform>Не удалось импортировать %n файла:</numerusform>
            <numerusform>Не удалось импортировать %n файлов:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
</context>
<context>
    <name>InteractionsTableModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/interactions.py" line="+44"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stage reached</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goal</source>
        <translation>Цель</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Reviewed, incomplete</source>
        <translation>Проверено, не полностью</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reviewed, but criteria added to its checklist since are unanswered</source>
        <translation>Проверено, но добавленные с тех пор в чек-лист критерии остались без ответа</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A critical criterion failed: the score is zero.</source>
        <translation>Не выполнен критический критерий: итоговый балл — ноль.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Auto-prefill suggestion: no reviewer has confirmed it yet</source>
        <translation>Подсказка автозаполнения: ревьюер её ещё не подтвердил</translation>
    </message>
</context>
<context>
    <name>JobProgressDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/job_progress.py" line="+28"/>
        <source>less than a minute left</source>
        <translation>осталось меньше минуты</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>about %1 min left</source>
        <translation>осталось около %1 мин</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>about %1 h left</source>
        <translation>осталось около %1 ч</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+16"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
</context>
<context>
    <name>JobsTableModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/jobs.py" line="+35"/>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Ход работы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message numerus="yes">
        <location line="+112"/>
        <source>Attempt %n</source>
        <translation>
            <numerusform>Попытка %n</numerusform>
            <numerusform>Попытка %n</numerusform>
            <numerusform>Попытка %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KnownError</name>
    <message>
        <location filename="../../qcdesk/audio/decode.py" line="+106"/>
        <source>The bundled ffmpeg program is missing: {detail}</source>
        <translation>Не найдена встроенная программа ffmpeg: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/asr/model_store.py" line="-164"/>
        <source>The bundled speech model is not installed (package {package}). Reinstall qcdesk or choose a model folder in the settings.</source>
        <translation>Встроенная модель распознавания не установлена (пакет {package}). Переустановите qcdesk или выберите папку модели в настройках.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>A file of the bundled speech model is missing: {path}</source>
        <translation>Не найден файл встроенной модели распознавания: {path}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The bundled speech model file {path} is damaged; reinstall qcdesk.</source>
        <translation>Файл встроенной модели распознавания {path} повреждён; переустановите qcdesk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write the speech model to {path}: {detail}</source>
        <translation>Не удалось записать модель распознавания в {path}: {detail}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Joining the speech model into {path} failed.</source>
        <translation>Не удалось собрать модель распознавания в {path}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../qcdesk/audio/decode.py" line="+15"/>
        <location line="+29"/>
        <location filename="../../qcdesk/services/attachment_files.py" line="+76"/>
        <location filename="../../qcdesk/services/chat_preview.py" line="+47"/>
        <location filename="../../qcdesk/userfiles.py" line="+54"/>
        <source>Cannot read {path}: {detail}</source>
        <translation>Не удаётся прочитать {path}: {detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is not a faster-whisper model folder (no model.bin).</source>
        <translation>{path} — не папка модели faster-whisper (нет model.bin).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>CUDA was requested but {detail}.</source>
        <translation>Выбран CUDA, но {detail}.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/audio/decode.py" line="-18"/>
        <location filename="../../qcdesk/userfiles.py" line="-5"/>
        <source>Cannot open {path}: the file does not exist.</source>
        <translation>Не удаётся открыть {path}: файл не существует.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open {path}: it is a folder, not an audio file.</source>
        <translation>Не удаётся открыть {path}: это папка, а не аудиофайл.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../qcdesk/services/attachment_files.py" line="+4"/>
        <source>Cannot open {path}: the file is empty (0 bytes).</source>
        <translation>Не удаётся открыть {path}: файл пуст (0 байт).</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The bundled ffmpeg program cannot be started: {detail}</source>
        <translation>Не удаётся запустить встроенную программу ffmpeg: {detail}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Decoding {path} took longer than {seconds} s and was stopped.</source>
        <translation>Декодирование {path} заняло больше {seconds} с и было остановлено.</translation>
    </message>
    <message>
        <location line="+85"/>
        <location filename="../../qcdesk/services/attachment_files.py" line="-19"/>
        <source>{path} is damaged or incomplete: {detail}</source>
        <translation>Файл {path} повреждён или неполон: {detail}</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+11"/>
        <source>{path} is not an audio file or its format is not supported.</source>
        <translation>{path} — не аудиофайл, или его формат не поддерживается.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{path} contains no audio track ({detail}).</source>
        <translation>В {path} нет звуковой дорожки ({detail}).</translation>
    </message>
    <message>
        <location filename="../../qcdesk/db/session.py" line="+35"/>
        <source>The database {path} is damaged ({detail}). Nothing was written to it. Close qcdesk, keep this file aside, and restore the newest copy from the backups folder next to it (or from your own backup).</source>
        <translation>База данных {path} повреждена ({detail}). В неё ничего не записано. Закройте qcdesk, отложите этот файл и восстановите самую свежую копию из папки резервных копий рядом с ним (или из своей резервной копии).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{path} is not a qcdesk database (it is not an SQLite file). Check the path; if it was your project, restore the newest copy from the backups folder next to it (or from your own backup).</source>
        <translation>{path} — не база данных qcdesk (это не файл SQLite). Проверьте путь; если это был ваш проект, восстановите самую свежую копию из папки резервных копий рядом с ним (или из своей резервной копии).</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+87"/>
        <source>Cannot open the database {path}: {detail}</source>
        <translation>Не удаётся открыть базу данных {path}: {detail}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot create the folder for {path}: {detail}</source>
        <translation>Не удаётся создать папку для {path}: {detail}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot save to the database {path}: {detail}</source>
        <translation>Не удаётся сохранить в базу данных {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/checklist_schema.py" line="+83"/>
        <source>The checklist template {path} is invalid:
{details}</source>
        <translation>Шаблон чек-листа {path} содержит ошибки:
{details}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>YAML error: {detail}</source>
        <translation>Ошибка YAML: {detail}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the file is too large for a checklist ({size} characters)</source>
        <translation>файл слишком велик для чек-листа ({size} символов)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+16"/>
        <source>lists or mappings are nested too deeply</source>
        <translation>списки или словари вложены слишком глубоко</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>cannot read the file: {detail}</source>
        <translation>не удаётся прочитать файл: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read checklist template {path}: {detail}</source>
        <translation>Не удаётся прочитать шаблон чек-листа {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/context.py" line="+132"/>
        <source>The media library {path} of the database {db} is missing or does not hold its recordings. Choose the folder where the library now is.</source>
        <translation>Библиотека записей {path} базы данных {db} отсутствует или не содержит её записей. Выберите папку, где библиотека находится теперь.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Cannot create the library folder {path}: {detail}</source>
        <translation>Не удаётся создать папку библиотеки {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/importer.py" line="+130"/>
        <source>Cannot copy {path} into the library: {detail}</source>
        <translation>Не удаётся скопировать {path} в библиотеку: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/demo_large.py" line="+102"/>
        <location filename="../../qcdesk/services/template_versions.py" line="+139"/>
        <source>There is no checklist template for {kind}.</source>
        <translation>Нет шаблона чек-листа для типа «{kind}».</translation>
    </message>
    <message>
        <location filename="../../qcdesk/reports/coaching_pdf.py" line="+236"/>
        <location filename="../../qcdesk/reports/meeting_pdf.py" line="+212"/>
        <location filename="../../qcdesk/reports/pdf.py" line="+178"/>
        <location filename="../../qcdesk/reports/xlsx.py" line="+404"/>
        <source>Cannot write the report {path}: {detail}</source>
        <translation>Не удалось записать отчёт {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/coaching.py" line="+56"/>
        <location filename="../../qcdesk/services/reports.py" line="+130"/>
        <location line="+35"/>
        <source>There is no consultant called {name}.</source>
        <translation>Консультант «{name}» не найден.</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>There is no agreed action {id}.</source>
        <translation>Договорённости {id} нет.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There is no coaching session {id}.</source>
        <translation>Сессии коучинга {id} нет.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{name} has had no coaching session to measure from.</source>
        <translation>У сотрудника {name} ещё не было сессии коучинга, от которой можно измерять прогресс.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../qcdesk/services/meetings.py" line="+199"/>
        <source>{name} has no development plan: there is nothing to measure.</source>
        <translation>У сотрудника {name} нет плана развития: измерять нечего.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/reports.py" line="-30"/>
        <source>Several consultants match {name}: {matches}. Use the id.</source>
        <translation>Под «{name}» подходят несколько консультантов: {matches}. Укажите id.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/calllog_config.py" line="+89"/>
        <source>{name} is a shipped preset; choose another name</source>
        <translation>{name} — встроенный шаблон; выберите другое название</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>There is no call-log preset {name} (known: {known})</source>
        <translation>Шаблона журнала звонков {name} нет (известные: {known})</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../qcdesk/services/reports.py" line="+20"/>
        <location line="+33"/>
        <source>There is no client company called {name}.</source>
        <translation>Компания-клиент «{name}» не найдена.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/asr/local.py" line="+117"/>
        <source>Cannot load the speech model {path}: {detail}</source>
        <translation>Не удалось загрузить модель распознавания {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/asr/remote.py" line="+145"/>
        <source>The transcription server {url} answered {status}: {detail}</source>
        <translation>Сервер распознавания {url} ответил {status}: {detail}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot reach the transcription server {url}: {detail}</source>
        <translation>Сервер распознавания {url} недоступен: {detail}</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The transcription server {url} sent an unreadable answer: {detail}</source>
        <translation>Сервер распознавания {url} прислал нечитаемый ответ: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/cli.py" line="+347"/>
        <location filename="../../qcdesk/reports/output.py" line="+113"/>
        <location filename="../../qcdesk/reports/table_export.py" line="+40"/>
        <location filename="../../qcdesk/services/meetings.py" line="+35"/>
        <location line="+102"/>
        <source>Cannot write {path}: {detail}</source>
        <translation>Не удалось записать {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/base.py" line="+33"/>
        <source>There is no interaction {id}.</source>
        <translation>Взаимодействие {id} не найдено.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/transcription.py" line="+73"/>
        <source>Interaction {id} has no recording.</source>
        <translation>У взаимодействия {id} нет записи.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The transcript of interaction {id} has reviewer corrections in {count} segment(s); transcribing it again would replace them.</source>
        <translation>В расшифровке взаимодействия {id} есть исправления ревьюера (реплик: {count}); повторная расшифровка заменит их.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/autoscore.py" line="+89"/>
        <source>No checklist template {path}</source>
        <translation>Нет шаблона чек-листа {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot read transcript {path}: {detail}</source>
        <translation>Не удалось прочитать расшифровку {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/chat_formats/transcript.py" line="+57"/>
        <location filename="../../qcdesk/services/autoscore.py" line="+52"/>
        <source>Segment {index} of {path} is not an object</source>
        <translation>Сегмент {index} в {path} не является объектом</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/autoscore.py" line="+7"/>
        <source>Segment {index} of {path} has no {field}</source>
        <translation>В сегменте {index} файла {path} нет поля {field}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{path} has an invalid {field}: {value}</source>
        <translation>В {path} недопустимое значение {field}: {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Segment {index} of {path} has an invalid {field}: {value}</source>
        <translation>В сегменте {index} файла {path} недопустимое значение {field}: {value}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/chat_formats/transcript.py" line="-29"/>
        <location filename="../../qcdesk/services/autoscore.py" line="-51"/>
        <source>{path} is not a transcript: it has no segments</source>
        <translation>{path} — не расшифровка: в файле нет реплик</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is not a chat transcript: its channel is «{channel}»</source>
        <translation>{path} — не расшифровка чата: в файле указан канал «{channel}»</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{path} has an unreadable started_at: {value}</source>
        <translation>В {path} не удаётся прочитать started_at: {value}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Segment {index} of {path} has no valid start</source>
        <translation>У реплики {index} в {path} нет корректного времени начала</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/chat_formats/__init__.py" line="+74"/>
        <source>{path} holds more than {limit} files</source>
        <translation>В {path} больше {limit} файлов</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{path} holds no WhatsApp chat (.txt)</source>
        <translation>В {path} нет чата WhatsApp (.txt)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{path} is not a readable ZIP file</source>
        <translation>{path} — не ZIP-файл или не читается</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{path} unpacks to more than {limit} MB or packs its chat suspiciously tight (a zip bomb?); it was not read</source>
        <translation>{path} распаковывается больше чем в {limit} МБ или сжат подозрительно сильно (ZIP-бомба?); файл не прочитан</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cannot tell the format of {path}: expected a Telegram result.json, a WhatsApp .txt or .zip, a CSV file or a qcdesk transcript</source>
        <translation>Не удаётся определить формат {path}: ожидается result.json из Telegram, .txt или .zip из WhatsApp, файл CSV или расшифровка qcdesk</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/chat_formats/csvchat.py" line="+94"/>
        <source>{path} is neither UTF-8 nor Windows-1251 text; save it as UTF-8 CSV</source>
        <translation>{path} — текст не в кодировке UTF-8 и не в Windows-1251; сохраните его как CSV в UTF-8</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{path} is not a readable CSV file: {detail}</source>
        <translation>Не удаётся прочитать CSV-файл {path}: {detail}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Line {line} of {path} opens a quote (&quot;) that is not closed where the message ends; the lines after it would be read as one message</source>
        <translation>В строке {line} файла {path} открыта кавычка (&quot;), которая не закрыта в конце сообщения; следующие строки прочитались бы как одно сообщение</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Line {line} of {path}: cannot read the time {value}</source>
        <translation>Строка {line} файла {path}: не удаётся прочитать время {value}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot tell which columns of {path} hold the time, the author and the text (columns: {columns}); name them timestamp, author and text</source>
        <translation>Не удаётся определить, в каких столбцах {path} находятся время, автор и текст (столбцы: {columns}); назовите их timestamp, author и text</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/chat_formats/model.py" line="+66"/>
        <source>{path} holds more than {limit} messages; split the export</source>
        <translation>В {path} больше {limit} сообщений; разделите выгрузку</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Line {line} of {path} is longer than {limit} characters</source>
        <translation>Строка {line} файла {path} длиннее {limit} символов</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{path} contains no chat messages</source>
        <translation>В {path} нет сообщений чата</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>{path} is not UTF-8 text (byte {offset})</source>
        <translation>{path} — не текст в UTF-8 (байт {offset})</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/chat_formats/telegram.py" line="+51"/>
        <source>{path} is nested too deeply to be a chat export</source>
        <translation>{path} имеет слишком глубокую вложенность для выгрузки чата</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} is not valid JSON: {detail} (line {line}, column {column})</source>
        <translation>{path} — некорректный JSON: {detail} (строка {line}, столбец {column})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{path} is not usable JSON: {detail}</source>
        <translation>{path} — непригодный JSON: {detail}</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Message {id} in {path} has no readable date: {value}</source>
        <translation>У сообщения {id} в {path} не читается дата: {value}</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+61"/>
        <location line="+9"/>
        <source>{path} is not a Telegram export: it has no messages</source>
        <translation>{path} — не выгрузка Telegram: в файле нет сообщений</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>{path}, chat {chat}: in {count} message(s) the date and date_unixtime disagree (first: message {id}); the times come from date_unixtime</source>
        <translation>{path}, чат {chat}: в сообщениях ({count}) поля date и date_unixtime расходятся (первое — сообщение {id}); время взято из date_unixtime</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/chat_formats/whatsapp.py" line="+259"/>
        <source>Line {line} of {path} looks like a message, but its date and time cannot be read: {text}</source>
        <translation>Строка {line} файла {path} похожа на сообщение, но её дату и время прочитать не удаётся: {text}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Line {line} of {path} has an impossible time: {value}</source>
        <translation>В строке {line} файла {path} невозможное время: {value}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Line {line} of {path} has an impossible date</source>
        <translation>Строка {line} файла {path}: недопустимая дата</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/checklist_checks.py" line="+87"/>
        <source>{what}: cannot read this value ({detail})</source>
        <translation>{what}: не удаётся прочитать значение ({detail})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{what} must be a mapping of keys to values</source>
        <translation>{what}: ожидается набор пар «ключ: значение»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{what}: keys must be plain names</source>
        <translation>{what}: ключи должны быть простыми именами</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{what}: duplicate key &apos;{key}&apos;</source>
        <translation>{what}: повторяющийся ключ &apos;{key}&apos;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{what}: unknown key &apos;{key}&apos; (expected: {allowed})</source>
        <translation>{what}: неизвестный ключ &apos;{key}&apos; (допустимы: {allowed})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{what}: missing required key &apos;{key}&apos;</source>
        <translation>{what}: нет обязательного ключа &apos;{key}&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{what} must be a list</source>
        <translation>{what}: ожидается список</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{what} must be text</source>
        <translation>{what}: ожидается текст</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} must not be empty</source>
        <translation>{what}: значение не может быть пустым</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{what} &apos;{value}&apos; must start with a lowercase Latin letter and contain only a-z, 0-9, - and _</source>
        <translation>{what} &apos;{value}&apos; должен начинаться со строчной латинской буквы и содержать только a-z, 0-9, - и _</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} &apos;{value}&apos; must start with a lowercase Latin letter and contain only a-z, 0-9 and _</source>
        <translation>{what} &apos;{value}&apos; должен начинаться со строчной латинской буквы и содержать только a-z, 0-9 и _</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{what} must be a whole number</source>
        <translation>{what}: ожидается целое число</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{what} must be a number</source>
        <translation>{what}: ожидается число</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{what} must be a finite number</source>
        <translation>{what}: ожидается конечное число</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{what} must be true or false</source>
        <translation>{what}: ожидается true или false</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/checklist_validation.py" line="+47"/>
        <source>{name}: &apos;{key}&apos;</source>
        <translation>{name}: &apos;{key}&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>stage</source>
        <translation>этап</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stage id</source>
        <translation>идентификатор этапа</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stage title</source>
        <translation>название этапа</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>duplicate stage id &apos;{id}&apos; (first on line {line})</source>
        <translation>повторяющийся идентификатор этапа &apos;{id}&apos; (впервые — в строке {line})</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{what}: unknown value &apos;{value}&apos; (expected: {expected})</source>
        <translation>{what}: неизвестное значение &apos;{value}&apos; (допустимы: {expected})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{what} lists nothing (leave it out to apply everywhere)</source>
        <translation>{what}: список пуст (уберите ключ, чтобы применять везде)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{what} must be a checker name or a mapping such as {{check: greeting}}</source>
        <translation>{what}: ожидается имя проверки или набор вида {{check: greeting}}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{what} must be between 0 and 1 (got {value})</source>
        <translation>{what}: значение должно быть от 0 до 1 (получено {value})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>criterion</source>
        <translation>критерий</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>criterion id</source>
        <translation>идентификатор критерия</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>duplicate criterion id &apos;{id}&apos; (first on line {line})</source>
        <translation>повторяющийся идентификатор критерия &apos;{id}&apos; (впервые — в строке {line})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>criterion &apos;{id}&apos;</source>
        <translation>критерий &apos;{id}&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{what}: unknown answer type &apos;{answer}&apos; (expected: {expected})</source>
        <translation>{what}: неизвестный тип ответа &apos;{answer}&apos; (допустимы: {expected})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{what}: &apos;weight&apos; must be greater than 0 (got {weight})</source>
        <translation>{what}: &apos;weight&apos; должен быть больше 0 (получено {weight})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{what} is critical, so it cannot allow N/A (a critical error must always be judged)</source>
        <translation>{what} — критический, поэтому не может допускать Н/П (критическую ошибку нужно оценивать всегда)</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+22"/>
        <source>section</source>
        <translation>раздел</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>section title</source>
        <translation>название раздела</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>duplicate section title &apos;{title}&apos; (first on line {line})</source>
        <translation>повторяющееся название раздела &apos;{title}&apos; (впервые — в строке {line})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>section &apos;{title}&apos;</source>
        <translation>раздел &apos;{title}&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{what} has no criteria</source>
        <translation>{what}: нет критериев</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the template has no sections</source>
        <translation>в шаблоне нет разделов</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>template</source>
        <translation>шаблон</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>template id</source>
        <translation>идентификатор шаблона</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>template title</source>
        <translation>название шаблона</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown kind &apos;{kind}&apos; (expected: {expected})</source>
        <translation>неизвестный тип &apos;{kind}&apos; (допустимы: {expected})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;language&apos; must be a code like ru or en, not &apos;{value}&apos;</source>
        <translation>&apos;language&apos; должен быть кодом вроде ru или en, а не &apos;{value}&apos;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;version&apos; must be a positive whole number (got {value})</source>
        <translation>&apos;version&apos; должен быть целым положительным числом (получено {value})</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/working_hours.py" line="+39"/>
        <source>Unknown time zone {zone}</source>
        <translation>Неизвестный часовой пояс {zone}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not a time of day (HH:MM): {value}</source>
        <translation>Не время в формате ЧЧ:ММ: {value}</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+5"/>
        <source>Working days must be numbers 0-6: {value}</source>
        <translation>Рабочие дни должны быть числами от 0 до 6: {value}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/reports/blank_form.py" line="+296"/>
        <source>Cannot write the form {path}: {detail}</source>
        <translation>Не удалось записать бланк {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/reports/checklist_xlsx.py" line="+131"/>
        <source>Cannot write the checklist {path}: {detail}</source>
        <translation>Не удалось записать чек-лист {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/base.py" line="+27"/>
        <source>There is no client company {name}.</source>
        <translation>Компания-клиент «{name}» не найдена.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/attachment_files.py" line="+28"/>
        <source>{path} is not an image or its format is unknown.</source>
        <translation>{path} — не изображение, или его формат неизвестен.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/chat_import.py" line="+247"/>
        <source>{path}, chat {chat}: none of its authors is the consultant (authors: {authors}); name one with --consultant</source>
        <translation>{path}, чат {chat}: ни один из авторов не является консультантом (авторы: {authors}); укажите консультанта через --consultant</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/evaluations.py" line="+67"/>
        <source>The form cannot be marked reviewed: criteria are unanswered ({titles}). Answer them, or confirm leaving them out.</source>
        <translation>Нельзя отметить форму как проверенную: есть критерии без ответа ({titles}). Ответьте на них или подтвердите, что оставляете их без ответа.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>These calibration answers were submitted or the session is closed: they can no longer change.</source>
        <translation>Эти ответы калибровки уже отправлены или сессия закрыта: изменить их нельзя.</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Auto-prefill needs a transcript in which the consultant is known.</source>
        <translation>Для автозаполнения нужна расшифровка, в которой определён консультант.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>A calibration or reference evaluation has no outcome of its own; the outcome belongs to the interaction&apos;s review.</source>
        <translation>У калибровочной и эталонной оценки нет своего итога: итог относится к проверке самого взаимодействия.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/mystery.py" line="+336"/>
        <source>Cannot delete {path}: {detail}</source>
        <translation>Не удалось удалить {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/rescore.py" line="+120"/>
        <source>The chosen checklist template has no published version.</source>
        <translation>У выбранного шаблона чек-листа нет опубликованной версии.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/template_versions.py" line="+92"/>
        <source>Version {version} of «{title}» is no longer a draft and cannot be changed; edit the template to start a new draft.</source>
        <translation>Версия {version} шаблона «{title}» уже не черновик, и её нельзя изменить; начните редактирование шаблона, чтобы создать новый черновик.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The template id {slug} cannot be used: it is taken, or this template was already published as {old}.</source>
        <translation>Идентификатор шаблона {slug} использовать нельзя: он занят или этот шаблон уже опубликован как {old}.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/templates.py" line="+289"/>
        <source>The template {slug} from {path} already exists for another client company; change its id to import it.</source>
        <translation>Шаблон {slug} из {path} уже есть у другой компании-клиента; чтобы импортировать его, измените идентификатор.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No checklist template {ref}</source>
        <translation>Нет шаблона чек-листа {ref}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No version {version} of the template {ref}</source>
        <translation>У шаблона {ref} нет версии {version}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot export to {path}: use a .yaml, .xlsx or .pdf file name.</source>
        <translation>Не удаётся экспортировать в {path}: укажите имя файла с расширением .yaml, .xlsx или .pdf.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot write the template {path}: {detail}</source>
        <translation>Не удалось записать шаблон {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/transcripts.py" line="+156"/>
        <source>A transcript segment cannot be left empty.</source>
        <translation>Реплика расшифровки не может быть пустой.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Say which speaker is the consultant: the transcript of interaction {id} does not know it yet.</source>
        <translation>Укажите, кто из говорящих консультант: в расшифровке взаимодействия {id} это пока неизвестно.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>A segment is split between two of its words: put the cursor between them.</source>
        <translation>Реплика делится между двумя словами: укажите место между ними.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Interaction {id} has no transcript to export.</source>
        <translation>У взаимодействия {id} нет расшифровки для экспорта.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The transcript of interaction {id} has changed meanwhile; reopen it and make the correction again.</source>
        <translation>Расшифровка взаимодействия {id} тем временем изменилась; откройте её заново и повторите исправление.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/db/lock.py" line="+28"/>
        <source>Cannot lock the database {path}: {detail}</source>
        <translation>Не удаётся заблокировать базу данных {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/userfiles.py" line="-17"/>
        <source>Cannot open {path}: it is a folder, not a file.</source>
        <translation>Не удаётся открыть {path}: это папка, а не файл.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open {path}: it is not a regular file (a pipe, a device or a socket).</source>
        <translation>Не удаётся открыть {path}: это не обычный файл (канал, устройство или сокет).</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/chat_preview.py" line="+5"/>
        <source>{path} is larger than {limit} MB, too big for a chat export</source>
        <translation>{path} больше {limit} МБ — слишком велик для выгрузки чата</translation>
    </message>
    <message>
        <location filename="../../qcdesk/reports/output.py" line="-32"/>
        <source>Will not write {path}: it is the project&apos;s database. Choose another file name.</source>
        <translation>Файл {path} не будет записан: это база данных проекта. Выберите другое имя файла.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+53"/>
        <source>Will not write {path}: it is inside the media library {library}. Choose a folder outside it.</source>
        <translation>Файл {path} не будет записан: он находится в медиатеке {library}. Выберите папку вне её.</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Will not write two files to the same place {path}. Give each its own name.</source>
        <translation>Два файла не могут быть записаны в одно место: {path}. Дайте каждому своё имя.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Will not write {path}: it is not a regular file (a folder, device or pipe). Choose a file name.</source>
        <translation>Файл {path} не будет записан: это не обычный файл (папка, устройство или канал). Выберите имя файла.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path} already exists. Choose another name, or confirm replacing it (--force on the command line).</source>
        <translation>Файл {path} уже существует. Выберите другое имя или подтвердите замену (в командной строке — --force).</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/transcript_export.py" line="+60"/>
        <source>Cannot export a transcript to {path}: the name must end in .txt, .srt, .vtt or .json.</source>
        <translation>Нельзя экспортировать расшифровку в {path}: имя файла должно оканчиваться на .txt, .srt, .vtt или .json.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>{path} already exists; choose another name or allow overwriting.</source>
        <translation>Файл {path} уже существует; выберите другое имя или разрешите перезапись.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write the transcript to {path}: {detail}</source>
        <translation>Не удалось записать расшифровку в {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/consultants.py" line="+96"/>
        <source>A consultant needs a name.</source>
        <translation>У консультанта должно быть имя.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The company already has a consultant named {name}. Merge the two instead of renaming.</source>
        <translation>В компании уже есть консультант {name}. Объедините их вместо переименования.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A team needs a name.</source>
        <translation>У команды должно быть название.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose another consultant to merge into.</source>
        <translation>Выберите другого консультанта для объединения.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{source} and {target} work for different companies and cannot be merged.</source>
        <translation>{source} и {target} работают в разных компаниях, их нельзя объединить.</translation>
    </message>
    <message>
        <location line="+41"/>
        <location filename="../../qcdesk/services/metadata.py" line="+132"/>
        <source>There is no consultant {id}; another window may have deleted it.</source>
        <translation>Консультанта {id} нет; возможно, его удалили в другом окне.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/metadata.py" line="-35"/>
        <source>{name} works for another company than {count} of the selected interactions.</source>
        <translation>{name} работает в другой компании, чем выбранные взаимодействия ({count}).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>There is no company {id}.</source>
        <translation>Компании {id} нет.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} is not a consultant of {company}.</source>
        <translation>{name} не является консультантом компании {company}.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/projects.py" line="+45"/>
        <source>{path} is not a qcdesk project database ({detail}).</source>
        <translation>{path} не является базой данных проекта qcdesk ({detail}).</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/backup.py" line="+189"/>
        <source>Refusing to write the backup over the database itself: {path}</source>
        <translation>Резервная копия не может заменить саму базу данных: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refusing to write the backup inside the media library: {path}</source>
        <translation>Резервную копию нельзя записать внутрь медиатеки: {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../qcdesk/services/restore.py" line="+121"/>
        <source>{path} is not a regular file.</source>
        <translation>{path} — не обычный файл.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../qcdesk/services/qcpack.py" line="+89"/>
        <source>{path} already exists; choose another name or replace it.</source>
        <translation>{path} уже существует; выберите другое имя или замените файл.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>There is no database at {path}.</source>
        <translation>Базы данных {path} не существует.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot read the database {path}: {detail}</source>
        <translation>Не удалось прочитать базу данных {path}: {detail}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database {path} is damaged: {detail}</source>
        <translation>База данных {path} повреждена: {detail}</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Cannot write the backup {path}: {detail}</source>
        <translation>Не удалось записать резервную копию {path}: {detail}</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Cannot remove the old backup {path}: {detail}</source>
        <translation>Не удалось удалить старую резервную копию {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/restore.py" line="-77"/>
        <source>{path} is not a usable qcdesk backup: {detail}</source>
        <translation>{path} — непригодная резервная копия qcdesk: {detail}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot read the backup {path}: {detail}</source>
        <translation>Не удалось прочитать резервную копию {path}: {detail}</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>A project already exists at {path}; restore into a new file, or use --force to replace it.</source>
        <translation>Проект {path} уже существует; восстановите копию в новый файл или укажите --force, чтобы заменить его.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database {path} is open in qcdesk or another program; close it first.</source>
        <translation>База данных {path} открыта в qcdesk или другой программе; сначала закройте её.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cannot restore into {path}: {detail}</source>
        <translation>Не удалось восстановить в {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/prefill.py" line="+76"/>
        <source>Interaction {id} is too long to prefill automatically ({segments} segments, {chars} characters; the limit is {max_segments} segments and {max_chars} characters). Score it by hand.</source>
        <translation>Взаимодействие {id} слишком длинное для автозаполнения ({segments} сегм., {chars} симв.; предел — {max_segments} сегм. и {max_chars} симв.). Оцените его вручную.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/calibration.py" line="+80"/>
        <source>A calibration needs at least one interaction.</source>
        <translation>Для калибровки нужно хотя бы одно взаимодействие.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A calibration needs two participants or more; one reviewer alone can only take an onboarding pack, whose interactions all have a reference.</source>
        <translation>Для калибровки нужны хотя бы два участника; один ревьюер может пройти только пакет для адаптации, где у всех взаимодействий есть эталон.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Interaction {id} belongs to another client company.</source>
        <translation>Взаимодействие {id} относится к другой компании-клиенту.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>{name} has already submitted, or the session is closed.</source>
        <translation>{name} уже отправил(а) ответы, или сессия закрыта.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Interaction {id} has unanswered criteria ({criteria}): a calibration compares every criterion; answer N/A where allowed.</source>
        <translation>У взаимодействия {id} есть критерии без ответа ({criteria}): калибровка сравнивает все критерии; где можно, ответьте «Н/П».</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The answers stay hidden until everyone has submitted or the session is closed. Still to submit: {names}.</source>
        <translation>Ответы скрыты, пока все участники не отправят свои или сессия не будет закрыта. Ещё не отправили: {names}.</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>There is no calibration session {id}.</source>
        <translation>Калибровочной сессии {id} нет.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} does not take part in calibration {id}.</source>
        <translation>{name} не участвует в калибровке {id}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Interaction {id} is not in calibration {session}.</source>
        <translation>Взаимодействия {id} нет в калибровке {session}.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/calibration_info.py" line="+102"/>
        <source>Interaction {id}: {value} is not an answer to criterion {criterion} of its checklist.</source>
        <translation>Взаимодействие {id}: {value} — недопустимый ответ на критерий {criterion} его чек-листа.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/calibration_files.py" line="+24"/>
        <source>The answers file {path} is not usable: {problem}</source>
        <translation>Файл ответов {path} нельзя использовать: {problem}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/qcpack.py" line="+128"/>
        <source>The pack {path} is scored on checklist {slug} version {version}, which this project lacks or holds with other content. Import that checklist first.</source>
        <translation>Пакет {path} оценивается по чек-листу {slug} версии {version}, которого в этом проекте нет или у которого другое содержание. Сначала импортируйте этот чек-лист.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/qcpack_files.py" line="+42"/>
        <source>The calibration pack {path} cannot be used: {problem}</source>
        <translation>Калибровочный пакет {path} нельзя использовать: {problem}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot write the pack {path}: {detail}</source>
        <translation>Не удалось записать пакет {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/catalog.py" line="+126"/>
        <source>A company has at most {count} spoken names of at most {chars} characters.</source>
        <translation>У компании может быть не больше {count} вариантов названия, каждый не длиннее {chars} символов.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/calllog/asterisk.py" line="+108"/>
        <source>{path} is not an Asterisk Master.csv in the cdr_csv layout nor in the cdr_custom sample layout (its start dates and dispositions are not where those put them); import it with a column mapping</source>
        <translation>{path} — не Asterisk Master.csv ни в раскладке cdr_csv, ни в примерной раскладке cdr_custom (даты начала и статусы звонков стоят не там); импортируйте его с сопоставлением столбцов</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>{path}, line {line}: {count} columns where this layout has {expected}</source>
        <translation>{path}, строка {line}: столбцов {count}, а в этой раскладке их {expected}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/calllog/mapped.py" line="+214"/>
        <source>{path} has no column {names} for the call&apos;s start time (its columns: {columns})</source>
        <translation>В {path} нет столбца {names} со временем начала звонка (его столбцы: {columns})</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/calllog/model.py" line="+83"/>
        <source>{path}, line {line}, column {column}: cannot read {value}</source>
        <translation>{path}, строка {line}, столбец {column}: не удаётся прочитать {value}</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../qcdesk/services/calllog.py" line="+77"/>
        <source>{path} is larger than {limit} MB; split the log</source>
        <translation>{path} больше {limit} МБ; разделите журнал на части</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{path}, line {line}: a cell is longer than {limit} characters</source>
        <translation>{path}, строка {line}: ячейка длиннее {limit} символов</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../qcdesk/domain/calllog/tables.py" line="+70"/>
        <source>{path} holds more than {limit} rows; split the log</source>
        <translation>В {path} больше {limit} строк; разделите журнал на части</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path}, line {line}: not readable CSV: {detail}</source>
        <translation>{path}, строка {line}: не читается как CSV: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/calllog/tables.py" line="-37"/>
        <source>{path} unpacks to more than it can hold</source>
        <translation>{path} при распаковке больше допустимого</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is not a readable XLSX workbook: {detail}</source>
        <translation>{path} — не читаемая книга XLSX: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/production_calendar.py" line="+40"/>
        <source>No production calendar is known for country {code}</source>
        <translation>Производственный календарь для страны {code} неизвестен</translation>
    </message>
    <message>
        <location filename="../../qcdesk/audio/clips.py" line="+150"/>
        <source>Cannot write the audio clip {path}: {detail}</source>
        <translation>Не удалось записать аудиофрагмент {path}: {detail}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{path} holds no audio.</source>
        <translation>В файле {path} нет звука.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/meetings.py" line="-173"/>
        <source>{path} already holds a planning-meeting pack ({count} files). Choose another folder or replace it.</source>
        <translation>В папке {path} уже есть материалы к планёрке (файлов: {count}). Выберите другую папку или замените их.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{path} already holds audio clips ({count} files). Choose another folder or replace them.</source>
        <translation>В папке {path} уже есть аудиофрагменты (файлов: {count}). Выберите другую папку или замените их.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/disputes.py" line="+78"/>
        <source>There is no dispute {id}.</source>
        <translation>Спора {id} нет.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Set your reviewer name first: disputes record who acted.</source>
        <translation>Сначала укажите своё имя ревьюера: в споре записывается, кто действовал.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A dispute needs a comment.</source>
        <translation>Для спора нужен комментарий.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name at least one answer to dispute.</source>
        <translation>Укажите хотя бы один оспариваемый ответ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only a reviewed evaluation can be disputed ({id} is not).</source>
        <translation>Оспорить можно только проверенную оценку (оценка {id} не проверена).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The checklist has no criterion {id}.</source>
        <translation>В чек-листе нет критерия {id}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{value} is not another possible answer to «{title}».</source>
        <translation>{value} не является другим возможным ответом на «{title}».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>«{title}» is already under an open dispute.</source>
        <translation>Ответ «{title}» уже оспаривается в открытом споре.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>A decision needs a comment.</source>
        <translation>Для решения нужен комментарий.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dispute {id} is decided already.</source>
        <translation>Спор {id} уже решён.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the QC lead or the evaluation&apos;s reviewer ({reviewer}) decides a dispute.</source>
        <translation>Решение по спору принимает руководитель ОКК или ревьюер этой оценки ({reviewer}).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Give the final answer to «{title}».</source>
        <translation>Укажите итоговый ответ на «{title}».</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The answers accepted do not fit the decision: accepted takes every disputed answer, partially accepted some of them, rejected none.</source>
        <translation>Принятые ответы не соответствуют решению: «принят» — все оспоренные ответы, «принят частично» — некоторые, «отклонён» — ни одного.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/plans.py" line="+169"/>
        <source>There is no plan {id}.</source>
        <translation>Плана {id} нет.</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+83"/>
        <source>Interaction {id} is not an open item of plan {plan}.</source>
        <translation>Взаимодействие {id} не входит в открытые пункты плана {plan}.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Say why the item is skipped.</source>
        <translation>Укажите, почему пункт пропущен.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no plan item {id}.</source>
        <translation>Пункта плана {id} нет.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plan item {id} is skipped already.</source>
        <translation>Пункт плана {id} уже пропущен.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../qcdesk/qtmodels/labels.py" line="-72"/>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>Новое</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left channel</source>
        <translation>Левый канал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right channel</source>
        <translation>Правый канал</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 d %2 h</source>
        <translation>%1 д %2 ч</translation>
    </message>
    <message>
        <location filename="../../qcdesk/qtmodels/attachments.py" line="-78"/>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screenshot</source>
        <translation>Снимок экрана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../qcdesk/widgets/visit_dialog.py" line="-122"/>
        <source>Visit to a shop</source>
        <translation>Визит в магазин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone call</source>
        <translation>Телефонный звонок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online request</source>
        <translation>Онлайн-запрос</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <location filename="../../qcdesk/widgets/list_actions.py" line="+58"/>
        <source>Assign &amp;consultant</source>
        <translation>Назначить &amp;консультанта</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(one company at a time)</source>
        <translation>(только в пределах одной компании)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not assigned)</source>
        <translation>(не назначен)</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Assigned %n interaction(s).</source>
        <translation>
            <numerusform>Назначено %n взаимодействие.</numerusform>
            <numerusform>Назначено %n взаимодействия.</numerusform>
            <numerusform>Назначено %n взаимодействий.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Some interactions were not marked</source>
        <translation>Некоторые взаимодействия не отмечены</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n interaction(s) could not be marked:</source>
        <translation>
            <numerusform>Не удалось отметить %n взаимодействие:</numerusform>
            <numerusform>Не удалось отметить %n взаимодействия:</numerusform>
            <numerusform>Не удалось отметить %n взаимодействий:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Marked %n interaction(s).</source>
        <translation>
            <numerusform>Отмечено %n взаимодействие.</numerusform>
            <numerusform>Отмечено %n взаимодействия.</numerusform>
            <numerusform>Отмечено %n взаимодействий.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Mark %n interaction(s) as reviewed? Their forms are signed off as they are now; suggestions left in place count as the reviewer&apos;s answers.</source>
        <translation>
            <numerusform>Отметить %n взаимодействие как проверенное? Формы будут подписаны в текущем виде; оставленные подсказки засчитаются как ответы ревьюера.</numerusform>
            <numerusform>Отметить %n взаимодействия как проверенные? Формы будут подписаны в текущем виде; оставленные подсказки засчитаются как ответы ревьюера.</numerusform>
            <numerusform>Отметить %n взаимодействий как проверенные? Формы будут подписаны в текущем виде; оставленные подсказки засчитаются как ответы ревьюера.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Mark %n interaction(s) as not reviewed? They leave the reports until they are reviewed again.</source>
        <translation>
            <numerusform>Отметить %n взаимодействие как непроверенное? Оно выпадет из отчётов до повторной проверки.</numerusform>
            <numerusform>Отметить %n взаимодействия как непроверенные? Они выпадут из отчётов до повторной проверки.</numerusform>
            <numerusform>Отметить %n взаимодействий как непроверенные? Они выпадут из отчётов до повторной проверки.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mark interactions</source>
        <translation>Отметить взаимодействия</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export the list</source>
        <translation>Экспорт списка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx);;CSV, semicolon-separated (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV с точкой с запятой (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Interactions</source>
        <translation>Взаимодействия</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Экспортирована %n строка в %1.</numerusform>
            <numerusform>Экспортированы %n строки в %1.</numerusform>
            <numerusform>Экспортировано %n строк в %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qcdesk/widgets/main_window.py" line="+291"/>
        <source>qcdesk: quality control</source>
        <translation>qcdesk — контроль качества</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recent projects</source>
        <translation>&amp;Недавние проекты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interaction</source>
        <translation>&amp;Взаимодействие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transcription</source>
        <translation>&amp;Расшифровка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>Основная панель</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n взаимодействие</numerusform>
            <numerusform>%n взаимодействия</numerusform>
            <numerusform>%n взаимодействий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n проверено</numerusform>
            <numerusform>%n проверено</numerusform>
            <numerusform>%n проверено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>Queued %n call(s) for transcription.</source>
        <translation>
            <numerusform>В очередь на расшифровку поставлен %n звонок.</numerusform>
            <numerusform>В очередь на расшифровку поставлено %n звонка.</numerusform>
            <numerusform>В очередь на расшифровку поставлено %n звонков.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+163"/>
        <source>Import chats</source>
        <translation>Импорт чатов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat exports (*.json *.txt *.csv *.tsv *.zip);;All files (*)</source>
        <translation>Выгрузки чатов (*.json *.txt *.csv *.tsv *.zip);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Watch folder: imported recordings: %1, calls: %2</source>
        <translation>Папка наблюдения: импортировано записей: %1, звонков: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Watch folder: files or rows not imported: %1</source>
        <translation>Папка наблюдения: не импортировано файлов или строк: %1</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Call language</source>
        <translation>Язык звонков</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Detect from the speech</source>
        <translation>Определять по речи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import recordings</source>
        <translation>Импорт записей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audio files (*.wav *.mp3 *.ogg *.opus *.m4a *.flac *.wma *.amr);;All files (*)</source>
        <translation>Аудиофайлы (*.wav *.mp3 *.ogg *.opus *.m4a *.flac *.wma *.amr);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import a folder</source>
        <translation>Импорт папки</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Importing recordings</source>
        <translation>Импорт записей</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Imported %n recording(s).</source>
        <translation>
            <numerusform>Импортирована %n запись.</numerusform>
            <numerusform>Импортировано %n записи.</numerusform>
            <numerusform>Импортировано %n записей.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingPackDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/meeting_dialog.py" line="+54"/>
        <source>Planning meeting pack</source>
        <translation>Материалы к планёрке</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the pack</source>
        <translation>Сформировать</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A short PDF for the head of sales (KPIs, the weakest criteria with quotes, each consultant&apos;s focus, the previous meeting&apos;s actions) and the quotes&apos; audio clips in a clips folder beside it, with an index.</source>
        <translation>Короткий PDF для руководителя отдела продаж (КПЭ, самые слабые критерии с цитатами, фокус каждого консультанта, договорённости прошлой планёрки) и аудиофрагменты цитат в папке clips рядом с ним, с оглавлением.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Mark done / open</source>
        <translation>Выполнено / в работу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record a meeting…</source>
        <translation>Записать планёрку…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Client &amp;company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack &amp;language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Actions agreed at the meeting of %1:</source>
        <translation>Договорённости планёрки %1:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No planning meeting recorded yet.</source>
        <translation>Планёрки ещё не записаны.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Folder for the meeting pack</source>
        <translation>Папка для материалов к планёрке</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%1 already holds a meeting pack (%n file(s)). Replace it?</source>
        <translation>
            <numerusform>В папке %1 уже есть материалы к планёрке (%n файл). Заменить?</numerusform>
            <numerusform>В папке %1 уже есть материалы к планёрке (%n файла). Заменить?</numerusform>
            <numerusform>В папке %1 уже есть материалы к планёрке (%n файлов). Заменить?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace the pack</source>
        <translation>Заменить материалы</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Wrote %1 and %n audio clip(s).</source>
        <translation>
            <numerusform>Записан %1 и %n аудиофрагмент.</numerusform>
            <numerusform>Записан %1 и %n аудиофрагмента.</numerusform>
            <numerusform>Записан %1 и %n аудиофрагментов.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No clip for: %1</source>
        <translation>Без аудиофрагмента: %1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../qcdesk/widgets/messages.py" line="-29"/>
        <source>qcdesk</source>
        <translation>qcdesk</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/metadata_dialog.py" line="+112"/>
        <location line="+23"/>
        <source>(not assigned)</source>
        <translation>(не назначен)</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Details of the interaction: %1</source>
        <translation>Сведения о взаимодействии: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client &amp;company:</source>
        <translation>&amp;Компания-клиент:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;onsultant:</source>
        <translation>К&amp;онсультант:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Direction:</source>
        <translation>&amp;Направление:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and &amp;time:</source>
        <translation>Дата и &amp;время:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ustomer:</source>
        <translation>К&amp;лиент:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company&apos;s language</source>
        <translation>Язык компании</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unchecked: the date is not known</source>
        <translation>Без отметки: дата неизвестна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number or name</source>
        <translation>Номер телефона или имя</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../qcdesk/widgets/metrics_panel.py" line="+61"/>
        <source>No metrics yet. They are computed from the transcript by auto-prefill, which runs after transcription or chat import.</source>
        <translation>Метрик пока нет. Их рассчитывает автозаполнение по расшифровке; оно запускается после расшифровки или импорта чата.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Average over %n interaction(s) of the team «{team}»</source>
        <translation>
            <numerusform>Среднее по %n взаимодействию команды «{team}»</numerusform>
            <numerusform>Среднее по %n взаимодействиям команды «{team}»</numerusform>
            <numerusform>Среднее по %n взаимодействиям команды «{team}»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Average over %n interaction(s) of «{client}»</source>
        <translation>
            <numerusform>Среднее по %n взаимодействию «{client}»</numerusform>
            <numerusform>Среднее по %n взаимодействиям «{client}»</numerusform>
            <numerusform>Среднее по %n взаимодействиям «{client}»</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>response times count working hours only</source>
        <translation>время ответа учитывает только рабочие часы</translation>
    </message>
</context>
<context>
    <name>MetricsTableModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/metrics.py" line="+35"/>
        <source>Talk share: consultant</source>
        <translation>Доля речи: консультант</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Talk share: client</source>
        <translation>Доля речи: клиент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speech rate: consultant, words/min</source>
        <translation>Темп речи: консультант, слов/мин</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Speech rate: client, words/min</source>
        <translation>Темп речи: клиент, слов/мин</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Longest consultant monologue</source>
        <translation>Самый длинный монолог консультанта</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Silence share</source>
        <translation>Доля тишины</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest silence</source>
        <translation>Самая длинная пауза</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interruptions by the consultant</source>
        <translation>Перебивания со стороны консультанта</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interruptions by the client</source>
        <translation>Перебивания со стороны клиента</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consultant&apos;s mean response gap</source>
        <translation>Средняя пауза перед ответом консультанта</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open questions</source>
        <translation>Открытые вопросы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed questions</source>
        <translation>Закрытые вопросы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open question share</source>
        <translation>Доля открытых вопросов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filler words per minute</source>
        <translation>Слова-паразиты в минуту</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First response time</source>
        <translation>Время первого ответа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean response time</source>
        <translation>Среднее время ответа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest response time</source>
        <translation>Максимальное время ответа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages: consultant</source>
        <translation>Сообщения: консультант</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages: customer</source>
        <translation>Сообщения: клиент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unanswered customer messages</source>
        <translation>Сообщения клиента без ответа</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Metric</source>
        <translation>Метрика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This interaction</source>
        <translation>Это взаимодействие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team average</source>
        <translation>Среднее по команде</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{m} min {s} s</source>
        <translation>{m} мин {s} с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Company average</source>
        <translation>Среднее по компании</translation>
    </message>
</context>
<context>
    <name>MysteryPanel</name>
    <message>
        <location filename="../../qcdesk/widgets/mystery_panel.py" line="+114"/>
        <source>Evidence: photos, audio, screenshots, documents</source>
        <translation>Доказательства: фото, аудио, снимки экрана, документы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or drop files on this panel</source>
        <translation>Или перетащите файлы на эту панель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence for…</source>
        <translation>Привязать к критериям…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the selected file to checklist criteria</source>
        <translation>Привязать выбранный файл к критериям чек-листа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Mystery shopping</source>
        <translation>Тайный покупатель</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Attach evidence</source>
        <translation>Прикрепить доказательства</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos, audio and documents (*.jpg *.jpeg *.png *.heic *.webp *.wav *.mp3 *.m4a *.ogg *.opus *.amr *.pdf *.docx *.txt);;All files (*)</source>
        <translation>Фото, аудио и документы (*.jpg *.jpeg *.png *.heic *.webp *.wav *.mp3 *.m4a *.ogg *.opus *.amr *.pdf *.docx *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Some files were not attached</source>
        <translation>Некоторые файлы не прикреплены</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Remove evidence</source>
        <translation>Удалить доказательство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 from this visit?</source>
        <translation>Удалить %1 из этого визита?</translation>
    </message>
</context>
<context>
    <name>NewCalibrationDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/calibration_dialog.py" line="+33"/>
        <source>New calibration session</source>
        <translation>Новая калибровочная сессия</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. 12, 15, 31</source>
        <translation>например, 12, 15, 31</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draw at random</source>
        <translation>Выбрать случайно</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Names separated by commas</source>
        <translation>Имена через запятую</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interactions (numbers)</source>
        <translation>Взаимодействия (номера)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Interactions are given by their numbers, separated by commas.</source>
        <translation>Взаимодействия указываются номерами через запятую.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no company yet: import interactions first.</source>
        <translation>Компаний пока нет: сначала импортируйте взаимодействия.</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/plan_forms.py" line="-124"/>
        <source>New review plan</source>
        <translation>Новый план проверки</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keep the mix of incoming and outgoing</source>
        <translation>Сохранять долю входящих и исходящих</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+7"/>
        <source>any</source>
        <translation>любая</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-prefill suggested «no» on a critical criterion</source>
        <translation>Автозаполнение предложило «нет» по критическому критерию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not reviewed yet</source>
        <translation>Ещё не проверено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monday to Friday only</source>
        <translation>Только с понедельника по пятницу</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Company:</source>
        <translation>Компания:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month:</source>
        <translation>Месяц:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per consultant:</source>
        <translation>На консультанта:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration, s:</source>
        <translation>Длительность, с:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-prefill score below, %:</source>
        <translation>Балл автозаполнения ниже, %:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seed:</source>
        <translation>Зерно:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due:</source>
        <translation>Срок:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a company and at least one quota.</source>
        <translation>Выберите компанию и хотя бы одну квоту.</translation>
    </message>
</context>
<context>
    <name>OutcomeFields</name>
    <message>
        <location filename="../../qcdesk/widgets/template_editor_fields.py" line="+96"/>
        <source>&amp;Goal: when is it achieved?</source>
        <translation>&amp;Цель: когда она достигнута?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funnel &amp;stages, in order</source>
        <translation>&amp;Этапы воронки по порядку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add stage</source>
        <translation>Добавить этап</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
</context>
<context>
    <name>OverallBox</name>
    <message>
        <location filename="../../qcdesk/widgets/evaluation_summary.py" line="-105"/>
        <source>Overall</source>
        <translation>Общий вывод</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went well and what did not, in a few words</source>
        <translation>Что получилось и что нет, в нескольких словах</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the consultant should do differently</source>
        <translation>Что консультанту стоит делать иначе</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommendation</source>
        <translation>Рекомендация</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../qcdesk/widgets/period_picker.py" line="+80"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Month:</source>
        <translation>&amp;Месяц:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>Квартал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The calendar quarter of the chosen month</source>
        <translation>Календарный квартал выбранного месяца</translation>
    </message>
</context>
<context>
    <name>PlanModels</name>
    <message>
        <location filename="../../qcdesk/qtmodels/plans.py" line="+35"/>
        <source>To do</source>
        <translation>К проверке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+147"/>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any channel</source>
        <translation>любой канал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>Принят</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partially accepted</source>
        <translation>Принят частично</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Отклонён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong consultant</source>
        <translation>Не тот консультант</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a sales conversation</source>
        <translation>Не продажа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad audio</source>
        <translation>Плохое качество записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Дубликат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too short to judge</source>
        <translation>Слишком короткое для оценки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer error</source>
        <translation>Ошибка ревьюера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance unclear</source>
        <translation>Неясная инструкция</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence missing</source>
        <translation>Нет доказательств</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a reviewer error</source>
        <translation>Не ошибка ревьюера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incoming</source>
        <translation>входящий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing</source>
        <translation>исходящий</translation>
    </message>
    <message>
        <location line="+83"/>
        <location line="+22"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+19"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+15"/>
        <location line="+52"/>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+15"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <location line="+50"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stratum</source>
        <translation>Страта</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <location line="+16"/>
        <source>Reviewer</source>
        <translation>Ревьюер</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Skipped because</source>
        <translation>Причина пропуска</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed / quota</source>
        <translation>Проверено / квота</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the sample</source>
        <translation>В выборке</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reviews</source>
        <translation>Проверок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days worked</source>
        <translation>Рабочих дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews per day</source>
        <translation>Проверок в день</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Median minutes per review</source>
        <translation>Медиана минут на проверку</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue share</source>
        <translation>Доля просроченных</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answers</source>
        <translation>Ответов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>Срок решения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score before → after</source>
        <translation>Балл до → после</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <location filename="../../qcdesk/widgets/plans_screen.py" line="+123"/>
        <source>Review plans</source>
        <translation>Планы проверки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My queue</source>
        <translation>Моя очередь</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan progress</source>
        <translation>Ход плана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Productivity</source>
        <translation>Производительность</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disputes</source>
        <translation>Споры</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reviewer:</source>
        <translation>&amp;Ревьюер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Skip…</source>
        <translation>&amp;Пропустить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip…</source>
        <translation>Пропустить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plan:</source>
        <translation>&amp;План:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a &amp;dispute…</source>
        <translation>Открыть &amp;спор…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New plan…</source>
        <translation>&amp;Новый план…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assign…</source>
        <translation>&amp;Назначить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The items selected, or else the whole plan&apos;s unassigned items</source>
        <translation>Выделенные пункты, а если ничего не выделено — все неназначенные пункты плана</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per consultant</source>
        <translation>По консультантам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per reviewer</source>
        <translation>По ревьюерам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reviews marked done in the period. Minutes: the median time the review workspace had an evaluation open. Overdue: plan items due in the period that were reviewed late or are still open past their due date.</source>
        <translation>Проверки, завершённые за период. Минуты: медиана времени, пока оценка была открыта в рабочем окне проверки. Просрочено: пункты плана со сроком в этом периоде, проверенные позже срока или не проверенные после него.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All disputes</source>
        <translation>Все споры</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Decide…</source>
        <translation>&amp;Решить…</translation>
    </message>
    <message numerus="yes">
        <location line="+72"/>
        <source>%n item(s) to review</source>
        <translation>
            <numerusform>%n пункт к проверке</numerusform>
            <numerusform>%n пункта к проверке</numerusform>
            <numerusform>%n пунктов к проверке</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n просрочен</numerusform>
            <numerusform>%n просрочено</numerusform>
            <numerusform>%n просрочено</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{client}, {period}: per consultant {quotas}; seed {seed}; due {due}. Reviewed {done} of {active}.</source>
        <translation>{client}, {period}: на консультанта {quotas}; зерно {seed}; срок {due}. Проверено {done} из {active}.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Only a reviewed interaction can be disputed.</source>
        <translation>Оспорить можно только проверенное взаимодействие.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{who} on {date}: {comment}</source>
        <translation>{who}, {date}: {comment}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{who}: {status} ({reason}). {comment}</source>
        <translation>{who}: {status} ({reason}). {comment}</translation>
    </message>
</context>
<context>
    <name>PlaybackController</name>
    <message>
        <location filename="../../qcdesk/playback.py" line="+175"/>
        <source>Cannot play {path}: {detail}</source>
        <translation>Не удаётся воспроизвести {path}: {detail}</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <location filename="../../qcdesk/widgets/project.py" line="-100"/>
        <source>Welcome to qcdesk</source>
        <translation>Добро пожаловать в qcdesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name as a reviewer. It goes on your evaluations and reports; you can change it later in Settings.</source>
        <translation>Ваше имя как ревьюера. Оно будет стоять в ваших оценках и отчётах; его можно изменить позже в настройках.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/widgets/recent_projects.py" line="+28"/>
        <source>New project: choose an empty folder</source>
        <translation>Новый проект: выберите пустую папку</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New project</source>
        <translation>Новый проект</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already holds a project. Open it?</source>
        <translation>В папке %1 уже есть проект. Открыть его?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qcdesk projects (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Проекты qcdesk (*.db *.sqlite *.sqlite3);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(not found)</source>
        <translation>(не найден)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No recent projects</source>
        <translation>Нет недавних проектов</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove missing projects</source>
        <translation>Убрать ненайденные проекты</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the list</source>
        <translation>Очистить список</translation>
    </message>
</context>
<context>
    <name>PublishConfirm</name>
    <message>
        <location filename="../../qcdesk/widgets/publish_confirm.py" line="+27"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First version: %2 criteria</source>
        <translation>Первая версия: критериев — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title: «%3» → «%4»</source>
        <translation>Название: «%3» → «%4»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New section: %1</source>
        <translation>Новый раздел: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section removed: %1</source>
        <translation>Раздел удалён: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New criterion: %1</source>
        <translation>Новый критерий: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criterion removed: %1</source>
        <translation>Критерий удалён: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criterion renamed: «%3» → «%4»</source>
        <translation>Критерий переименован: «%3» → «%4»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: weight %3 → %4</source>
        <translation>%1: вес %3 → %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: critical %3 → %4</source>
        <translation>%1: критический %3 → %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: answers %3 → %4</source>
        <translation>%1: варианты ответа %3 → %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: N/A allowed %3 → %4</source>
        <translation>%1: «неприменимо» разрешено %3 → %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: guidance changed</source>
        <translation>%1: изменена подсказка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New stage: %1</source>
        <translation>Новый этап: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage removed: %1</source>
        <translation>Этап удалён: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal: «%3» → «%4»</source>
        <translation>Цель: «%3» → «%4»</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Publish the checklist</source>
        <translation>Публикация чек-листа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish version %1 of «%2»? It cannot be changed afterwards.</source>
        <translation>Опубликовать версию %1 чек-листа «%2»? После публикации её нельзя изменить.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No changes against the version in use.</source>
        <translation>Изменений по сравнению с действующей версией нет.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>…and %1 more</source>
        <translation>…и ещё %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Publish</source>
        <translation>Опубликовать</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/report_settings_dialog.py" line="+122"/>
        <source>Report settings: %1</source>
        <translation>Настройки отчётов: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Agency name:</source>
        <translation>Название &amp;агентства:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client &amp;logo:</source>
        <translation>&amp;Логотип клиента:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target mean &amp;score:</source>
        <translation>Цель по средней &amp;оценке:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target &amp;conversion:</source>
        <translation>Цель по &amp;конверсии:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical errors at &amp;most:</source>
        <translation>Критических ошибок не &amp;более:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recurring error from:</source>
        <translation>&amp;Повторяющаяся ошибка от:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel &amp;weights:</source>
        <translation>&amp;Веса каналов:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data:</source>
        <translation>Персональные данные:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>calls</source>
        <translation>звонки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chats</source>
        <translation>чаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mystery shopping</source>
        <translation>тайный покупатель</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The combined score of a consultant weights each channel&apos;s mean score by these numbers; channels without evaluations are left out, and 0 leaves a channel out always.</source>
        <translation>Сводный балл консультанта — среднее баллов по каналам, взвешенное этими числами; каналы без оценок не учитываются, а вес 0 всегда исключает канал.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Mask phone, card and passport numbers in exports</source>
        <translation>&amp;Скрывать номера телефонов, карт и паспортов при экспорте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quotes, comments and customer numbers in PDF and XLSX reports show these numbers as asterisks; names are never masked.</source>
        <translation>В цитатах, комментариях и номерах клиентов в отчётах PDF и XLSX эти номера заменяются звёздочками; имена не скрываются никогда.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No logo</source>
        <translation>Без логотипа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A criterion is a recurring error when a consultant fails it in at least this share of evaluations (and at least 3 times).</source>
        <translation>Пункт считается повторяющейся ошибкой, если консультант не выполнил его хотя бы в этой доле оценок (и не менее 3 раз).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The agency name is shown on the cover of every report; the logo, targets and channel weights apply to this client company only.</source>
        <translation>Название агентства выводится на обложке каждого отчёта; логотип, целевые значения и веса каналов относятся только к этой компании-клиенту.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>At least one channel needs a weight above zero.</source>
        <translation>Хотя бы у одного канала вес должен быть больше нуля.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Choose a logo</source>
        <translation>Выберите логотип</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../qcdesk/widgets/reports_screen.py" line="+195"/>
        <source>Client &amp;company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;onsultant:</source>
        <translation>К&amp;онсультант:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Report &amp;language:</source>
        <translation>&amp;Язык отчёта:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>Экспорт в PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export XLSX…</source>
        <translation>Экспорт в XLSX…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All individual reports for the month…</source>
        <translation>Все индивидуальные отчёты за месяц…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes one PDF per consultant with activity in the chosen month</source>
        <translation>Создаёт по одному PDF на каждого консультанта, работавшего в выбранном месяце</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report settings for this company…</source>
        <translation>Настройки отчётов компании…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planning meeting pack…</source>
        <translation>Материалы к планёрке…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Team report</source>
        <translation>Отчёт по команде</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Export PDF</source>
        <translation>Экспорт в PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export XLSX</source>
        <translation>Экспорт в XLSX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Файлы Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Rendering the report…</source>
        <translation>Формирование отчёта…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preparing the report…</source>
        <translation>Подготовка отчёта…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot show the preview of %1</source>
        <translation>Не удалось показать просмотр %1</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Folder for the individual reports</source>
        <translation>Папка для индивидуальных отчётов</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Replace reports</source>
        <translation>Заменить отчёты</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n report(s) for this month already exist in %1. Replace them?</source>
        <translation>
            <numerusform>В папке %1 уже есть %n отчёт за этот месяц. Заменить?</numerusform>
            <numerusform>В папке %1 уже есть %n отчёта за этот месяц. Заменить их?</numerusform>
            <numerusform>В папке %1 уже есть %n отчётов за этот месяц. Заменить их?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Individual reports: %1</source>
        <translation>Индивидуальные отчёты: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Wrote %n report(s) to %1</source>
        <translation>
            <numerusform>Записан %n отчёт в %1</numerusform>
            <numerusform>Записано %n отчёта в %1</numerusform>
            <numerusform>Записано %n отчётов в %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Cancelled after %n report(s)</source>
        <translation>
            <numerusform>Отменено после %n отчёта</numerusform>
            <numerusform>Отменено после %n отчётов</numerusform>
            <numerusform>Отменено после %n отчётов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RescoreDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/template_switch.py" line="+42"/>
        <source>Change the checklist of this evaluation</source>
        <translation>Смена чек-листа оценки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{old} v{old_version} → {new} v{new_version}</source>
        <translation>{old} (версия {old_version}) → {new} (версия {new_version})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Score: {old} → {new}</source>
        <translation>Балл: {old} → {new}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a critical criterion fails</source>
        <translation>критическая ошибка</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Answers kept: %n</source>
        <translation>
            <numerusform>Сохранено ответов: %n</numerusform>
            <numerusform>Сохранено ответов: %n</numerusform>
            <numerusform>Сохранено ответов: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in the new version, answers dropped: %1</source>
        <translation>Нет в новой версии, ответы удалены: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer type changed, left empty: %1</source>
        <translation>Изменился тип ответа, ответ сброшен: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New, to be answered: %1</source>
        <translation>Новые, требуют ответа: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stage reached is not in the new version and is cleared.</source>
        <translation>Достигнутого этапа нет в новой версии, он будет сброшен.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The evaluation already uses this version.</source>
        <translation>Оценка уже использует эту версию.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <location filename="../../qcdesk/widgets/review.py" line="+110"/>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Playback speed ([ slower, ] faster)</source>
        <translation>Скорость воспроизведения ([ медленнее, ] быстрее)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Volume</source>
        <translation>Громкость</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Swap speakers</source>
        <translation>Поменять говорящих местами</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Checklist</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics</source>
        <translation>Метрики</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>This interaction has no recording</source>
        <translation>У этого взаимодействия нет записи</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>This interaction has no transcript to export.</source>
        <translation>У этого взаимодействия нет расшифровки для экспорта.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the transcript</source>
        <translation>Экспорт расшифровки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text (*.txt);;Subtitles SRT (*.srt);;WebVTT (*.vtt);;qcdesk JSON (*.json)</source>
        <translation>Текст (*.txt);;Субтитры SRT (*.srt);;WebVTT (*.vtt);;JSON qcdesk (*.json)</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Unknown consultant</source>
        <translation>Консультант не указан</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The waveform could not be computed</source>
        <translation>Не удалось построить волновую форму</translation>
    </message>
</context>
<context>
    <name>SectionFields</name>
    <message>
        <location filename="../../qcdesk/widgets/template_editor_fields.py" line="-219"/>
        <source>Section &amp;title</source>
        <translation>&amp;Название раздела</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n criterion/criteria</source>
        <translation>
            <numerusform>%n критерий</numerusform>
            <numerusform>%n критерия</numerusform>
            <numerusform>%n критериев</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{share}% of the total score</source>
        <translation>{share}% итогового балла</translation>
    </message>
</context>
<context>
    <name>SegmentDelegate</name>
    <message>
        <location filename="../../qcdesk/widgets/transcript_view.py" line="+157"/>
        <source>corrected</source>
        <translation>исправлено</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Enter saves, Esc cancels</source>
        <translation>Enter — сохранить, Esc — отмена</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/coaching_session_dialog.py" line="+64"/>
        <source>Planning meeting: %1</source>
        <translation>Планёрка: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coaching session: %1</source>
        <translation>Сессия коучинга: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>one-to-one</source>
        <translation>один на один</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>group</source>
        <translation>групповая</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on a call</source>
        <translation>по телефону</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>planning meeting</source>
        <translation>планёрка</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add action</source>
        <translation>Добавить договорённость</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove action</source>
        <translation>Удалить договорённость</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The consultant acknowledged the plan and the actions</source>
        <translation>Консультант ознакомлен с планом и договорённостями</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Date and time:</source>
        <translation>&amp;Дата и время:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Participants:</source>
        <translation>&amp;Участники:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Agreed actions:</source>
        <translation>Договорённости:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Action %1: the due date is not DD.MM.YYYY.</source>
        <translation>Договорённость %1: срок не в формате ДД.ММ.ГГГГ.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/settings_dialog.py" line="+88"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reviewer name:</source>
        <translation>&amp;Имя ревьюера:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name &amp;patterns:</source>
        <translation>&amp;Шаблоны имён файлов:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech &amp;model:</source>
        <translation>&amp;Модель распознавания:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Device:</source>
        <translation>&amp;Устройство:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote &amp;server URL:</source>
        <translation>Адрес у&amp;далённого сервера:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;key:</source>
        <translation>&amp;Ключ API:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shown on evaluations and reports</source>
        <translation>Указывается в оценках и отчётах</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundled base model (or a name such as small)</source>
        <translation>Встроенная модель base (или название, например small)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Processor (CPU)</source>
        <translation>Процессор (CPU)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Graphics card (CUDA)</source>
        <translation>Видеокарта (CUDA)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty: transcribe on this computer; e.g. http://gpu-server:8000/v1</source>
        <translation>Пусто — расшифровывать на этом компьютере; например, http://gpu-server:8000/v1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One pattern per line; empty uses the built-in ones shown in grey. Placeholders: {date}, {time}, {customer}, {extension}, {direction}, {any}.</source>
        <translation>По одному шаблону в строке; если пусто, используются встроенные (показаны серым). Поля: {date}, {time}, {customer}, {extension}, {direction}, {any}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a faster-whisper model folder</source>
        <translation>Выберите папку модели faster-whisper</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/help_dialogs.py" line="-46"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Find an action or a key</source>
        <translation>Найти действие или клавишу</translation>
    </message>
</context>
<context>
    <name>SkipDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/plan_dialogs.py" line="-79"/>
        <source>Skip an item</source>
        <translation>Пропуск пункта</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draw a replacement from the same stratum</source>
        <translation>Выбрать замену из той же страты</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{consultant}, {channel}, interaction {id}</source>
        <translation>{consultant}, {channel}, взаимодействие {id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
</context>
<context>
    <name>SplitWarning</name>
    <message>
        <location filename="../../qcdesk/widgets/transcript_view.py" line="+142"/>
        <source>Which speaker is the consultant? Listen to the start and choose.</source>
        <translation>Кто из говорящих консультант? Прослушайте начало и выберите.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speakers may be mixed up — check and swap if needed.</source>
        <translation>Говорящие могут быть перепутаны — проверьте и при необходимости поменяйте их местами.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This mono call was split into two voices automatically and the split, or which voice is the consultant, is doubtful.</source>
        <translation>Этот монозвонок был автоматически разделён на два голоса, но разделение или выбор голоса консультанта вызывает сомнения.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Swap speakers</source>
        <translation>Поменять говорящих местами</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speakers are right</source>
        <translation>Говорящие определены верно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker A is the consultant</source>
        <translation>Говорящий A — консультант</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker B is the consultant</source>
        <translation>Говорящий B — консультант</translation>
    </message>
</context>
<context>
    <name>SpokenNamesDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/spoken_names_dialog.py" line="+58"/>
        <source>Spoken names: %1</source>
        <translation>Как произносят название: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sofas Plus
Sofas+</source>
        <translation>Диваны плюс
Диваны+</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How people say or spell this company&apos;s name, one per line. Auto-prefill counts «named the company» when the consultant says the name or one of these, even misheard by speech recognition. New transcriptions and a re-run of auto-prefill use them.</source>
        <translation>Как люди произносят или пишут название этой компании, по одному варианту в строке. Автозаполнение засчитывает «Назвал компанию», когда консультант произносит название или один из этих вариантов, даже если распознавание речи их исказило. Используется при новых расшифровках и повторном автозаполнении.</translation>
    </message>
</context>
<context>
    <name>SuggestionsBar</name>
    <message>
        <location filename="../../qcdesk/widgets/suggestions_bar.py" line="+62"/>
        <source>Accept every auto-prefill suggestion that is not marked «check manually»</source>
        <translation>Принять все подсказки автозаполнения, кроме помеченных «проверьте вручную»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-run auto-prefill</source>
        <translation>Перезапустить автозаполнение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the rules on the transcript again; confirmed answers stay as they are</source>
        <translation>Снова применить правила к расшифровке; подтверждённые ответы не изменятся</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Accept all (%n)</source>
        <translation>
            <numerusform>Принять все (%n)</numerusform>
            <numerusform>Принять все (%n)</numerusform>
            <numerusform>Принять все (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No auto-prefill yet</source>
        <translation>Автозаполнения пока нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggestions to confirm: {accept}; check manually: {manual}</source>
        <translation>Подсказок к подтверждению: {accept}; проверить вручную: {manual}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every suggestion has been checked</source>
        <translation>Все подсказки проверены</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../qcdesk/widgets/template_editor.py" line="+126"/>
        <source>Checklist</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a section or a criterion, or add one.</source>
        <translation>Выберите раздел или критерий либо добавьте новый.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected item</source>
        <translation>Выбранный элемент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome: stages and goal</source>
        <translation>Итог: этапы и цель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview: the form as a reviewer sees it</source>
        <translation>Просмотр: форма глазами ревьюера</translation>
    </message>
    <message>
        <location line="+193"/>
        <source>Version {version} · {status}</source>
        <translation>Версия {version} · {status}</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n problem(s) to fix before publishing</source>
        <translation>
            <numerusform>%n проблема — исправьте перед публикацией</numerusform>
            <numerusform>%n проблемы — исправьте перед публикацией</numerusform>
            <numerusform>%n проблем — исправьте перед публикацией</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No problems</source>
        <translation>Проблем нет</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Draft saved</source>
        <translation>Черновик сохранён</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Fix %n problem(s) before publishing</source>
        <translation>
            <numerusform>Перед публикацией исправьте %n проблему</numerusform>
            <numerusform>Перед публикацией исправьте %n проблемы</numerusform>
            <numerusform>Перед публикацией исправьте %n проблем</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateFields</name>
    <message>
        <location filename="../../qcdesk/widgets/template_editor_fields.py" line="-38"/>
        <source>&amp;Title</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Template &amp;id</source>
        <translation>&amp;Идентификатор шаблона</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Kind</source>
        <translation>&amp;Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fixed once a version was published: evaluations refer to it</source>
        <translation>Не меняется после публикации версии: на него ссылаются оценки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latin letters, digits, - and _; also names the exported file</source>
        <translation>Латинские буквы, цифры, - и _; также используется как имя экспортируемого файла</translation>
    </message>
</context>
<context>
    <name>TemplateLibrary</name>
    <message>
        <location filename="../../qcdesk/widgets/template_library.py" line="+137"/>
        <source>Checklist templates</source>
        <translation>Шаблоны чек-листов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every version</source>
        <translation>Показать все версии</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YAML file…</source>
        <translation>Файл YAML…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>XLSX for approval…</source>
        <translation>XLSX для согласования…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Blank PDF form…</source>
        <translation>Пустой бланк PDF…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All companies</source>
        <translation>Все компании</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>New checklist</source>
        <translation>Новый чек-лист</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+80"/>
        <source>Published version %1</source>
        <translation>Опубликована версия %1</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>%1 gets the automatic choice again</source>
        <translation>Для компании «%1» чек-лист снова выбирается автоматически</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New evaluations for %1 use this checklist</source>
        <translation>Новые оценки компании «%1» будут использовать этот чек-лист</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a checklist</source>
        <translation>Импорт чек-листа</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Imported %1, version %2</source>
        <translation>Импортирован %1, версия %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>YAML (*.yaml)</source>
        <translation>YAML (*.yaml)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Файлы Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the checklist</source>
        <translation>Экспорт чек-листа</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
<context>
    <name>TemplatePreview</name>
    <message>
        <location filename="../../qcdesk/widgets/template_editor_preview.py" line="+20"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly</source>
        <translation>Частично</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N/A</source>
        <translation>Н/П</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(untitled checklist)</source>
        <translation>(чек-лист без названия)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(untitled section)</source>
        <translation>(раздел без названия)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No criteria yet</source>
        <translation>Критериев пока нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical</source>
        <translation>Критический</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight {weight} · {share} of the total</source>
        <translation>вес {weight} · {share} итога</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No stages yet</source>
        <translation>Этапов пока нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage reached:</source>
        <translation>Достигнутый этап:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal achieved</source>
        <translation>Цель достигнута</translation>
    </message>
</context>
<context>
    <name>TemplateSwitch</name>
    <message>
        <location filename="../../qcdesk/widgets/template_switch.py" line="+49"/>
        <location line="+25"/>
        <source>{title} · v{version}</source>
        <translation>{title} · версия {version}</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>This evaluation was filled with version {version} of «{title}»</source>
        <translation>Эта оценка заполнена по версии {version} шаблона «{title}»</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/templates.py" line="+47"/>
        <source>Checklist</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client company</source>
        <translation>Компания-клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluations</source>
        <translation>Оценки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default for</source>
        <translation>По умолчанию для</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Published</source>
        <translation>Опубликован</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Shared</source>
        <translation>Общий</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (%2 in all versions)</source>
        <translation>%1 (во всех версиях %2)</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>(untitled section)</source>
        <translation>(раздел без названия)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(untitled criterion)</source>
        <translation>(критерий без названия)</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Id</source>
        <translation>Идентификатор</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/transcript.py" line="+110"/>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker {name}</source>
        <translation>Говорящий {name}</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>corrected by a reviewer</source>
        <translation>исправлено ревьюером</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../qcdesk/widgets/transcript.py" line="+93"/>
        <source>No transcript yet</source>
        <translation>Расшифровки пока нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transcribe the recording now, or import a transcript file. You can score the call while listening meanwhile.</source>
        <translation>Расшифруйте запись сейчас или импортируйте файл расшифровки. А пока можно оценивать звонок на слух.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+91"/>
        <source>Transcribe now</source>
        <translation>Расшифровать сейчас</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Find in transcript</source>
        <translation>Найти в расшифровке</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Предыдущее совпадение (Shift+Enter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next match (Enter)</source>
        <translation>Следующее совпадение (Enter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the find bar (Esc)</source>
        <translation>Закрыть поиск (Esc)</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>Queued for transcription…</source>
        <translation>Поставлено в очередь на расшифровку…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Correct the text…</source>
        <translation>Исправить текст…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split here</source>
        <translation>Разделить здесь</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Join with the next segment</source>
        <translation>Объединить со следующей репликой</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Said by: %1</source>
        <translation>Говорит: %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No matches</source>
        <translation>Совпадений нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{current} of {total}</source>
        <translation>{current} из {total}</translation>
    </message>
</context>
<context>
    <name>TranscriptionPanel</name>
    <message>
        <location filename="../../qcdesk/widgets/transcription_panel.py" line="+152"/>
        <source>Replace corrections?</source>
        <translation>Заменить исправления?</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The transcript of this call has %n corrected segment(s).</source>
        <translation>
            <numerusform>В расшифровке этого звонка исправлена %n реплика.</numerusform>
            <numerusform>В расшифровке этого звонка исправлены %n реплики.</numerusform>
            <numerusform>В расшифровке этого звонка исправлено %n реплик.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n of the selected calls have corrected transcripts.</source>
        <translation>
            <numerusform>У %n из выбранных звонков есть исправления в расшифровке.</numerusform>
            <numerusform>У %n из выбранных звонков есть исправления в расшифровке.</numerusform>
            <numerusform>У %n из выбранных звонков есть исправления в расшифровке.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(%n corrected segment(s) in all.)</source>
        <translation>
            <numerusform>(Всего исправлена %n реплика.)</numerusform>
            <numerusform>(Всего исправлены %n реплики.)</numerusform>
            <numerusform>(Всего исправлено %n реплик.)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transcribing again replaces the corrections with a new transcript.</source>
        <translation>Повторная расшифровка заменит исправления новым текстом.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace corrections</source>
        <translation>Заменить исправления</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip corrected calls</source>
        <translation>Пропустить исправленные звонки</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading model…</source>
        <translation>Загрузка модели…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unexpected error; the log has the details.</source>
        <translation>Непредвиденная ошибка; подробности в журнале.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Transcription: server %1</source>
        <translation>Расшифровка: сервер %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Transcription: %1</source>
        <translation>Расшифровка: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n call(s) being transcribed</source>
        <translation>
            <numerusform>%n звонок расшифровывается</numerusform>
            <numerusform>%n звонка расшифровываются</numerusform>
            <numerusform>%n звонков расшифровываются</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n call(s) waiting</source>
        <translation>
            <numerusform>%n звонок ждёт</numerusform>
            <numerusform>%n звонка ждут</numerusform>
            <numerusform>%n звонков ждут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused</source>
        <translation>приостановлено</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Transcription queue</source>
        <translation>Очередь расшифровки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause all</source>
        <translation>Приостановить всё</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear finished</source>
        <translation>Убрать завершённые</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/visit_dialog.py" line="+224"/>
        <source>New mystery assignment</source>
        <translation>Новое задание тайного покупателя</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../qcdesk/widgets/waveform.py" line="+63"/>
        <source>Click or drag to move the playhead</source>
        <translation>Щёлкните или перетащите, чтобы перейти к моменту записи</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Computing waveform…</source>
        <translation>Построение волновой формы…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
</context>
</TS>
