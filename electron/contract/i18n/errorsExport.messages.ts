import { defineMessages } from './define';

/** Errors of exports: formats, options and where the file goes (see errors.messages.ts). */
export const errorsExport = defineMessages({
  en: {
    unknownFormat: 'Unknown format "{format}". Choose one of: {formats}.',
    sayWhere: 'Say where to write the export.',
    paper: 'The paper must be {a4} or {letter}, not "{value}".',
    exportNotWritten: 'The export could not be written: {reason}',
    outIsFolder: '{path} is a folder; give a file name.',
    overProject: 'An export cannot replace the project file itself.',
    noNorms: 'The project has no norms to export.',
    noCases: 'The project has no cases to export.',
    sayWhichCase: 'Say which case to export (for example {example}).',
    cancelled: 'The export was cancelled. Nothing was written.',
    unknownKind: 'Unknown export "{kind}". Choose one of: {kinds}.',
  },
  ru: {
    unknownFormat: 'Неизвестный формат «{format}». Выберите один из: {formats}.',
    sayWhere: 'Укажите, куда записать экспорт.',
    paper: 'Формат бумаги должен быть {a4} или {letter}, а не «{value}».',
    exportNotWritten: 'Экспорт не удалось записать: {reason}',
    outIsFolder: '{path} — это папка; укажите имя файла.',
    overProject: 'Экспорт не может заменить сам файл проекта.',
    noNorms: 'В проекте нет норм для экспорта.',
    noCases: 'В проекте нет кейсов для экспорта.',
    sayWhichCase: 'Укажите, какой кейс экспортировать (например, {example}).',
    cancelled: 'Экспорт отменён. Ничего не записано.',
    unknownKind: 'Неизвестный вид экспорта «{kind}». Выберите один из: {kinds}.',
  },
  kk: {
    unknownFormat: 'Белгісіз пішім: «{format}». Мыналардың бірін таңдаңыз: {formats}.',
    sayWhere: 'Экспортты қайда жазу керегін көрсетіңіз.',
    paper: 'Қағаз пішімі {a4} немесе {letter} болуы керек, «{value}» емес.',
    exportNotWritten: 'Экспортты жазу мүмкін болмады: {reason}',
    outIsFolder: '{path} — қалта; файл атауын беріңіз.',
    overProject: 'Экспорт жоба файлының өзін алмастыра алмайды.',
    noNorms: 'Жобада экспортталатын нормалар жоқ.',
    noCases: 'Жобада экспортталатын кейстер жоқ.',
    sayWhichCase: 'Қай кейсті экспорттау керегін көрсетіңіз (мысалы, {example}).',
    cancelled: 'Экспорт тоқтатылды. Ештеңе жазылмады.',
    unknownKind: 'Белгісіз экспорт түрі: «{kind}». Мыналардың бірін таңдаңыз: {kinds}.',
  },
});
