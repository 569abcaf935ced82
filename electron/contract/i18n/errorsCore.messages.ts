import { defineMessages } from './define';

/**
 * Errors the core builds from parts: the API's own checks (zod issues, unknown methods), a project's altered
 * structure, an undo that would overwrite another program's change, text recognition, a CSV's bad rows. The parts
 * are messages of their own, nested as arguments (see `formatText`), so a sentence reads in one language throughout.
 */
export const errorsCore = defineMessages({
  en: {
    desktopOnly:
      "{what, select, chooseFile {Choosing a file with a dialog} other {Opening a file in another program}} is only available in the desktop app; type the file's path instead.",
    unknownMethod: 'There is no API method called {method}.',
    invalidInput: 'Invalid input for {method}: {problem}',
    fieldType:
      '{field} must be {expected, select, string {text} number {a number} int {a whole number} boolean {yes or no} array {a list} object {a record} date {a date} other {something else}}.',
    fieldTooLong:
      '{field} is too {origin, select, string {long: at most {limit, plural, one {# character} other {# characters}}} array {long: at most {limit, plural, one {# entry} other {# entries}}} other {large: at most {limit}}}.',
    fieldTooShort:
      '{field} is too {origin, select, string {short: at least {limit, plural, one {# character} other {# characters}}} array {short: at least {limit, plural, one {# entry} other {# entries}}} other {small: at least {limit}}}.',
    fieldEmpty: '{field} must not be empty.',
    fieldFormat: '{field} is not in the expected form ({format}).',
    fieldOneOf: '{field} must be one of: {values}.',
    fieldsUnknown: '{field} holds fields this method does not know: {keys}.',
    fieldInvalid: '{field} is not valid.',
    theInput: 'the input',
    exportUnavailable: 'Exporting "{kind}" is not available yet.',
    exportFormatRefused: '{label} cannot be exported as {format}.',
    schemaDamaged: '"{file}" is damaged: its list of tables cannot be read ({detail}). Restore it from a backup; the file was not changed.',
    schemaAltered:
      '"{file}" was changed outside Comparanda: its structure holds {differences}. Such changes can alter or delete records without a word, so it was not opened. Restore it from a backup, or run "{command}" on it for the details.',
    schemaDifference:
      '{change, select, added {an added} missing {a missing} other {a changed}} {type, select, table {table} index {index} trigger {trigger} view {view} other {object}} {name}',
    schemaMore: '{count} more',
    staleStep:
      '"{step}" cannot be {side, select, undo {undone} other {redone}}: the {what} it changed {count, plural, one {was} other {were}} changed since by another program or window, and {side, select, undo {undoing} other {redoing}} it would discard that change. Nothing was changed; the step was removed from the {side, select, undo {undo} other {redo}} list.',
    staleRecord:
      '{table, select, cells {cell} case_attribute_values {case attribute} norm_stage_notes {stage note} excerpt_codes {coding} excerpt_cells {evidence link} mission_findings {mission finding} claim_comparators {claim comparator} claim_missions {claim mission} indicator_values {indicator value} regional_norms {regional norm} regional_norm_cells {regional norm link} verification_flags {verification} qca_sets {QCA set} qca_scores {QCA score} cases {case} norms {norm} stages {stage} frameworks {framework} sources {source} documents {document} excerpts {excerpt} memos {memo} claims {claim} participants {participant} codes {code} views {view} elections {election} missions {mission} indicators {indicator} organisations {organisation} other {record}}',
    ocrLanguage: '{language, select, kaz {Kazakh} rus {Russian} eng {English} other {{language}}} ({file})',
    ocrNoData:
      'Text recognition needs the trained data for {languages}, which was not found in {folder}. Reinstall Comparanda, or put the files in a folder and set {variable} to it (on Debian or Ubuntu: {install}).',
    ocrNoDataAnywhere:
      'Text recognition needs the trained data for {languages}, which was not found in the app. Reinstall Comparanda, or put the files in a folder and set {variable} to it (on Debian or Ubuntu: {install}).',
    qcaFailed: 'The minimisation failed unexpectedly: {detail}',
    ocrFailed: 'Text recognition failed on an image: {detail}',
    csvBadRows:
      'Nothing was imported: {count, plural, one {# bad row} other {# bad rows}} in {file}:\n{lines}\nFix the file, or import with bad rows skipped.',
    csvTheFile: 'the CSV',
    csvQuoted: '"{file}"',
    csvLine: 'line {line}: {problem}',
    csvUnknownColumns:
      '{quoted, select, yes {"{file}"} other {The CSV}} has columns that {kind} CSV does not know{separated}: {unknown}. Expected: {known}{kind, select, cases {, and {prefix}NAME for a case attribute} other {}}.',
    csvSeparated:
      '{separator, select, semicolon { (read with semicolons between columns)} tab { (read with tabs between columns)} other { (read with "{char}" between columns)}}',
    csvRequired: '{column} is required',
    csvOneOf: '{column} must be one of {allowed}{orEmpty, select, yes { (or empty)} other {}}, not "{value}"',
    csvDateForm: '{column} must be YYYY, YYYY-MM or YYYY-MM-DD, not "{value}"',
    csvDateProblem: '{column}: {problem}',
    csvWhole: '{column} must be a whole number, not "{value}"',
    csvNumber: '{column} must be a number, not "{value}"',
    csvSameRecord: 'lines {lines} are the same {what}; keep one of them',
    csvRecord:
      '{record, select, election {election} mission {mission} claim {claim} indicatorValue {indicator value} membership {membership} norm {norm} instrument {instrument} case {case} cell {cell} other {record}} ({columns})',
    unverifiedElection: '{case} · {election}',
    unverifiedMission: '{case} · {organisation} on the {date} election',
    linesAnd: '{first} and {last}',
    csvTwoFocal: 'lines {lines} each make a case focal; a project has one focal case, so keep one',
  },
  ru: {
    desktopOnly:
      '{what, select, chooseFile {Выбор файла в диалоге} other {Открытие файла в другой программе}} доступно только в настольном приложении; введите путь к файлу.',
    unknownMethod: 'Метода API {method} нет.',
    invalidInput: 'Неверные данные для {method}: {problem}',
    fieldType:
      'Поле {field} должно быть {expected, select, string {текстом} number {числом} int {целым числом} boolean {значением «да» или «нет»} array {списком} object {записью} date {датой} other {другого вида}}.',
    fieldTooLong:
      'Поле {field} слишком {origin, select, string {длинное: не более {limit, plural, one {# знака} few {# знаков} many {# знаков} other {# знака}}} array {длинное: не более {limit, plural, one {# элемента} few {# элементов} many {# элементов} other {# элемента}}} other {большое: не более {limit}}}.',
    fieldTooShort:
      'Поле {field} слишком {origin, select, string {короткое: не менее {limit, plural, one {# знака} few {# знаков} many {# знаков} other {# знака}}} array {короткое: не менее {limit, plural, one {# элемента} few {# элементов} many {# элементов} other {# элемента}}} other {маленькое: не менее {limit}}}.',
    fieldEmpty: 'Поле {field} не должно быть пустым.',
    fieldFormat: 'Поле {field} не в ожидаемом виде ({format}).',
    fieldOneOf: 'Поле {field} должно быть одним из: {values}.',
    fieldsUnknown: 'В {field} есть поля, которых этот метод не знает: {keys}.',
    fieldInvalid: 'Поле {field} заполнено неверно.',
    theInput: 'данные',
    exportUnavailable: 'Экспорт «{kind}» пока недоступен.',
    exportFormatRefused: '«{label}» нельзя экспортировать в формате {format}.',
    schemaDamaged: 'Файл «{file}» повреждён: список его таблиц не читается ({detail}). Восстановите его из резервной копии; файл не изменён.',
    schemaAltered:
      'Файл «{file}» изменён вне Comparanda: в его структуре: {differences}. Такие изменения могут незаметно изменить или удалить записи, поэтому он не открыт. Восстановите его из резервной копии или запустите для него «{command}», чтобы узнать подробности.',
    schemaDifference:
      '{change, select, added {лишний объект} missing {недостающий объект} other {изменённый объект}} «{name}» ({type, select, table {таблица} index {индекс} trigger {триггер} view {представление} other {объект}})',
    schemaMore: 'ещё {count}',
    staleStep:
      '«{step}» нельзя {side, select, undo {отменить} other {повторить}}: {count, plural, one {изменённую им запись} few {изменённые им записи} many {изменённые им записи} other {изменённые им записи}} ({what}) с тех пор изменила другая программа или окно, и {side, select, undo {отмена стёрла} other {повтор стёр}} бы это изменение. Ничего не изменено; шаг убран из списка {side, select, undo {отмены} other {повтора}}.',
    staleRecord:
      '{table, select, cells {ячейка} case_attribute_values {атрибут кейса} norm_stage_notes {заметка к стадии} excerpt_codes {кодирование} excerpt_cells {связь с доказательством} mission_findings {вывод миссии} claim_comparators {объект сравнения утверждения} claim_missions {миссия утверждения} indicator_values {значение индикатора} regional_norms {региональная норма} regional_norm_cells {связь с региональной нормой} verification_flags {проверка} qca_sets {множество QCA} qca_scores {оценка QCA} cases {кейс} norms {норма} stages {стадия} frameworks {модель} sources {источник} documents {документ} excerpts {выдержка} memos {мемо} claims {утверждение} participants {участник} codes {код} views {представление} elections {выборы} missions {миссия} indicators {индикатор} organisations {организация} other {запись}}',
    ocrLanguage: '{language, select, kaz {казахского языка} rus {русского языка} eng {английского языка} other {{language}}} ({file})',
    ocrNoData:
      'Для распознавания текста нужны обученные данные для {languages}, но их нет в {folder}. Переустановите Comparanda или положите файлы в папку и укажите её в {variable} (например: {install}).',
    ocrNoDataAnywhere:
      'Для распознавания текста нужны обученные данные для {languages}, но в приложении их нет. Переустановите Comparanda или положите файлы в папку и укажите её в {variable} (например: {install}).',
    qcaFailed: 'Минимизация неожиданно прервалась: {detail}',
    ocrFailed: 'Не удалось распознать текст на изображении: {detail}',
    csvBadRows:
      'Ничего не импортировано: в {file} {count, plural, one {# неверная строка} few {# неверные строки} many {# неверных строк} other {# неверной строки}}:\n{lines}\nИсправьте файл или импортируйте, пропустив неверные строки.',
    csvTheFile: 'файле CSV',
    csvQuoted: '«{file}»',
    csvLine: 'строка {line}: {problem}',
    csvUnknownColumns:
      '{quoted, select, yes {В «{file}»} other {В файле CSV}} есть столбцы, которых CSV вида «{kind}» не знает{separated}: {unknown}. Ожидаются: {known}{kind, select, cases {, а также {prefix}ИМЯ для атрибута кейса} other {}}.',
    csvSeparated:
      '{separator, select, semicolon { (столбцы разделены точкой с запятой)} tab { (столбцы разделены табуляцией)} other { (столбцы разделены знаком «{char}»)}}',
    csvRequired: 'нужно заполнить {column}',
    csvOneOf: '{column} должно быть одним из: {allowed}{orEmpty, select, yes { (или пусто)} other {}}, а не «{value}»',
    csvDateForm: '{column} должно иметь вид ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД, а не «{value}»',
    csvDateProblem: '{column}: {problem}',
    csvWhole: '{column} должно быть целым числом, а не «{value}»',
    csvNumber: '{column} должно быть числом, а не «{value}»',
    csvSameRecord: 'строки {lines} описывают одно и то же ({what}); оставьте одну из них',
    csvRecord:
      '{record, select, election {выборы} mission {миссия} claim {утверждение} indicatorValue {значение индикатора} membership {членство} norm {норма} instrument {документ} case {кейс} cell {ячейка} other {запись}}: {columns}',
    unverifiedElection: '{case} · {election}',
    unverifiedMission: '{case} · {organisation} на выборах {date}',
    linesAnd: '{first} и {last}',
    csvTwoFocal: 'строки {lines} делают фокусным разные кейсы; в проекте один фокусный кейс, оставьте одну',
  },
  kk: {
    desktopOnly:
      '{what, select, chooseFile {Файлды диалогта таңдау} other {Файлды басқа бағдарламада ашу}} тек жұмыс үстелі қолданбасында бар; файлдың жолын теріңіз.',
    unknownMethod: '{method} деген API әдісі жоқ.',
    invalidInput: '{method} үшін деректер қате: {problem}',
    fieldType:
      '{field} өрісі {expected, select, string {мәтін} number {сан} int {бүтін сан} boolean {«иә» не «жоқ»} array {тізім} object {жазба} date {күн} other {басқа түрде}} болуы керек.',
    fieldTooLong:
      '{field} өрісі тым {origin, select, string {ұзын: ең көбі {limit, plural, one {# таңба} other {# таңба}}} array {ұзын: ең көбі {limit, plural, one {# элемент} other {# элемент}}} other {үлкен: ең көбі {limit}}}.',
    fieldTooShort:
      '{field} өрісі тым {origin, select, string {қысқа: ең азы {limit, plural, one {# таңба} other {# таңба}}} array {қысқа: ең азы {limit, plural, one {# элемент} other {# элемент}}} other {кіші: ең азы {limit}}}.',
    fieldEmpty: '{field} өрісі бос болмауы керек.',
    fieldFormat: '{field} өрісі күтілген түрде емес ({format}).',
    fieldOneOf: '{field} өрісі мыналардың бірі болуы керек: {values}.',
    fieldsUnknown: '{field} ішінде бұл әдіс білмейтін өрістер бар: {keys}.',
    fieldInvalid: '{field} өрісі қате толтырылған.',
    theInput: 'деректер',
    exportUnavailable: '«{kind}» экспорты әзірге қолжетімсіз.',
    exportFormatRefused: '«{label}» {format} пішімінде экспортталмайды.',
    schemaDamaged: '«{file}» файлы зақымдалған: оның кестелер тізімі оқылмайды ({detail}). Оны сақтық көшірмеден қалпына келтіріңіз; файл өзгертілген жоқ.',
    schemaAltered:
      '«{file}» файлы Comparanda-дан тыс өзгертілген: оның құрылымында: {differences}. Мұндай өзгерістер жазбаларды білдірмей өзгертуі не жоюы мүмкін, сондықтан ол ашылмады. Оны сақтық көшірмеден қалпына келтіріңіз немесе толығырақ білу үшін оған «{command}» іске қосыңыз.',
    schemaDifference:
      '{change, select, added {артық нысан} missing {жетіспейтін нысан} other {өзгертілген нысан}} «{name}» ({type, select, table {кесте} index {индекс} trigger {триггер} view {көрініс} other {нысан}})',
    schemaMore: 'тағы {count}',
    staleStep:
      '«{step}» {side, select, undo {болдырмау} other {қайталау}} мүмкін емес: ол өзгерткен {count, plural, one {жазбаны} other {жазбаларды}} ({what}) содан бері басқа бағдарлама не терезе өзгертті, ал {side, select, undo {болдырмау} other {қайталау}} сол өзгерісті өшірер еді. Ештеңе өзгертілген жоқ; қадам {side, select, undo {болдырмау} other {қайталау}} тізімінен алынды.',
    staleRecord:
      '{table, select, cells {ұяшық} case_attribute_values {кейс атрибуты} norm_stage_notes {кезең жазбасы} excerpt_codes {кодтау} excerpt_cells {дәлелмен байланыс} mission_findings {миссия тұжырымы} claim_comparators {мәлімдеменің салыстыру нысаны} claim_missions {мәлімдеме миссиясы} indicator_values {индикатор мәні} regional_norms {өңірлік норма} regional_norm_cells {өңірлік нормамен байланыс} verification_flags {тексеру} qca_sets {QCA жиыны} qca_scores {QCA бағасы} cases {кейс} norms {норма} stages {кезең} frameworks {модель} sources {дереккөз} documents {құжат} excerpts {үзінді} memos {мемо} claims {мәлімдеме} participants {қатысушы} codes {код} views {көрініс} elections {сайлау} missions {миссия} indicators {индикатор} organisations {ұйым} other {жазба}}',
    ocrLanguage: '{language, select, kaz {қазақ тілі} rus {орыс тілі} eng {ағылшын тілі} other {{language}}} ({file})',
    ocrNoData:
      'Мәтінді тану үшін {languages} бойынша үйретілген деректер керек, бірақ олар {folder} ішінде табылмады. Comparanda-ны қайта орнатыңыз немесе файлдарды бір қалтаға салып, оны {variable} ішінде көрсетіңіз (мысалы: {install}).',
    ocrNoDataAnywhere:
      'Мәтінді тану үшін {languages} бойынша үйретілген деректер керек, бірақ олар қолданбада табылмады. Comparanda-ны қайта орнатыңыз немесе файлдарды бір қалтаға салып, оны {variable} ішінде көрсетіңіз (мысалы: {install}).',
    qcaFailed: 'Минимизация күтпеген жерден үзілді: {detail}',
    ocrFailed: 'Суреттегі мәтінді тану сәтсіз аяқталды: {detail}',
    csvBadRows:
      'Ештеңе импортталмады: {file} ішінде {count, plural, one {# қате жол} other {# қате жол}} бар:\n{lines}\nФайлды түзетіңіз немесе қате жолдарды өткізіп жіберіп импорттаңыз.',
    csvTheFile: 'CSV файлы',
    csvQuoted: '«{file}»',
    csvLine: '{line}-жол: {problem}',
    csvUnknownColumns:
      '{quoted, select, yes {«{file}»} other {CSV файлы}} ішінде «{kind}» түріндегі CSV білмейтін бағандар бар{separated}: {unknown}. Күтілетіні: {known}{kind, select, cases {, сондай-ақ кейс атрибуты үшін {prefix}АТАУ} other {}}.',
    csvSeparated:
      '{separator, select, semicolon { (бағандар нүктелі үтірмен бөлінген)} tab { (бағандар табуляциямен бөлінген)} other { (бағандар «{char}» белгісімен бөлінген)}}',
    csvRequired: '{column} толтырылуы керек',
    csvOneOf: '{column} мыналардың бірі болуы керек: {allowed}{orEmpty, select, yes { (немесе бос)} other {}}, «{value}» емес',
    csvDateForm: '{column} ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК түрінде болуы керек, «{value}» емес',
    csvDateProblem: '{column}: {problem}',
    csvWhole: '{column} бүтін сан болуы керек, «{value}» емес',
    csvNumber: '{column} сан болуы керек, «{value}» емес',
    csvSameRecord: '{lines} жолдары бір нәрсені сипаттайды ({what}); біреуін қалдырыңыз',
    csvRecord:
      '{record, select, election {сайлау} mission {миссия} claim {мәлімдеме} indicatorValue {индикатор мәні} membership {мүшелік} norm {норма} instrument {құжат} case {кейс} cell {ұяшық} other {жазба}}: {columns}',
    unverifiedElection: '{case} · {election}',
    unverifiedMission: '{case} · {organisation}, {date} сайлауы',
    linesAnd: '{first} және {last}',
    csvTwoFocal: '{lines} жолдарының әрқайсысы кейсті фокустық етеді; жобада бір фокустық кейс болады, біреуін қалдырыңыз',
  },
});
