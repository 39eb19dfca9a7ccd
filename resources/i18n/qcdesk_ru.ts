<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../qcdesk/actions.py" line="+37"/>
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
        <location line="+4"/>
        <source>Open &amp;log folder</source>
        <translation>Открыть папку &amp;журнала</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About qcdesk</source>
        <translation>&amp;О программе qcdesk</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+83"/>
        <source>&amp;Back to the list</source>
        <translation>&amp;Назад к списку</translation>
    </message>
    <message>
        <location line="-76"/>
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
        <source>S&amp;wap consultant and client channels</source>
        <translation>П&amp;оменять каналы консультанта и клиента</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Next criterion</source>
        <translation>&amp;Следующий критерий</translation>
    </message>
    <message>
        <location line="+7"/>
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
    <name>App</name>
    <message>
        <location filename="../../qcdesk/app.py" line="+174"/>
        <source>qcdesk cannot start</source>
        <translation>Не удаётся запустить qcdesk</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cannot open the database %1: %2</source>
        <translation>Не удаётся открыть базу данных %1: %2</translation>
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
    <name>ChecklistForm</name>
    <message>
        <location filename="../../qcdesk/widgets/checklist_form.py" line="+74"/>
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
        <location line="+12"/>
        <source>Show guidance</source>
        <translation>Показать пояснение</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Critical</source>
        <translation>Критический</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A failed critical criterion sets the total score to 0</source>
        <translation>Невыполненный критический пункт обнуляет итоговую оценку</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Key {key}</source>
        <translation>Клавиша {key}</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+55"/>
        <source>Play from here; right-click to remove</source>
        <translation>Воспроизвести с этого места; правый щелчок — удалить</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove evidence</source>
        <translation>Удалить доказательство</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Critical failure: total score is 0</source>
        <translation>Критическая ошибка: итоговая оценка 0</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+267"/>
        <source>Mark reviewed</source>
        <translation>Отметить как проверенное</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Goal achieved</source>
        <translation>Цель достигнута</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+72"/>
        <source>Not set</source>
        <translation>Не указано</translation>
    </message>
    <message>
        <location line="-70"/>
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
        <location line="+86"/>
        <source>Total: {score}</source>
        <translation>Итого: {score}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{answered} of {total} answered</source>
        <translation>Отвечено {answered} из {total}</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Reviewed</source>
        <translation>Проверено</translation>
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
    <name>Device</name>
    <message>
        <location filename="../../qcdesk/asr/model_store.py" line="+191"/>
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
    <name>FilterBar</name>
    <message>
        <location filename="../../qcdesk/widgets/filter_bar.py" line="+119"/>
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
        <source>Any</source>
        <translation>Любая</translation>
    </message>
    <message>
        <location line="+0"/>
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
    <name>ImportDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/import_dialog.py" line="+104"/>
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
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location line="+80"/>
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
        <location filename="../../qcdesk/qtmodels/interactions.py" line="+40"/>
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
</context>
<context>
    <name>JobProgressDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/job_progress.py" line="+28"/>
        <source>less than a minute left</source>
        <translation>осталось меньше минуты</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>about %n minute(s) left</source>
        <translation>осталось около %n мин.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>about %n hour(s) left</source>
        <translation>осталось около %n ч</translation>
    </message>
    <message>
        <location line="+43"/>
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
        <location line="+122"/>
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
        <location filename="../../qcdesk/audio/decode.py" line="+101"/>
        <source>The bundled ffmpeg program is missing: {detail}</source>
        <translation>Не найдена встроенная программа ffmpeg: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/asr/model_store.py" line="-159"/>
        <source>The bundled speech model is not installed (package {package}). Reinstall qcdesk or choose a model folder in the settings.</source>
        <translation>Встроенная модель распознавания не установлена (пакет {package}). Переустановите qcdesk или выберите папку модели в настройках.</translation>
    </message>
    <message>
        <location line="+47"/>
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
        <location line="+28"/>
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
        <location filename="../../qcdesk/audio/decode.py" line="-17"/>
        <source>Cannot open {path}: the file does not exist.</source>
        <translation>Не удаётся открыть {path}: файл не существует.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open {path}: it is a folder, not an audio file.</source>
        <translation>Не удаётся открыть {path}: это папка, а не аудиофайл.</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <source>{path} is damaged or incomplete: {detail}</source>
        <translation>Файл {path} повреждён или неполон: {detail}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{path} is not an audio file or its format is not supported.</source>
        <translation>{path} — не аудиофайл, или его формат не поддерживается.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path} contains no audio track ({detail}).</source>
        <translation>В {path} нет звуковой дорожки ({detail}).</translation>
    </message>
    <message>
        <location filename="../../qcdesk/db/session.py" line="+45"/>
        <source>Cannot open the database {path}: {detail}</source>
        <translation>Не удаётся открыть базу данных {path}: {detail}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot create the folder for {path}: {detail}</source>
        <translation>Не удаётся создать папку для {path}: {detail}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot save to the database {path}: {detail}</source>
        <translation>Не удаётся сохранить в базу данных {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/domain/checklist_schema.py" line="+74"/>
        <source>The checklist template {path} is invalid:
{details}</source>
        <translation>Шаблон чек-листа {path} содержит ошибки:
{details}</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>Cannot read checklist template {path}: {detail}</source>
        <translation>Не удаётся прочитать шаблон чек-листа {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/context.py" line="+59"/>
        <source>Cannot create the library folder {path}: {detail}</source>
        <translation>Не удаётся создать папку библиотеки {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/importer.py" line="+161"/>
        <source>Cannot copy {path} into the library: {detail}</source>
        <translation>Не удаётся скопировать {path} в библиотеку: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/demo_large.py" line="+102"/>
        <location filename="../../qcdesk/services/templates.py" line="+69"/>
        <source>There is no checklist template for {kind}.</source>
        <translation>Нет шаблона чек-листа для типа «{kind}».</translation>
    </message>
    <message>
        <location filename="../../qcdesk/reports/pdf.py" line="+285"/>
        <location filename="../../qcdesk/reports/xlsx.py" line="+275"/>
        <source>Cannot write the report {path}: {detail}</source>
        <translation>Не удалось записать отчёт {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/reports.py" line="+78"/>
        <location line="+35"/>
        <source>There is no consultant called {name}.</source>
        <translation>Консультант «{name}» не найден.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Several consultants match {name}: {matches}. Use the id.</source>
        <translation>Под «{name}» подходят несколько консультантов: {matches}. Укажите id.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+20"/>
        <source>There is no client company called {name}.</source>
        <translation>Компания-клиент «{name}» не найдена.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/asr/local.py" line="+116"/>
        <source>Cannot load the speech model {path}: {detail}</source>
        <translation>Не удалось загрузить модель распознавания {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/asr/remote.py" line="+127"/>
        <source>The transcription server {url} answered {status}: {detail}</source>
        <translation>Сервер распознавания {url} ответил {status}: {detail}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot reach the transcription server {url}: {detail}</source>
        <translation>Сервер распознавания {url} недоступен: {detail}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The transcription server {url} sent an unreadable answer: {detail}</source>
        <translation>Сервер распознавания {url} прислал нечитаемый ответ: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/cli.py" line="+220"/>
        <source>Cannot write {path}: {detail}</source>
        <translation>Не удалось записать {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/transcription.py" line="+63"/>
        <source>There is no interaction {id}.</source>
        <translation>Взаимодействие {id} не найдено.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interaction {id} has no recording.</source>
        <translation>У взаимодействия {id} нет записи.</translation>
    </message>
    <message>
        <location filename="../../qcdesk/services/autoscore.py" line="+47"/>
        <source>No checklist template {path}</source>
        <translation>Нет шаблона чек-листа {path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot read transcript {path}: {detail}</source>
        <translation>Не удалось прочитать расшифровку {path}: {detail}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is not a transcript: it has no segments</source>
        <translation>{path} — не расшифровка: в файле нет реплик</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../qcdesk/qtmodels/labels.py" line="+14"/>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qcdesk/widgets/main_window.py" line="+193"/>
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
        <location line="+56"/>
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n обращение</numerusform>
            <numerusform>%n обращения</numerusform>
            <numerusform>%n обращений</numerusform>
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
        <location line="+47"/>
        <source>Queued %n call(s) for transcription.</source>
        <translation>
            <numerusform>В очередь на расшифровку поставлен %n звонок.</numerusform>
            <numerusform>В очередь на расшифровку поставлено %n звонка.</numerusform>
            <numerusform>В очередь на расшифровку поставлено %n звонков.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+74"/>
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
        <location line="+32"/>
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
    <name>Messages</name>
    <message>
        <location filename="../../qcdesk/widgets/messages.py" line="-29"/>
        <source>qcdesk</source>
        <translation>qcdesk</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../qcdesk/widgets/period_picker.py" line="+82"/>
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
    <name>PlaybackController</name>
    <message>
        <location filename="../../qcdesk/playback.py" line="+175"/>
        <source>Cannot play {path}: {detail}</source>
        <translation>Не удаётся воспроизвести {path}: {detail}</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/report_settings_dialog.py" line="+102"/>
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
        <location line="+4"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>The agency name is shown on the cover of every report; the logo and targets apply to this client company only.</source>
        <translation>Название агентства выводится на обложке каждого отчёта; логотип и цели относятся только к этой компании-клиенту.</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location filename="../../qcdesk/widgets/reports_screen.py" line="+186"/>
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
        <location line="+2"/>
        <location line="+25"/>
        <source>Team report</source>
        <translation>Отчёт по команде</translation>
    </message>
    <message>
        <location line="+68"/>
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
        <location line="+12"/>
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
        <location line="+19"/>
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
    <name>ReviewWorkspace</name>
    <message>
        <location filename="../../qcdesk/widgets/review.py" line="+90"/>
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
        <source>Swap channels</source>
        <translation>Поменять каналы</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>This interaction has no recording</source>
        <translation>У этого обращения нет записи</translation>
    </message>
    <message>
        <location line="+46"/>
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
        <location line="+38"/>
        <source>The waveform could not be computed</source>
        <translation>Не удалось построить волновую форму</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../qcdesk/widgets/settings_dialog.py" line="+92"/>
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
        <translation>&amp;Имя проверяющего:</translation>
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
    <name>TranscriptModel</name>
    <message>
        <location filename="../../qcdesk/qtmodels/transcript.py" line="+70"/>
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
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../qcdesk/widgets/transcript.py" line="+245"/>
        <source>No transcript yet</source>
        <translation>Расшифровки пока нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transcribe the recording from the interactions list, or import a transcript file. You can score the call while listening meanwhile.</source>
        <translation>Расшифруйте запись из списка обращений или импортируйте файл расшифровки. А пока можно оценивать звонок на слух.</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+91"/>
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
        <location filename="../../qcdesk/widgets/transcription_panel.py" line="+172"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading model…</source>
        <translation>Загрузка модели…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Unexpected error; the log has the details.</source>
        <translation>Непредвиденная ошибка; подробности в журнале.</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+48"/>
        <source>%n call(s) waiting</source>
        <translation>
            <numerusform>%n звонок ждёт</numerusform>
            <numerusform>%n звонка ждут</numerusform>
            <numerusform>%n звонков ждут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
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
        <location line="+22"/>
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
