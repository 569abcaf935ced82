import { defineMessages } from './define';

/**
 * A REFI-QDA import's report (the import dialog, `comparanda import --from qdpx|qdc`): what was left out and why, and
 * what is worth knowing. Names from the file reach a message as arguments; a selection, a link's ends, the parts of
 * a source that are missing and the counts of a set are messages of their own, passed as arguments, so that each
 * language puts them in the case its sentence needs. The English is the report's `message`, byte for byte as before.
 */
export const exchangeReport = defineMessages({
  en: {
    madeName: '{what, select, graphs {graphs} links {links} other {observation record}}',
    kind: '{kind, select, user {user} code {code} variable {variable} value {value} case {case} source {source} selection {selection} coding {coding} note {note} set {set} link {link} graph {graph} record {record} other {{kind}}}',
    codeTwice: 'The code “{code}” appears twice in the codebook; the second was skipped.',
    setWithout: 'Set “{set}” is kept without its {parts} that {single, select, yes {was} other {were}} not imported.',
    setPart:
      '{what, select, code {{count, plural, one {{count} code} other {{count} codes}}} source {{count, plural, one {{count} source} other {{count} sources}}} other {{count, plural, one {{count} note} other {{count} notes}}}}',
    and: '{first} and {second}',
    sourceCodedWhole: 'Source “{source}” is coded as a whole with {count, plural, one {{count} code} other {{count} codes}}; Comparanda codes excerpts, so those codings were skipped.',
    sourceValues: 'Source “{source}” has {count, plural, one {{count} variable value} other {{count} variable values}}; Comparanda has attributes for cases only, so they were skipped.',
    where: '{at, select, positions {at positions {start}–{end}} page {on page {page}} other {with the GUID {guid}}}',
    selection:
      '{form, select, start {{named, select, yes {Selection “{name}”} other {The selection {where}}}} other {{named, select, yes {selection “{name}”} other {the selection {where}}}}}',
    selectionTwice: 'A second selection with the GUID {named, select, yes {of “{name}”} other {{guid} ({where})}} in “{source}” was skipped.',
    selectionOutside:
      '{named, select, yes {Selection “{name}” in “{source}” skipped: its positions ({start}–{end}) lie outside the text ({length} characters).} other {The selection {where} in “{source}” was skipped: it lies outside the text ({length} characters).}}',
    selectionNoText: '{named, select, yes {Selection “{name}” in “{source}” skipped: it selects no text.} other {The selection {where} in “{source}” was skipped: it selects no text.}}',
    pdfAreaUnusable:
      '{selection} in “{source}” skipped: it marks an area of a PDF page without text and without a usable page and corners{codings, plural, =0 {} one { ({codings} coding skipped with it)} other { ({codings} codings skipped with it)}}.',
    selectionNoCode: 'A coding of {selection} names no code; it was skipped.',
    selectionNoCase: '{selection} is coded for a norm stage but belongs to no case of the file (no Case names it or its source), so it is not linked to a cell.',
    selectionNormCoded: '{selection} is coded with a norm rather than one of its stages; that coding was skipped.',
    selectionUnknownCode: 'A coding of {selection} refers to a code that is not in the codebook ({code}); it was skipped.',
    lostSelections:
      ', and its {count, plural, one {{count} text selection} other {{count} text selections}} (with {codings, plural, one {{codings} coding} other {{codings} codings}}) {count, plural, one {is} other {are}} skipped',
    sourceMissing:
      'Source “{source}”: {missing}; {kept, select, document {the document is kept} extracted {the document is kept with the text extracted from its file} other {the source is kept without a document}}{lost}.',
    sourceExtracted: 'Source “{source}”: its text was extracted from its file, so the positions of its selections do not apply{lost}.',
    missingText: 'its {pdf, select, yes {text ({path})} other {file {path}}} is {external, select, yes {outside the archive and was not read} other {missing from the archive}}',
    missingFile: 'its file {path} is {external, select, yes {outside the archive and was not read} other {missing from the archive}}',
    noText: 'it has neither a text file nor text of its own',
    missingWord: 'so is its Word file {path}',
    noPdf: 'it names no PDF file',
    unreadable: 'its {format} file cannot be read ({reason})',
    previewMissing:
      'Source “{source}”: {missing}{selections, plural, =0 {} one {; its {selections} text selection would be skipped} other {; its {selections} text selections would be skipped}}.',
    sourceKind:
      'Source “{source}” ({kind, select, picture {picture} audio {audio} video {video} other {{kind}}}) skipped: {kind, select, audio {audio sources are not supported} video {video sources are not supported} other {pictures are not supported}}{tail, select, yes {; its {selections, plural, one {{selections} selection} other {{selections} selections}} and {codings, plural, one {{codings} coding} other {{codings} codings}} are skipped with it} other {}}.',
    noteFileMissing: 'Note “{note}”: its file {path} is missing from the archive; only its name and description are kept.',
    ourNoteDamaged: 'Comparanda note “{note}” ({kind}) is damaged and was not restored: {error}.',
    ourNoteNewer: 'Comparanda note “{note}” was written by a newer Comparanda ({version}) and was not restored. Update Comparanda and import again.',
    ourNoteUnknown: 'Comparanda note “{note}” is of a kind this version does not know ({kind}) and was not restored.',
    notADate: '"{value}" is not a date',
    dateFixed:
      '{problem} ({table, select, elections {election} instruments {instrument} memberships {membership} claims {claim} participants {participant} other {{table}}} “{name}”, {column}); {keeps, select, yes {kept “{kept}”} other {the date was left empty}}.',
    normNoFramework: 'Norm “{norm}” refers to a framework that is not in the file; it was not restored.',
    ourCodeInCodebook:
      "The code “{code}” is a {marker, select, norm {norm} other {stage}} of another Comparanda project's matrix; norms are made in the matrix, not from a codebook, so it was skipped.",
    assessmentOrphan: 'A cell assessment refers to a case, norm or stage that is not in the file; it was not restored.',
    recordRowsDropped:
      '{count, plural, one {{count} row} other {{count} rows}} of the observation record or regional context referred to something not in the file and were skipped.',
    valueNoVariable: 'A value of case “{case}” refers to a variable that is not in the file; it was skipped.',
    valueInvalid:
      'The value “{value}” of “{variable}” for case “{case}” is not a valid {type, select, text {text} number {number} date {date} boolean {boolean} choice {choice} other {{type}}}; it was skipped.',
    caseCoded: 'Case “{case}” is coded with {count, plural, one {{count} code} other {{count} codes}}; Comparanda does not code cases, so those codings were skipped.',
    linkLost:
      '{named, select, yes {Link “{link}”} other {A link}} from {origin} to {target} was not kept: {why, select, note {what it points at was not imported (the note is kept as a project memo)} other {its origin was not imported}}.',
    item: '{kind, select, selection {the selection “{name}”} source {the source “{name}”} code {the code “{name}”} case {the case “{name}”} note {the note “{name}”} other {an item ({name}) that is not in the file}}',
    memoOrphan:
      'Memo “{memo}” belongs to a {type, select, case {case} cell {cell} norm {norm} source {source} excerpt {excerpt} other {{type}}} that is not in the file; it was not imported.',
    noteEmpty: 'Note “{note}” is empty; it was skipped.',
    graphs: '{count, plural, one {{count} graph} other {{count} graphs}} skipped: Comparanda has no network diagrams.',
    linksPreview:
      '{count, plural, one {{count} link} other {{count} links}} between items: Comparanda has no links, so a note linked to an item becomes a memo on it, another link a memo on its origin naming the other end.',
    badGuid:
      '{what, select, selection {A selection} code {A code} variable {A variable} case {A case} note {A note} text {A text source} pdf {A PDF source} picture {A picture source} audio {An audio source} other {A video source}}{named, select, yes { "{name}"} other {}} has {invalid, select, yes {an invalid GUID ({raw})} other {no GUID}} and was skipped.',
    unitUtf16Selections:
      'Text positions were read in UTF-16 code units (a character outside the Basic Multilingual Plane, such as most emoji, counts 2){known, select, yes {, as {producer} writes them} other {}}: {counted}.',
    counted:
      'of the {compared, plural, one {{compared} selection} other {{compared} selections}} that lie after such a character, {utf16} start and end on word boundaries read in UTF-16 units, {codepoint} read as characters',
    unitUtf16: 'Text positions were read in UTF-16 code units{known, select, yes {, as {producer} writes them} other {}}{both, select, yes {; the selections fit both readings equally} other {}}.',
    unitCodepoints: 'Text positions were read as characters (code points), although {producer} usually counts UTF-16 code units: {counted}.',
    codeKeepsName: 'The code “{code}” keeps its name in the project: another code already has that name at that place.',
    codeMerged: "The code “{code}” was merged with the project's code “{existing}”, which has the same name at the same place.",
    setsKept:
      '{count, plural, one {{count} set of codes and sources is} other {{count} sets of codes and sources are}} kept for the way back: Comparanda does not show sets, and its REFI-QDA export writes them again.',
    frameworkMatched: "The framework “{framework}” matched the project's framework of the same name and stages.",
    normKeepsFramework: "Norm “{norm}” keeps the project's framework; the file's framework for it differs.",
    normCodeOrdinary: 'The code “{code}” is a Comparanda norm code, but its norm is not in this project; it is imported as an ordinary code.',
    stageCodeOrdinary: 'The code “{code}” is a Comparanda stage code, but its stage is not in this project; it is imported as an ordinary code.',
    participantMatched: "The participant “{pseudonym}” was matched with the project's participant of the same pseudonym.",
    textNotUtf8: 'The text of “{source}” is not valid UTF-8; characters that could not be read were replaced.',
    codesRecognised:
      "{count, plural, one {{count} code of the codebook is} other {{count} codes of the codebook are}} this project's norms and stages; they were recognised, not imported as codes.",
    variableMatched: "The variable “{variable}” was matched with the project's attribute “{attribute}”.",
    variableDateTime: 'The variable “{variable}” holds dates with times; Comparanda keeps the dates.',
    caseMatched: "The case “{case}” was matched with the project's case “{existing}”.",
    caseNotFocal: 'The case “{case}” was the focal case in the file; it is a comparison case here because the project already has a focal case.',
  },
  ru: {
    madeName: '{what, select, graphs {графы} links {связи} other {запись о наблюдении}}',
    kind: '{kind, select, user {пользователь} code {код} variable {переменная} value {значение} case {кейс} source {источник} selection {фрагмент} coding {кодировка} note {заметка} set {набор} link {связь} graph {граф} record {запись} other {{kind}}}',
    codeTwice: 'Код «{code}» встречается в кодовой книге дважды; второй пропущен.',
    setWithout:
      '{single, select, yes {Набор «{set}» сохранён без элемента, который не был импортирован: {parts}.} other {Набор «{set}» сохранён без элементов, которые не были импортированы: {parts}.}}',
    setPart:
      '{what, select, code {{count, plural, one {# код} few {# кода} many {# кодов} other {# кода}}} source {{count, plural, one {# источник} few {# источника} many {# источников} other {# источника}}} other {{count, plural, one {# заметка} few {# заметки} many {# заметок} other {# заметки}}}}',
    and: '{first} и {second}',
    sourceCodedWhole:
      'Источник «{source}» закодирован целиком {count, plural, one {# кодом} few {# кодами} many {# кодами} other {# кодами}}; Comparanda кодирует выдержки, поэтому эти кодировки пропущены.',
    sourceValues:
      'У источника «{source}» {count, plural, one {# значение переменной} few {# значения переменных} many {# значений переменных} other {# значения переменных}}; в Comparanda атрибуты есть только у кейсов, поэтому они пропущены.',
    where: '{at, select, positions {в позициях {start}–{end}} page {на странице {page}} other {с GUID {guid}}}',
    selection:
      '{form, select, start {{named, select, yes {Фрагмент «{name}»} other {Фрагмент {where}}}} other {{named, select, yes {фрагмента «{name}»} other {фрагмента {where}}}}}',
    selectionTwice:
      '{named, select, yes {Второй фрагмент с тем же GUID, что у «{name}», в «{source}» пропущен.} other {Второй фрагмент с GUID {guid} ({where}) в «{source}» пропущен.}}',
    selectionOutside:
      '{named, select, yes {Фрагмент «{name}» в «{source}» пропущен: его позиции ({start}–{end}) лежат за пределами текста ({length, plural, one {# символ} few {# символа} many {# символов} other {# символа}}).} other {Фрагмент {where} в «{source}» пропущен: он лежит за пределами текста ({length, plural, one {# символ} few {# символа} many {# символов} other {# символа}}).}}',
    selectionNoText:
      '{named, select, yes {Фрагмент «{name}» в «{source}» пропущен: он не выделяет никакого текста.} other {Фрагмент {where} в «{source}» пропущен: он не выделяет никакого текста.}}',
    pdfAreaUnusable:
      '{selection} в «{source}» пропущен: он отмечает область страницы PDF без текста и без пригодных номера страницы и углов{codings, plural, =0 {} one { (вместе с ним пропущена # кодировка)} few { (вместе с ним пропущены # кодировки)} many { (вместе с ним пропущено # кодировок)} other { (вместе с ним пропущено # кодировки)}}.',
    selectionNoCode: 'Кодировка {selection} не указывает код; она пропущена.',
    selectionNoCase:
      '{selection} закодирован для стадии нормы, но не относится ни к одному кейсу файла (ни один кейс не называет ни его, ни его источник), поэтому он не связан с ячейкой.',
    selectionNormCoded: '{selection} закодирован нормой, а не одной из её стадий; эта кодировка пропущена.',
    selectionUnknownCode: 'Кодировка {selection} ссылается на код, которого нет в кодовой книге ({code}); она пропущена.',
    lostSelections:
      ', а {count, plural, one {его # текстовый фрагмент} few {его # текстовых фрагмента} many {его # текстовых фрагментов} other {его # текстового фрагмента}} ({codings, plural, one {с # кодировкой} few {с # кодировками} many {с # кодировками} other {с # кодировки}}) {count, plural, one {пропущен} few {пропущены} many {пропущены} other {пропущены}}',
    sourceMissing:
      'Источник «{source}»: {missing}; {kept, select, document {документ сохранён} extracted {документ сохранён с текстом, извлечённым из его файла} other {источник сохранён без документа}}{lost}.',
    sourceExtracted: 'Источник «{source}»: его текст извлечён из его файла, поэтому позиции его фрагментов к нему не подходят{lost}.',
    missingText:
      '{pdf, select, yes {его текст ({path})} other {его файл {path}}} {external, select, yes {находится вне архива и не прочитан} other {отсутствует в архиве}}',
    missingFile: 'его файл {path} {external, select, yes {находится вне архива и не прочитан} other {отсутствует в архиве}}',
    noText: 'у него нет ни текстового файла, ни собственного текста',
    missingWord: 'файла Word {path} тоже нет',
    noPdf: 'в нём не указан файл PDF',
    unreadable: 'его файл {format} не удаётся прочитать ({reason})',
    previewMissing:
      'Источник «{source}»: {missing}{selections, plural, =0 {} one {; его # текстовый фрагмент будет пропущен} few {; его # текстовых фрагмента будут пропущены} many {; его # текстовых фрагментов будут пропущены} other {; его # текстового фрагмента будут пропущены}}.',
    sourceKind:
      'Источник «{source}» ({kind, select, picture {изображение} audio {аудио} video {видео} other {{kind}}}) пропущен: {kind, select, audio {аудиоисточники не поддерживаются} video {видеоисточники не поддерживаются} other {изображения не поддерживаются}}{tail, select, yes {; вместе с ним пропущены {selections, plural, one {# фрагмент} few {# фрагмента} many {# фрагментов} other {# фрагмента}} и {codings, plural, one {# кодировка} few {# кодировки} many {# кодировок} other {# кодировки}}} other {}}.',
    noteFileMissing: 'Заметка «{note}»: её файл {path} отсутствует в архиве; сохранены только её название и описание.',
    ourNoteDamaged: 'Служебная заметка Comparanda «{note}» ({kind}) повреждена и не восстановлена: {error}.',
    ourNoteNewer: 'Служебная заметка Comparanda «{note}» записана более новой версией Comparanda ({version}) и не восстановлена. Обновите Comparanda и импортируйте файл снова.',
    ourNoteUnknown: 'Служебная заметка Comparanda «{note}» относится к виду, которого эта версия не знает ({kind}), и не восстановлена.',
    notADate: '«{value}» — не дата',
    dateFixed:
      '{problem} ({table, select, elections {выборы} instruments {документ} memberships {членство} claims {утверждение} participants {участник} other {{table}}} «{name}», {column}); {keeps, select, yes {сохранено «{kept}»} other {дата оставлена пустой}}.',
    normNoFramework: 'Норма «{norm}» ссылается на рамочную модель, которой нет в файле; она не восстановлена.',
    ourCodeInCodebook:
      'Код «{code}» — {marker, select, norm {норма} other {стадия}} матрицы другого проекта Comparanda; нормы создаются в матрице, а не из кодовой книги, поэтому он пропущен.',
    assessmentOrphan: 'Оценка ячейки ссылается на кейс, норму или стадию, которых нет в файле; она не восстановлена.',
    recordRowsDropped:
      '{count, plural, one {# строка} few {# строки} many {# строк} other {# строки}} записи о наблюдении или регионального контекста {count, plural, one {ссылалась} few {ссылались} many {ссылались} other {ссылались}} на то, чего нет в файле, и {count, plural, one {пропущена} few {пропущены} many {пропущены} other {пропущены}}.',
    valueNoVariable: 'Значение кейса «{case}» ссылается на переменную, которой нет в файле; оно пропущено.',
    valueInvalid:
      'Значение «{value}» переменной «{variable}» у кейса «{case}» — {type, select, text {недопустимый текст} number {недопустимое число} date {недопустимая дата} boolean {недопустимое логическое значение} choice {недопустимый вариант выбора} other {недопустимое значение ({type})}}; оно пропущено.',
    caseCoded: 'Кейс «{case}» закодирован {count, plural, one {# кодом} few {# кодами} many {# кодами} other {# кодами}}; Comparanda не кодирует кейсы, поэтому эти кодировки пропущены.',
    linkLost:
      '{named, select, yes {Связь «{link}»} other {Связь}} (откуда: {origin}; куда: {target}) не сохранена: {why, select, note {то, на что она указывает, не импортировано (заметка сохранена как мемо проекта)} other {её начало не импортировано}}.',
    item: '{kind, select, selection {фрагмент «{name}»} source {источник «{name}»} code {код «{name}»} case {кейс «{name}»} note {заметка «{name}»} other {элемент ({name}), которого нет в файле}}',
    memoOrphan:
      'Мемо «{memo}» не импортировано: в файле нет {type, select, case {кейса} cell {ячейки} norm {нормы} source {источника} excerpt {выдержки} other {объекта ({type})}}, к {type, select, cell {которой} norm {которой} excerpt {которой} other {которому}} оно относится.',
    noteEmpty: 'Заметка «{note}» пуста; она пропущена.',
    graphs: '{count, plural, one {Пропущен # граф} few {Пропущено # графа} many {Пропущено # графов} other {Пропущено # графа}}: в Comparanda нет сетевых диаграмм.',
    linksPreview:
      '{count, plural, one {# связь} few {# связи} many {# связей} other {# связи}} между элементами: в Comparanda нет связей, поэтому заметка, связанная с элементом, станет мемо к нему, а любая другая связь — мемо к её началу с названием другого конца.',
    badGuid:
      '{what, select, selection {Фрагмент} code {Код} variable {Переменная} case {Кейс} note {Заметка} text {Текстовый источник} pdf {Источник PDF} picture {Источник-изображение} audio {Аудиоисточник} other {Видеоисточник}}{named, select, yes { «{name}»} other {}} {invalid, select, yes {имеет недопустимый GUID ({raw})} other {не имеет GUID}} и {what, select, variable {пропущена} note {пропущена} other {пропущен}}.',
    unitUtf16Selections:
      'Позиции в тексте прочитаны в кодовых единицах UTF-16 (символ вне базовой многоязычной плоскости, как большинство эмодзи, считается за 2){known, select, yes {, как их записывает {producer}} other {}}: {counted}.',
    counted:
      'из {compared, plural, one {# фрагмента, который лежит} few {# фрагментов, которые лежат} many {# фрагментов, которые лежат} other {# фрагмента, которые лежат}} после такого символа, на границах слов начинаются и заканчиваются {utf16} при чтении в единицах UTF-16 и {codepoint} при чтении в символах',
    unitUtf16: 'Позиции в тексте прочитаны в кодовых единицах UTF-16{known, select, yes {, как их записывает {producer}} other {}}{both, select, yes {; фрагменты одинаково подходят к обоим прочтениям} other {}}.',
    unitCodepoints: 'Позиции в тексте прочитаны в символах (кодовых точках), хотя {producer} обычно считает кодовые единицы UTF-16: {counted}.',
    codeKeepsName: 'Код «{code}» сохраняет в проекте своё название: у другого кода на том же месте уже есть такое название.',
    codeMerged: 'Код «{code}» объединён с кодом проекта «{existing}», у которого то же название на том же месте.',
    setsKept:
      '{count, plural, one {# набор кодов и источников сохранён} few {# набора кодов и источников сохранены} many {# наборов кодов и источников сохранены} other {# набора кодов и источников сохранены}} для обратного пути: Comparanda не показывает наборы, а её экспорт в REFI-QDA записывает их снова.',
    frameworkMatched: 'Рамочная модель «{framework}» совпала с рамочной моделью проекта с тем же названием и стадиями.',
    normKeepsFramework: 'Норма «{norm}» сохраняет рамочную модель проекта; рамочная модель для неё в файле другая.',
    normCodeOrdinary: 'Код «{code}» — код нормы Comparanda, но его нормы нет в этом проекте; он импортирован как обычный код.',
    stageCodeOrdinary: 'Код «{code}» — код стадии Comparanda, но его стадии нет в этом проекте; он импортирован как обычный код.',
    participantMatched: 'Участник «{pseudonym}» сопоставлен с участником проекта с тем же псевдонимом.',
    textNotUtf8: 'Текст «{source}» не является корректным UTF-8; символы, которые не удалось прочитать, заменены.',
    codesRecognised:
      '{count, plural, one {# код кодовой книги —} few {# кода кодовой книги —} many {# кодов кодовой книги —} other {# кода кодовой книги —}} это нормы и стадии этого проекта; они распознаны, а не импортированы как коды.',
    variableMatched: 'Переменная «{variable}» сопоставлена с атрибутом проекта «{attribute}».',
    variableDateTime: 'Переменная «{variable}» содержит даты со временем; Comparanda сохраняет только даты.',
    caseMatched: 'Кейс «{case}» сопоставлен с кейсом проекта «{existing}».',
    caseNotFocal: 'Кейс «{case}» был в файле фокусным; здесь он кейс для сравнения, потому что в проекте уже есть фокусный кейс.',
  },
  kk: {
    madeName: '{what, select, graphs {графтар} links {байланыстар} other {бақылау жазбасы}}',
    kind: '{kind, select, user {пайдаланушы} code {код} variable {айнымалы} value {мән} case {кейс} source {дереккөз} selection {фрагмент} coding {кодтау} note {жазба} set {жиын} link {байланыс} graph {граф} record {жазба} other {{kind}}}',
    codeTwice: '«{code}» коды кодтар кітабында екі рет кездеседі; екіншісі өткізілді.',
    setWithout:
      '{single, select, yes {«{set}» жиыны сақталды, бірақ импортталмаған элемент оған кірмейді: {parts}.} other {«{set}» жиыны сақталды, бірақ импортталмаған элементтер оған кірмейді: {parts}.}}',
    setPart:
      '{what, select, code {{count, plural, one {# код} other {# код}}} source {{count, plural, one {# дереккөз} other {# дереккөз}}} other {{count, plural, one {# жазба} other {# жазба}}}}',
    and: '{first} және {second}',
    sourceCodedWhole:
      '«{source}» дереккөзі тұтастай {count, plural, one {# кодпен} other {# кодпен}} кодталған; Comparanda үзінділерді кодтайды, сондықтан бұл кодтаулар өткізілді.',
    sourceValues:
      '«{source}» дереккөзінде {count, plural, one {# айнымалы мәні} other {# айнымалы мәні}} бар; Comparanda-да атрибуттар тек кейстерде болады, сондықтан олар өткізілді.',
    where: '{at, select, positions {{start}–{end} позициялардағы} page {{page}-беттегі} other {GUID {guid} болатын}}',
    selection:
      '{form, select, start {{named, select, yes {«{name}» фрагменті} other {{where} фрагмент}}} other {{named, select, yes {«{name}» фрагментінің} other {{where} фрагменттің}}}}',
    selectionTwice:
      '{named, select, yes {«{source}» ішіндегі GUID-і «{name}» фрагментімен бірдей екінші фрагмент өткізілді.} other {«{source}» ішіндегі GUID {guid} болатын екінші фрагмент ({where} фрагмент) өткізілді.}}',
    selectionOutside:
      '{named, select, yes {«{source}» ішіндегі «{name}» фрагменті өткізілді: оның позициялары ({start}–{end}) мәтіннен тыс жатыр (мәтінде {length, plural, one {# таңба} other {# таңба}}).} other {«{source}» ішіндегі {where} фрагмент өткізілді: ол мәтіннен тыс жатыр (мәтінде {length, plural, one {# таңба} other {# таңба}}).}}',
    selectionNoText:
      '{named, select, yes {«{source}» ішіндегі «{name}» фрагменті өткізілді: ол ешқандай мәтінді белгілемейді.} other {«{source}» ішіндегі {where} фрагмент өткізілді: ол ешқандай мәтінді белгілемейді.}}',
    pdfAreaUnusable:
      '«{source}» ішіндегі {selection} өткізілді: ол PDF бетінің мәтінсіз аймағын белгілейді, ал жарамды бет нөмірі мен бұрыштары жоқ{codings, plural, =0 {} one { (онымен бірге # кодтау өткізілді)} other { (онымен бірге # кодтау өткізілді)}}.',
    selectionNoCode: '{selection} кодтауы ешбір кодты көрсетпейді; ол өткізілді.',
    selectionNoCase:
      '{selection} норма кезеңіне кодталған, бірақ файлдың ешбір кейсіне жатпайды (оны да, оның дереккөзін де ешбір кейс атамайды), сондықтан ұяшықпен байланыстырылмады.',
    selectionNormCoded: '{selection} норманың кезеңдерінің бірімен емес, норманың өзімен кодталған; бұл кодтау өткізілді.',
    selectionUnknownCode: '{selection} кодтауы кодтар кітабында жоқ кодқа сілтейді ({code}); ол өткізілді.',
    lostSelections: ', ал оның {count, plural, one {# мәтіндік фрагменті} other {# мәтіндік фрагменті}} ({codings, plural, one {# кодтауымен} other {# кодтауымен}}) өткізілді',
    sourceMissing:
      '«{source}» дереккөзі: {missing}; {kept, select, document {құжат сақталды} extracted {құжат оның файлынан алынған мәтінмен сақталды} other {дереккөз құжатсыз сақталды}}{lost}.',
    sourceExtracted: '«{source}» дереккөзі: оның мәтіні файлынан алынды, сондықтан фрагменттерінің позициялары оған сәйкес келмейді{lost}.',
    missingText: '{pdf, select, yes {оның мәтіні ({path})} other {оның {path} файлы}} {external, select, yes {архивтен тыс орналасқан және оқылмады} other {архивте жоқ}}',
    missingFile: 'оның {path} файлы {external, select, yes {архивтен тыс орналасқан және оқылмады} other {архивте жоқ}}',
    noText: 'оның мәтіндік файлы да, өз мәтіні де жоқ',
    missingWord: 'оның {path} Word файлы да жоқ',
    noPdf: 'онда PDF файлы көрсетілмеген',
    unreadable: 'оның {format} файлын оқу мүмкін емес ({reason})',
    previewMissing:
      '«{source}» дереккөзі: {missing}{selections, plural, =0 {} one {; оның # мәтіндік фрагменті өткізіледі} other {; оның # мәтіндік фрагменті өткізіледі}}.',
    sourceKind:
      '«{source}» дереккөзі ({kind, select, picture {сурет} audio {аудио} video {бейне} other {{kind}}}) өткізілді: {kind, select, audio {аудио дереккөздерге қолдау көрсетілмейді} video {бейне дереккөздерге қолдау көрсетілмейді} other {суреттерге қолдау көрсетілмейді}}{tail, select, yes {; онымен бірге {selections, plural, one {# фрагмент} other {# фрагмент}} және {codings, plural, one {# кодтау} other {# кодтау}} өткізілді} other {}}.',
    noteFileMissing: '«{note}» жазбасы: оның {path} файлы архивте жоқ; тек атауы мен сипаттамасы сақталды.',
    ourNoteDamaged: 'Comparanda-ның «{note}» қызметтік жазбасы ({kind}) бүлінген және қалпына келтірілмеді: {error}.',
    ourNoteNewer: 'Comparanda-ның «{note}» қызметтік жазбасын Comparanda-ның жаңарақ нұсқасы жазған ({version}), ол қалпына келтірілмеді. Comparanda-ны жаңартып, қайта импорттаңыз.',
    ourNoteUnknown: 'Comparanda-ның «{note}» қызметтік жазбасы бұл нұсқаға белгісіз түрге жатады ({kind}) және қалпына келтірілмеді.',
    notADate: '«{value}» — күн емес',
    dateFixed:
      '{problem} ({table, select, elections {сайлау} instruments {құжат} memberships {мүшелік} claims {мәлімдеме} participants {қатысушы} other {{table}}} «{name}», {column}); {keeps, select, yes {«{kept}» сақталды} other {күн бос қалдырылды}}.',
    normNoFramework: '«{norm}» нормасы файлда жоқ талдау шеңберіне сілтейді; ол қалпына келтірілмеді.',
    ourCodeInCodebook:
      '«{code}» коды — басқа Comparanda жобасы матрицасының {marker, select, norm {нормасы} other {кезеңі}}; нормалар кодтар кітабынан емес, матрицада жасалады, сондықтан ол өткізілді.',
    assessmentOrphan: 'Ұяшық бағалауы файлда жоқ кейске, нормаға немесе кезеңге сілтейді; ол қалпына келтірілмеді.',
    recordRowsDropped: 'Бақылау жазбасының немесе өңірлік контекстің {count, plural, one {# жолы} other {# жолы}} файлда жоқ нәрсеге сілтеді және өткізілді.',
    valueNoVariable: '«{case}» кейсінің мәні файлда жоқ айнымалыға сілтейді; ол өткізілді.',
    valueInvalid:
      '«{case}» кейсі үшін «{variable}» мәні «{value}» — {type, select, text {жарамды мәтін емес} number {жарамды сан емес} date {жарамды күн емес} boolean {жарамды логикалық мән емес} choice {жарамды таңдау нұсқасы емес} other {жарамды мән емес ({type})}}; ол өткізілді.',
    caseCoded: '«{case}» кейсі {count, plural, one {# кодпен} other {# кодпен}} кодталған; Comparanda кейстерді кодтамайды, сондықтан бұл кодтаулар өткізілді.',
    linkLost:
      '{named, select, yes {«{link}» байланысы} other {Байланыс}} (басы: {origin}; соңы: {target}) сақталмады: {why, select, note {ол нұсқайтын нәрсе импортталмады (жазба жоба мемосы ретінде сақталды)} other {оның басы импортталмады}}.',
    item: '{kind, select, selection {«{name}» фрагменті} source {«{name}» дереккөзі} code {«{name}» коды} case {«{name}» кейсі} note {«{name}» жазбасы} other {файлда жоқ элемент ({name})}}',
    memoOrphan:
      '«{memo}» мемосы импортталмады: ол тиесілі {type, select, case {кейс} cell {ұяшық} norm {норма} source {дереккөз} excerpt {үзінді} other {нысан ({type})}} файлда жоқ.',
    noteEmpty: '«{note}» жазбасы бос; ол өткізілді.',
    graphs: '{count, plural, one {# граф өткізілді} other {# граф өткізілді}}: Comparanda-да желілік диаграммалар жоқ.',
    linksPreview:
      'Элементтер арасындағы {count, plural, one {# байланыс} other {# байланыс}}: Comparanda-да байланыстар жоқ, сондықтан элементке байланған жазба сол элементтің мемосына, ал басқа байланыс екінші ұшын атайтын, басындағы элементтің мемосына айналады.',
    badGuid:
      '{what, select, selection {Фрагмент} code {Код} variable {Айнымалы} case {Кейс} note {Жазба} text {Мәтіндік дереккөз} pdf {PDF дереккөзі} picture {Сурет дереккөзі} audio {Аудио дереккөз} other {Бейне дереккөз}}{named, select, yes { «{name}»} other {}} {invalid, select, yes {GUID-і жарамсыз ({raw}) болғандықтан} other {GUID-і болмағандықтан}} өткізілді.',
    unitUtf16Selections:
      'Мәтіндегі позициялар UTF-16 код бірліктерімен оқылды (негізгі көптілді жазықтықтан тыс таңба, мысалы эмодзилердің көбі, 2 болып саналады){known, select, yes {, {producer} оларды осылай жазады} other {}}: {counted}.',
    counted:
      'осындай таңбадан кейін тұрған {compared, plural, one {# фрагменттің} other {# фрагменттің}} UTF-16 бірліктерімен оқығанда {utf16}, таңбалармен оқығанда {codepoint} фрагменті сөз шекараларында басталып, аяқталады',
    unitUtf16: 'Мәтіндегі позициялар UTF-16 код бірліктерімен оқылды{known, select, yes {, {producer} оларды осылай жазады} other {}}{both, select, yes {; фрагменттер екі оқылуға да бірдей сәйкес келеді} other {}}.',
    unitCodepoints: 'Мәтіндегі позициялар таңбалармен (код нүктелерімен) оқылды, бірақ {producer} әдетте UTF-16 код бірліктерін санайды: {counted}.',
    codeKeepsName: '«{code}» коды жобадағы атауын сақтайды: сол орындағы басқа кодтың атауы дәл осындай.',
    codeMerged: '«{code}» коды жобаның сол орындағы атауы бірдей «{existing}» кодымен біріктірілді.',
    setsKept:
      'Кодтар мен дереккөздердің {count, plural, one {# жиыны} other {# жиыны}} кері жол үшін сақталды: Comparanda жиындарды көрсетпейді, ал оның REFI-QDA экспорты оларды қайта жазады.',
    frameworkMatched: '«{framework}» талдау шеңбері жобаның атауы мен кезеңдері бірдей талдау шеңберімен сәйкес келді.',
    normKeepsFramework: '«{norm}» нормасы жобаның талдау шеңберін сақтайды; файлдағы оның талдау шеңбері басқа.',
    normCodeOrdinary: '«{code}» коды — Comparanda норма коды, бірақ оның нормасы бұл жобада жоқ; ол кәдімгі код ретінде импортталды.',
    stageCodeOrdinary: '«{code}» коды — Comparanda кезең коды, бірақ оның кезеңі бұл жобада жоқ; ол кәдімгі код ретінде импортталды.',
    participantMatched: '«{pseudonym}» қатысушысы жобадағы бүркеншік аты бірдей қатысушымен сәйкестендірілді.',
    textNotUtf8: '«{source}» мәтіні жарамды UTF-8 емес; оқылмаған таңбалар ауыстырылды.',
    codesRecognised:
      'Кодтар кітабының {count, plural, one {# коды} other {# коды}} — осы жобаның нормалары мен кезеңдері; олар код ретінде импортталмай, танылды.',
    variableMatched: '«{variable}» айнымалысы жобаның «{attribute}» атрибутымен сәйкестендірілді.',
    variableDateTime: '«{variable}» айнымалысында уақыты бар күндер сақталған; Comparanda тек күндерді сақтайды.',
    caseMatched: '«{case}» кейсі жобаның «{existing}» кейсімен сәйкестендірілді.',
    caseNotFocal: '«{case}» кейсі файлда фокустық кейс болды; мұнда ол салыстырмалы кейс, себебі жобада фокустық кейс бұрыннан бар.',
  },
});
