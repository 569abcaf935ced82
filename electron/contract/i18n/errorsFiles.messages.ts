import { defineMessages } from './define';

/**
 * Why a file cannot be imported: a document (PDF, DOCX, image, HTML, text), a REFI-QDA project or codebook, a
 * bibliography (BibTeX, RIS, CSL-JSON). Thrown as ImportError (electron/core/documents/import-error.ts). Names —
 * the file, an entry in an archive, a file extension, a format word such as DOCTYPE — are arguments; so is a
 * parser's own description of what it found, which stays in the library's English.
 */

interface Units {
  GB: string;
  MB: string;
  KB: string;
  /** One select branch per plural category of the language, `#` unused: a size is written without grouping. */
  bytes: (arg: string) => string;
}

/**
 * A size in bytes as `sizeArgs` (import-error.ts) splits it: `{x}` the number, `{xUnit}` GB, MB, KB or B. Archives
 * write one decimal for GB and MB ("8.0 MB"); documents round to one decimal and drop ".0" ("3.5 MB", "1 MB").
 */
function size(arg: string, units: Units, style: 'archive' | 'document'): string {
  const n = (skeleton: string) => `{${arg}, number, ::${skeleton}group-off}`;
  const fraction = style === 'archive' ? n('.0 ') : n('.# ');
  const kb = style === 'archive' ? n('') : n('.# ');
  return `{${arg}Unit, select, GB {${fraction} ${units.GB}} MB {${fraction} ${units.MB}} KB {${kb} ${units.KB}} other {${units.bytes(arg)}}}`;
}

const EN: Units = {
  GB: 'GB',
  MB: 'MB',
  KB: 'KB',
  bytes: (arg) => `{${arg}, plural, one {{${arg}, number, ::group-off} byte} other {{${arg}, number, ::group-off} bytes}}`,
};
const RU: Units = {
  GB: 'ГБ',
  MB: 'МБ',
  KB: 'КБ',
  bytes: (arg) => `{${arg}, plural, one {{${arg}, number, ::group-off} байт} few {{${arg}, number, ::group-off} байта} many {{${arg}, number, ::group-off} байт} other {{${arg}, number, ::group-off} байта}}`,
};
const KK: Units = { GB: 'ГБ', MB: 'МБ', KB: 'КБ', bytes: (arg) => `{${arg}, plural, one {{${arg}, number, ::group-off} байт} other {{${arg}, number, ::group-off} байт}}` };

const en = (arg: string) => size(arg, EN, 'archive');
const ru = (arg: string) => size(arg, RU, 'archive');
const kk = (arg: string) => size(arg, KK, 'archive');

/** What a REFI-QDA file's entry belongs to (`Subject` in exchange/archive.ts), with the entry's name after it. */
const WHAT_EN = '{whatKind, select, source {the source “{whatName}”} note {the note “{whatName}”} other {{whatName}}}';
const WHAT_RU = '{whatKind, select, source {источник «{whatName}»} note {примечание «{whatName}»} other {{whatName}}}';
const WHAT_KK = '{whatKind, select, source {«{whatName}» дереккөзі} note {«{whatName}» ескертпесі} other {{whatName}}}';

const SUPPORTED_EN = 'PDF ({pdf}), Word ({docx}), plain text ({txt}), Markdown ({md}), HTML ({html}) or a photo or scan ({images})';
const SUPPORTED_RU = 'PDF ({pdf}), Word ({docx}), обычный текст ({txt}), Markdown ({md}), HTML ({html}) или фото либо скан ({images})';
const SUPPORTED_KK = 'PDF ({pdf}), Word ({docx}), қарапайым мәтін ({txt}), Markdown ({md}), HTML ({html}) немесе фото не скан ({images})';

const DAMAGED_EN = (detail: string) => `"{file}" is a damaged archive: ${detail}. Export it again from the program that made it.`;
const DAMAGED_RU = (detail: string) => `Архив «{file}» повреждён: ${detail}. Экспортируйте его заново из программы, в которой он создан.`;
const DAMAGED_KK = (detail: string) => `«{file}» архиві бүлінген: ${detail}. Оны жасаған бағдарламадан қайта экспорттаңыз.`;

const BIBTEX_EN = (detail: string) => `"{file}" is not valid BibTeX: ${detail}. Fix that entry (or export the library from Zotero again) and import the file again.`;
const BIBTEX_RU = (detail: string) => `Файл «{file}» — некорректный BibTeX: ${detail}. Исправьте эту запись (или заново экспортируйте библиотеку из Zotero) и импортируйте файл ещё раз.`;
const BIBTEX_KK = (detail: string) => `«{file}» файлы — жарамды BibTeX емес: ${detail}. Сол жазбаны түзетіңіз (немесе кітапхананы Zotero-дан қайта экспорттаңыз) да, файлды қайта импорттаңыз.`;
const RIS_EN = (detail: string) => `"{file}" is not valid RIS: ${detail}. Fix that entry (or export the library again as RIS) and import the file again.`;
const RIS_RU = (detail: string) => `Файл «{file}» — некорректный RIS: ${detail}. Исправьте эту запись (или заново экспортируйте библиотеку в RIS) и импортируйте файл ещё раз.`;
const RIS_KK = (detail: string) => `«{file}» файлы — жарамды RIS емес: ${detail}. Сол жазбаны түзетіңіз (немесе кітапхананы RIS түрінде қайта экспорттаңыз) да, файлды қайта импорттаңыз.`;
const CSL_EN = (detail: string) => `"{file}" is not valid CSL-JSON: ${detail}. Export the library again as "CSL JSON" and import the new file.`;
const CSL_RU = (detail: string) => `Файл «{file}» — некорректный CSL-JSON: ${detail}. Заново экспортируйте библиотеку в формате «CSL JSON» и импортируйте новый файл.`;
const CSL_KK = (detail: string) => `«{file}» файлы — жарамды CSL-JSON емес: ${detail}. Кітапхананы «CSL JSON» пішімінде қайта экспорттап, жаңа файлды импорттаңыз.`;

export const errorsFiles = defineMessages({
  en: {
    // Documents (documents/extract.ts)
    documentEmpty: '"{file}" is empty (0 bytes). Check that the file was saved or copied completely, and import it again.',
    documentTooLarge: `"{file}" is too large to import (${size('size', EN, 'document')}; the limit is ${size('limit', EN, 'document')}). Split it into smaller files and import those.`,
    pdfNoHeader: '"{file}" is not a valid PDF file (it has no PDF header). Check that it is the right file, or export it to PDF again and import the new file.',
    docxNoDocument: '"{file}" is not a Word document (the archive has no {entry}). Open it in Word or LibreOffice, save it as .docx and import it again.',
    docxNotZip: '"{file}" is damaged or is not a Word document. Open it in Word or LibreOffice, save it as .docx and import it again.',
    imageMismatch: '"{file}" is not a JPEG, PNG or TIFF image (its content does not match its name). Open it in an image viewer, save it again as JPEG or PNG and import that file.',
    wordProcessorFile: `"{file}" is a {ext} file, which cannot be imported. Save it as .docx or PDF and import that file; supported are ${SUPPORTED_EN}.`,
    extensionUnsupported: `"{file}" cannot be imported: {ext} files cannot be imported. Convert it to ${SUPPORTED_EN} and import it again.`,
    extensionMissing: `"{file}" cannot be imported: files without an extension cannot be imported. Convert it to ${SUPPORTED_EN} and import it again.`,
    pdfPageUnreadable: '"{file}" is damaged: page {page} of {total} cannot be read. Open it in a PDF reader, print or save it to a new PDF, and import that file.',
    pdfNoText: '"{file}" has no text and no scanned pages (its pages are blank or drawn as shapes). Check that it is the right file, or print it to a new PDF and import that file.',
    pdfPassword: '"{file}" is password-protected. Remove the password (for example, open it and print it to a new PDF) and import it again.',
    pdfDamaged: '"{file}" is damaged or incomplete and cannot be read as a PDF. Download or export it again and import the new file.',
    docxDamaged: '"{file}" is damaged and cannot be read as a Word document. Open it in Word or LibreOffice, save it again as .docx and import the new file.',
    docxNoText: '"{file}" contains no text. Check that it is the right document (text in images or text boxes of shapes is not read), and import it again.',
    textNotUtf8: '"{file}" is not UTF-8 text (it may be in another encoding such as {example}, or not text at all). Open it in a text editor, save it as UTF-8 and import it again.',
    textBlank: '"{file}" contains only blank space. Check that it is the right file and import it again.',
    htmlNoText: '"{file}" contains no readable text. Save the page again (for example "Save as: Web page, complete" or print it to PDF) and import that file.',
    // REFI-QDA files (exchange/xml.ts, archive.ts, load.ts, importing/plan.ts)
    xmlDoctype: '"{file}" was refused: its {entry} declares a {doctype} or entities, which REFI-QDA files never use.',
    xmlCutShort: '"{file}" cannot be read: its {entry} ends before its elements are closed (line {line}, column {column}, where the file ends; still open: {tags}), so the file looks cut short. Export it again from the program that made it.',
    xmlMalformed: '"{file}" cannot be read: its {entry} is not well-formed XML (line {line}, column {column}: {detail}). Export it again from the program that made it.',
    zipBombDeclared: `"{file}" was refused: {whatKind, select, source {the source “{whatName}” ({entry})} note {the note “{whatName}” ({entry})} other {{entry}}} declares ${en('size')} but inflates to more (a "ZIP bomb"). Nothing was imported.`,
    archiveTooLargeTotal: `"{file}" was refused: its contents come to more than ${en('limit')} uncompressed, more than Comparanda imports at once. Nothing was imported.`,
    notZip: '"{file}" is not a REFI-QDA project: it is not a ZIP archive (or it is damaged).',
    zip64: '"{file}" is a {format} archive (over 4 GB or 65 535 files), larger than Comparanda imports.',
    tooManyEntries: '"{file}" holds {count} files, more than Comparanda imports ({limit}).',
    entryOutside: '"{file}" was refused: it holds a file named "{entry}", which would lie outside the project\'s folder. Nothing was imported.',
    entryEncrypted: '"{file}" is encrypted ({entry}); export it again without a password.',
    entryOver4Gb: '"{file}" was refused: {entry} is over 4 GB. Nothing was imported.',
    zipBombRatio: `"{file}" was refused: {entry} would inflate from ${en('compressed')} to ${en('size')} (more than {ratio} times), as a "ZIP bomb" does. Nothing was imported.`,
    archiveContentsBroken: DAMAGED_EN('its table of contents is broken'),
    archiveEntryMissing: DAMAGED_EN('the entry {entry} is missing'),
    archiveEntryCut: DAMAGED_EN('{entry} is cut short'),
    archiveInflateFailed: DAMAGED_EN('{entry} cannot be decompressed ({detail})'),
    archiveMethod: DAMAGED_EN('{entry} uses a compression method ({method}) that Comparanda cannot read'),
    archiveSizeMismatch: DAMAGED_EN(`{entry} is ${en('size')} but declares ${en('declared')}`),
    archiveChecksum: DAMAGED_EN('{entry} fails its checksum'),
    qdaTooLarge: `"{file}" is ${en('size')}, larger than Comparanda imports (${en('limit')}).`,
    qdaEmpty: '"{file}" is empty (0 bytes). Export it again from the program that made it.',
    noProjectEntry: '"{file}" is not a REFI-QDA project: the archive contains no {entry}{count, plural, =0 {} one { (it holds # other file)} other { (it holds # other files)}}. Export the project again as a .qdpx.',
    xmlEntryTooLarge: `"{file}" was refused: its {entry} is ${en('size')}, more than Comparanda reads (${en('limit')}).`,
    xmlFileTooLarge: `"{file}" is ${en('size')}, more than Comparanda reads as XML.`,
    notQda: '"{file}" is neither a REFI-QDA project (.qdpx, a ZIP archive) nor a QDA-XML file. Check that it is the right file.',
    noQdaRoot: '"{file}" is not QDA-XML: {entry} has neither a {project} nor a {codebook} root element.',
    projectNotCodebook: '"{file}" is a REFI-QDA project, not a codebook: imported as a codebook only its codes would be taken and its sources, selections and codings left behind. Import it as a project instead (on the command line: {option}), or export a codebook (.qdc) from the program that made it.',
    codebookNotProject: '"{file}" holds a codebook, not a project. Import it as a codebook (.qdc).',
    pathOutside: `"{file}" was refused: ${WHAT_EN} points at "{path}", a path that leads outside the project's folder. Nothing was imported.`,
    sourceTooLarge: `"{file}" was refused: ${WHAT_EN} ({entry}) is ${en('size')}, more than one source may be (${en('limit')}). Split it in the program that made it and export again. Nothing was imported.`,
    sourceTextTooLarge: '"{file}" was refused: the text of the source “{source}” is larger than one source may be. Nothing was imported.',
    // Bibliographies (sources/bibliography.ts)
    bibliographyEmpty: '"{file}" is empty. Export the bibliography again (for example from Zotero) and import the new file.',
    bibliographyNoEntries: '"{file}" contains no {format} entries. Check that it is a {format} file ({kind, select, bibtex {entries look like {example}} ris {entries start with "{start}" and end with "{end}"} other {a CSL-JSON file is a list of items}}) and import it again.',
    bibtexBraces: BIBTEX_EN('the braces of entry "{key}" (line {line}) do not match — a "\'{\'" is never closed or a "\'}\'" is extra'),
    bibtexAt: BIBTEX_EN('at line {line}, column {column}: {detail}'),
    bibtexAtEntry: BIBTEX_EN('at line {line}, column {column} (entry "{key}"): {detail}'),
    bibtexInvalid: BIBTEX_EN('{detail}'),
    risNoEnd: RIS_EN('the entry starting at line {line} has no "{end}" end line before the next "{start}" at line {next}'),
    risEndWithoutStart: RIS_EN('line {line} ends an entry ("{end}") that was never started with "{start}"'),
    risOutside: RIS_EN('line {line} is outside any entry (entries start with "{start}")'),
    risUnclosed: RIS_EN('the entry starting at line {line} is not closed with an "{end}" line'),
    risInvalid: RIS_EN('{detail}'),
    cslBroken: CSL_EN('the JSON is broken ({detail})'),
    cslBrokenAt: CSL_EN('the JSON is broken at line {line} ({detail})'),
    cslNotObject: CSL_EN('item {item} is not an object'),
    cslTitleNotText: CSL_EN('item {item} has a title that is not text'),
    cslTypeNotText: CSL_EN('item {item} has a type that is not text'),
    cslInvalid: CSL_EN('{detail}'),
  },
  ru: {
    documentEmpty: 'Файл «{file}» пуст (0 байт). Проверьте, что файл сохранён или скопирован полностью, и импортируйте его ещё раз.',
    documentTooLarge: `Файл «{file}» слишком велик для импорта (${size('size', RU, 'document')}; предел — ${size('limit', RU, 'document')}). Разделите его на файлы поменьше и импортируйте их.`,
    pdfNoHeader: 'Файл «{file}» — не корректный PDF (у него нет заголовка PDF). Проверьте, тот ли это файл, или заново сохраните его в PDF и импортируйте новый файл.',
    docxNoDocument: 'Файл «{file}» — не документ Word (в архиве нет {entry}). Откройте его в Word или LibreOffice, сохраните как .docx и импортируйте ещё раз.',
    docxNotZip: 'Файл «{file}» повреждён или не является документом Word. Откройте его в Word или LibreOffice, сохраните как .docx и импортируйте ещё раз.',
    imageMismatch: 'Файл «{file}» — не изображение JPEG, PNG или TIFF (его содержимое не соответствует имени). Откройте его в программе просмотра изображений, сохраните заново как JPEG или PNG и импортируйте этот файл.',
    wordProcessorFile: `Файл «{file}» имеет формат {ext}, его нельзя импортировать. Сохраните его как .docx или PDF и импортируйте этот файл; поддерживаются ${SUPPORTED_RU}.`,
    extensionUnsupported: `Файл «{file}» нельзя импортировать: файлы {ext} не импортируются. Преобразуйте его в ${SUPPORTED_RU} и импортируйте ещё раз.`,
    extensionMissing: `Файл «{file}» нельзя импортировать: файлы без расширения не импортируются. Преобразуйте его в ${SUPPORTED_RU} и импортируйте ещё раз.`,
    pdfPageUnreadable: 'Файл «{file}» повреждён: страницу {page} из {total} не удаётся прочитать. Откройте его в программе для чтения PDF, напечатайте или сохраните в новый PDF и импортируйте этот файл.',
    pdfNoText: 'В файле «{file}» нет ни текста, ни отсканированных страниц (страницы пусты или нарисованы фигурами). Проверьте, тот ли это файл, или напечатайте его в новый PDF и импортируйте этот файл.',
    pdfPassword: 'Файл «{file}» защищён паролем. Снимите пароль (например, откройте его и напечатайте в новый PDF) и импортируйте ещё раз.',
    pdfDamaged: 'Файл «{file}» повреждён или неполон и не читается как PDF. Скачайте или экспортируйте его заново и импортируйте новый файл.',
    docxDamaged: 'Файл «{file}» повреждён и не читается как документ Word. Откройте его в Word или LibreOffice, заново сохраните как .docx и импортируйте новый файл.',
    docxNoText: 'В файле «{file}» нет текста. Проверьте, тот ли это документ (текст на изображениях и в надписях фигур не читается), и импортируйте его ещё раз.',
    textNotUtf8: 'Файл «{file}» — не текст в UTF-8 (возможно, он в другой кодировке, например {example}, или вовсе не текст). Откройте его в текстовом редакторе, сохраните в UTF-8 и импортируйте ещё раз.',
    textBlank: 'В файле «{file}» только пробелы и пустые строки. Проверьте, тот ли это файл, и импортируйте его ещё раз.',
    htmlNoText: 'В файле «{file}» нет читаемого текста. Сохраните страницу заново (например, «Сохранить как: веб-страница полностью» или напечатайте в PDF) и импортируйте этот файл.',
    xmlDoctype: 'Файл «{file}» отклонён: его {entry} объявляет {doctype} или сущности, которых в файлах REFI-QDA не бывает.',
    xmlCutShort: 'Файл «{file}» не удаётся прочитать: его {entry} кончается раньше, чем закрыты элементы (строка {line}, столбец {column} — там, где кончается файл; ещё открыты: {tags}), — похоже, файл обрезан. Экспортируйте его заново из программы, в которой он создан.',
    xmlMalformed: 'Файл «{file}» не удаётся прочитать: его {entry} — не корректный XML (строка {line}, столбец {column}: {detail}). Экспортируйте его заново из программы, в которой он создан.',
    zipBombDeclared: `Файл «{file}» отклонён: {whatKind, select, source {источник «{whatName}» ({entry})} note {примечание «{whatName}» ({entry})} other {{entry}}} заявляет размер ${ru('size')}, но распаковывается в больший (так делает «ZIP-бомба»). Ничего не импортировано.`,
    archiveTooLargeTotal: `Файл «{file}» отклонён: в распакованном виде его содержимое больше ${ru('limit')} — больше, чем Comparanda импортирует за раз. Ничего не импортировано.`,
    notZip: 'Файл «{file}» — не проект REFI-QDA: это не ZIP-архив (или он повреждён).',
    zip64: 'Файл «{file}» — архив {format} (больше 4 ГБ или 65 535 файлов), больше, чем импортирует Comparanda.',
    tooManyEntries: 'В файле «{file}» файлов: {count} — больше, чем импортирует Comparanda ({limit}).',
    entryOutside: 'Файл «{file}» отклонён: в нём есть файл с именем «{entry}», который оказался бы вне папки проекта. Ничего не импортировано.',
    entryEncrypted: 'Файл «{file}» зашифрован ({entry}); экспортируйте его заново без пароля.',
    entryOver4Gb: 'Файл «{file}» отклонён: {entry} больше 4 ГБ. Ничего не импортировано.',
    zipBombRatio: `Файл «{file}» отклонён: {entry} распаковался бы с ${ru('compressed')} до ${ru('size')} (больше чем в {ratio} раз), как это делает «ZIP-бомба». Ничего не импортировано.`,
    archiveContentsBroken: DAMAGED_RU('его оглавление испорчено'),
    archiveEntryMissing: DAMAGED_RU('элемента {entry} нет'),
    archiveEntryCut: DAMAGED_RU('{entry} обрезан'),
    archiveInflateFailed: DAMAGED_RU('{entry} не распаковывается ({detail})'),
    archiveMethod: DAMAGED_RU('{entry} сжат методом ({method}), который Comparanda не читает'),
    archiveSizeMismatch: DAMAGED_RU(`{entry} занимает ${ru('size')}, а заявлено ${ru('declared')}`),
    archiveChecksum: DAMAGED_RU('контрольная сумма {entry} не сходится'),
    qdaTooLarge: `Файл «{file}» занимает ${ru('size')} — больше, чем импортирует Comparanda (${ru('limit')}).`,
    qdaEmpty: 'Файл «{file}» пуст (0 байт). Экспортируйте его заново из программы, в которой он создан.',
    noProjectEntry: 'Файл «{file}» — не проект REFI-QDA: в архиве нет {entry}{count, plural, =0 {} one { (в нём # другой файл)} few { (в нём # других файла)} many { (в нём # других файлов)} other { (в нём # другого файла)}}. Экспортируйте проект заново как .qdpx.',
    xmlEntryTooLarge: `Файл «{file}» отклонён: его {entry} занимает ${ru('size')} — больше, чем читает Comparanda (${ru('limit')}).`,
    xmlFileTooLarge: `Файл «{file}» занимает ${ru('size')} — больше, чем Comparanda читает как XML.`,
    notQda: 'Файл «{file}» — ни проект REFI-QDA (.qdpx, ZIP-архив), ни файл QDA-XML. Проверьте, тот ли это файл.',
    noQdaRoot: 'Файл «{file}» — не QDA-XML: в {entry} нет корневого элемента ни {project}, ни {codebook}.',
    projectNotCodebook: 'Файл «{file}» — проект REFI-QDA, а не кодовая книга: при импорте как кодовой книги были бы взяты только его коды, а источники, выделенные фрагменты и кодировки остались бы в стороне. Импортируйте его как проект (в командной строке: {option}) или экспортируйте кодовую книгу (.qdc) из программы, в которой он создан.',
    codebookNotProject: 'В файле «{file}» кодовая книга, а не проект. Импортируйте его как кодовую книгу (.qdc).',
    pathOutside: `Файл «{file}» отклонён: ${WHAT_RU} указывает на «{path}» — путь, ведущий за пределы папки проекта. Ничего не импортировано.`,
    sourceTooLarge: `Файл «{file}» отклонён: ${WHAT_RU} ({entry}) занимает ${ru('size')} — больше, чем может занимать один источник (${ru('limit')}). Разделите его в программе, в которой он создан, и экспортируйте заново. Ничего не импортировано.`,
    sourceTextTooLarge: 'Файл «{file}» отклонён: текст источника «{source}» больше, чем может быть у одного источника. Ничего не импортировано.',
    bibliographyEmpty: 'Файл «{file}» пуст. Заново экспортируйте библиографию (например, из Zotero) и импортируйте новый файл.',
    bibliographyNoEntries: 'В файле «{file}» нет записей {format}. Проверьте, что это файл {format} ({kind, select, bibtex {записи выглядят как {example}} ris {записи начинаются с «{start}» и кончаются «{end}»} other {файл CSL-JSON — это список элементов}}), и импортируйте его ещё раз.',
    bibtexBraces: BIBTEX_RU('фигурные скобки записи «{key}» (строка {line}) не сходятся — открывающая «\'{\'» не закрыта или закрывающая «\'}\'» лишняя'),
    bibtexAt: BIBTEX_RU('в строке {line}, столбце {column}: {detail}'),
    bibtexAtEntry: BIBTEX_RU('в строке {line}, столбце {column} (запись «{key}»): {detail}'),
    bibtexInvalid: BIBTEX_RU('{detail}'),
    risNoEnd: RIS_RU('у записи, начатой в строке {line}, нет закрывающей строки «{end}» перед следующей «{start}» в строке {next}'),
    risEndWithoutStart: RIS_RU('строка {line} закрывает запись («{end}»), которая не была начата строкой «{start}»'),
    risOutside: RIS_RU('строка {line} находится вне записей (записи начинаются с «{start}»)'),
    risUnclosed: RIS_RU('запись, начатая в строке {line}, не закрыта строкой «{end}»'),
    risInvalid: RIS_RU('{detail}'),
    cslBroken: CSL_RU('JSON испорчен ({detail})'),
    cslBrokenAt: CSL_RU('JSON испорчен в строке {line} ({detail})'),
    cslNotObject: CSL_RU('элемент {item} — не объект'),
    cslTitleNotText: CSL_RU('у элемента {item} заглавие — не текст'),
    cslTypeNotText: CSL_RU('у элемента {item} тип — не текст'),
    cslInvalid: CSL_RU('{detail}'),
  },
  kk: {
    documentEmpty: '«{file}» файлы бос (0 байт). Файлдың толық сақталғанын не көшірілгенін тексеріп, қайта импорттаңыз.',
    documentTooLarge: `«{file}» файлы импорттау үшін тым үлкен (${size('size', KK, 'document')}; шегі — ${size('limit', KK, 'document')}). Оны кішірек файлдарға бөліп, соларды импорттаңыз.`,
    pdfNoHeader: '«{file}» файлы — жарамды PDF емес (оның PDF тақырыбы жоқ). Дұрыс файл екенін тексеріңіз немесе оны қайта PDF-ке сақтап, жаңа файлды импорттаңыз.',
    docxNoDocument: '«{file}» файлы — Word құжаты емес (архивте {entry} жоқ). Оны Word не LibreOffice-те ашып, .docx ретінде сақтаңыз да, қайта импорттаңыз.',
    docxNotZip: '«{file}» файлы бүлінген немесе Word құжаты емес. Оны Word не LibreOffice-те ашып, .docx ретінде сақтаңыз да, қайта импорттаңыз.',
    imageMismatch: '«{file}» файлы — JPEG, PNG не TIFF суреті емес (мазмұны атына сәйкес келмейді). Оны сурет көретін бағдарламада ашып, JPEG не PNG ретінде қайта сақтаңыз да, сол файлды импорттаңыз.',
    wordProcessorFile: `«{file}» — {ext} файлы, оны импорттау мүмкін емес. Оны .docx не PDF ретінде сақтап, сол файлды импорттаңыз; қолдау көрсетілетіндер: ${SUPPORTED_KK}.`,
    extensionUnsupported: `«{file}» файлын импорттау мүмкін емес: {ext} файлдары импортталмайды. Оны ${SUPPORTED_KK} түріне түрлендіріп, қайта импорттаңыз.`,
    extensionMissing: `«{file}» файлын импорттау мүмкін емес: кеңейтімі жоқ файлдар импортталмайды. Оны ${SUPPORTED_KK} түріне түрлендіріп, қайта импорттаңыз.`,
    pdfPageUnreadable: '«{file}» файлы бүлінген: {total} беттің {page}-бетін оқу мүмкін емес. Оны PDF оқитын бағдарламада ашып, жаңа PDF-ке басып шығарыңыз не сақтаңыз да, сол файлды импорттаңыз.',
    pdfNoText: '«{file}» файлында мәтін де, сканерленген беттер де жоқ (беттері бос немесе фигуралармен салынған). Дұрыс файл екенін тексеріңіз немесе оны жаңа PDF-ке басып шығарып, сол файлды импорттаңыз.',
    pdfPassword: '«{file}» файлы құпиясөзбен қорғалған. Құпиясөзді алып тастап (мысалы, оны ашып, жаңа PDF-ке басып шығарып), қайта импорттаңыз.',
    pdfDamaged: '«{file}» файлы бүлінген не толық емес, оны PDF ретінде оқу мүмкін емес. Оны қайта жүктеп алыңыз не экспорттаңыз да, жаңа файлды импорттаңыз.',
    docxDamaged: '«{file}» файлы бүлінген, оны Word құжаты ретінде оқу мүмкін емес. Оны Word не LibreOffice-те ашып, .docx ретінде қайта сақтаңыз да, жаңа файлды импорттаңыз.',
    docxNoText: '«{file}» файлында мәтін жоқ. Дұрыс құжат екенін тексеріп (суреттердегі және фигуралардың мәтін өрістеріндегі мәтін оқылмайды), қайта импорттаңыз.',
    textNotUtf8: '«{file}» файлы — UTF-8 мәтіні емес (ол басқа кодтамада, мысалы {example}, болуы мүмкін немесе мүлде мәтін емес). Оны мәтін редакторында ашып, UTF-8 түрінде сақтаңыз да, қайта импорттаңыз.',
    textBlank: '«{file}» файлында тек бос орын бар. Дұрыс файл екенін тексеріп, қайта импорттаңыз.',
    htmlNoText: '«{file}» файлында оқылатын мәтін жоқ. Бетті қайта сақтап (мысалы, «Басқаша сақтау: веб-бет толығымен» немесе PDF-ке басып шығарып), сол файлды импорттаңыз.',
    xmlDoctype: '«{file}» файлы қабылданбады: оның {entry} ішінде {doctype} не нысандар жарияланған, ал REFI-QDA файлдарында олар ешқашан болмайды.',
    xmlCutShort: '«{file}» файлын оқу мүмкін емес: оның {entry} элементтері жабылмай тұрып аяқталады ({line}-жол, {column}-баған — файл осы жерде бітеді; әлі ашық: {tags}), файл қиылып қалған сияқты. Оны жасаған бағдарламадан қайта экспорттаңыз.',
    xmlMalformed: '«{file}» файлын оқу мүмкін емес: оның {entry} — дұрыс құрылмаған XML ({line}-жол, {column}-баған: {detail}). Оны жасаған бағдарламадан қайта экспорттаңыз.',
    zipBombDeclared: `«{file}» файлы қабылданбады: {whatKind, select, source {«{whatName}» дереккөзі ({entry})} note {«{whatName}» ескертпесі ({entry})} other {{entry}}} көлемін ${kk('size')} деп көрсетеді, бірақ ашқанда одан үлкен болады («ZIP-бомба» осылай істейді). Ештеңе импортталмады.`,
    archiveTooLargeTotal: `«{file}» файлы қабылданбады: оның ашылған мазмұны ${kk('limit')} көлемнен асады — Comparanda бір рет импорттайтыннан көп. Ештеңе импортталмады.`,
    notZip: '«{file}» файлы — REFI-QDA жобасы емес: ол ZIP архиві емес (немесе бүлінген).',
    zip64: '«{file}» — {format} архиві (4 ГБ-тан не 65 535 файлдан көп), Comparanda импорттайтыннан үлкен.',
    tooManyEntries: '«{file}» ішіндегі файлдар саны: {count} — Comparanda импорттайтыннан көп ({limit}).',
    entryOutside: '«{file}» файлы қабылданбады: онда «{entry}» деген файл бар, ол жоба қалтасынан тыс орналасар еді. Ештеңе импортталмады.',
    entryEncrypted: '«{file}» файлы шифрланған ({entry}); оны құпиясөзсіз қайта экспорттаңыз.',
    entryOver4Gb: '«{file}» файлы қабылданбады: {entry} 4 ГБ-тан асады. Ештеңе импортталмады.',
    zipBombRatio: `«{file}» файлы қабылданбады: {entry} ${kk('compressed')} көлемнен ${kk('size')} көлемге дейін ашылар еді ({ratio} еседен көп), «ZIP-бомба» осылай істейді. Ештеңе импортталмады.`,
    archiveContentsBroken: DAMAGED_KK('оның мазмұн кестесі бұзылған'),
    archiveEntryMissing: DAMAGED_KK('{entry} элементі жоқ'),
    archiveEntryCut: DAMAGED_KK('{entry} қиылып қалған'),
    archiveInflateFailed: DAMAGED_KK('{entry} ашылмайды ({detail})'),
    archiveMethod: DAMAGED_KK('{entry} Comparanda оқи алмайтын әдіспен ({method}) сығылған'),
    archiveSizeMismatch: DAMAGED_KK(`{entry} көлемі ${kk('size')}, ал көрсетілгені ${kk('declared')}`),
    archiveChecksum: DAMAGED_KK('{entry} бақылау сомасы сәйкес келмейді'),
    qdaTooLarge: `«{file}» файлының көлемі ${kk('size')} — Comparanda импорттайтыннан үлкен (${kk('limit')}).`,
    qdaEmpty: '«{file}» файлы бос (0 байт). Оны жасаған бағдарламадан қайта экспорттаңыз.',
    noProjectEntry: '«{file}» файлы — REFI-QDA жобасы емес: архивте {entry} жоқ{count, plural, =0 {} one { (онда басқа # файл бар)} other { (онда басқа # файл бар)}}. Жобаны .qdpx ретінде қайта экспорттаңыз.',
    xmlEntryTooLarge: `«{file}» файлы қабылданбады: оның {entry} көлемі ${kk('size')} — Comparanda оқитыннан көп (${kk('limit')}).`,
    xmlFileTooLarge: `«{file}» файлының көлемі ${kk('size')} — Comparanda XML ретінде оқитыннан көп.`,
    notQda: '«{file}» файлы — REFI-QDA жобасы да (.qdpx, ZIP архиві), QDA-XML файлы да емес. Дұрыс файл екенін тексеріңіз.',
    noQdaRoot: '«{file}» файлы — QDA-XML емес: {entry} ішінде {project} те, {codebook} те түбір элементі жоқ.',
    projectNotCodebook: '«{file}» файлы — кодтар кітабы емес, REFI-QDA жобасы: кодтар кітабы ретінде импорттағанда тек оның кодтары алынып, дереккөздері, белгіленген үзінділері мен кодтаулары қалып қояр еді. Оны жоба ретінде импорттаңыз (командалық жолда: {option}) немесе оны жасаған бағдарламадан кодтар кітабын (.qdc) экспорттаңыз.',
    codebookNotProject: '«{file}» файлында жоба емес, кодтар кітабы бар. Оны кодтар кітабы (.qdc) ретінде импорттаңыз.',
    pathOutside: `«{file}» файлы қабылданбады: ${WHAT_KK} «{path}» жолын көрсетеді, ол жоба қалтасынан тыс шығады. Ештеңе импортталмады.`,
    sourceTooLarge: `«{file}» файлы қабылданбады: ${WHAT_KK} ({entry}) көлемі ${kk('size')} — бір дереккөзге рұқсат етілгеннен көп (${kk('limit')}). Оны жасаған бағдарламада бөліп, қайта экспорттаңыз. Ештеңе импортталмады.`,
    sourceTextTooLarge: '«{file}» файлы қабылданбады: «{source}» дереккөзінің мәтіні бір дереккөзге рұқсат етілгеннен үлкен. Ештеңе импортталмады.',
    bibliographyEmpty: '«{file}» файлы бос. Библиографияны қайта экспорттап (мысалы, Zotero-дан), жаңа файлды импорттаңыз.',
    bibliographyNoEntries: '«{file}» файлында {format} жазбалары жоқ. Оның {format} файлы екенін тексеріп ({kind, select, bibtex {жазбалар {example} түрінде болады} ris {жазбалар «{start}» жолымен басталып, «{end}» жолымен аяқталады} other {CSL-JSON файлы — элементтер тізімі}}), қайта импорттаңыз.',
    bibtexBraces: BIBTEX_KK('«{key}» жазбасының жақшалары ({line}-жол) сәйкес келмейді — «\'{\'» жабылмаған немесе «\'}\'» артық'),
    bibtexAt: BIBTEX_KK('{line}-жол, {column}-баған: {detail}'),
    bibtexAtEntry: BIBTEX_KK('{line}-жол, {column}-баған («{key}» жазбасы): {detail}'),
    bibtexInvalid: BIBTEX_KK('{detail}'),
    risNoEnd: RIS_KK('{line}-жолда басталған жазбада {next}-жолдағы келесі «{start}» алдында «{end}» соңғы жолы жоқ'),
    risEndWithoutStart: RIS_KK('{line}-жол «{start}» жолымен басталмаған жазбаны жабады («{end}»)'),
    risOutside: RIS_KK('{line}-жол ешбір жазбаға кірмейді (жазбалар «{start}» жолымен басталады)'),
    risUnclosed: RIS_KK('{line}-жолда басталған жазба «{end}» жолымен жабылмаған'),
    risInvalid: RIS_KK('{detail}'),
    cslBroken: CSL_KK('JSON бұзылған ({detail})'),
    cslBrokenAt: CSL_KK('JSON {line}-жолда бұзылған ({detail})'),
    cslNotObject: CSL_KK('{item}-элемент объект емес'),
    cslTitleNotText: CSL_KK('{item}-элементтің атауы мәтін емес'),
    cslTypeNotText: CSL_KK('{item}-элементтің түрі мәтін емес'),
    cslInvalid: CSL_KK('{detail}'),
  },
});
