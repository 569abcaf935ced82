import { defineMessages } from './define';

/**
 * What an export warns about (the export dialog's list, the command line's "warning:" lines): sentences for the
 * researcher, in the interface's language, whatever language the export itself is written in.
 */
export const exportWarnings = defineMessages({
  en: {
    noKazakhLocale:
      'There is no Kazakh CSL locale: the headings, captions and notes are in Kazakh, and the citations use Russian terms ({locale}). Give {option} to choose another.',
    accessDate:
      '{style} gives the date a web source was accessed ("Accessed: …"){always, select, yes {} other { when it has no date}}, and {count, plural, one {# cited source has} other {# cited sources have}} a web address but no access date: {sources}{more, plural, =0 {} one { and # more} other { and # more}}. Their references are printed without it; add the date in each source’s details (Accessed) and export again.',
    glyphsMissing: 'The bundled fonts have no glyphs for {chars}{more, plural, =0 {} one { and # more} other { and # more}}; the PDF shows them in a system font.',
    sansMissing: 'The font package {pkg} is not installed: labels are set in {serif}.',
    pdfInfo: 'The PDF’s author and subject could not be set (unexpected PDF structure); its title is set.',
  },
  ru: {
    noKazakhLocale:
      'Для казахского языка нет локали CSL: заголовки, подписи и примечания написаны по-казахски, а в ссылках используются русские термины ({locale}). Укажите {option}, чтобы выбрать другую.',
    accessDate:
      '{style} указывает дату обращения к веб-источнику{always, select, yes {} other {, если у него нет даты}}, а у {count, plural, one {# цитируемого источника} few {# цитируемых источников} many {# цитируемых источников} other {# цитируемого источника}} есть веб-адрес, но нет даты обращения: {sources}{more, plural, =0 {} one { и ещё #} few { и ещё #} many { и ещё #} other { и ещё #}}. Их ссылки напечатаны без неё; добавьте дату обращения в сведения каждого источника и экспортируйте снова.',
    glyphsMissing: 'Во встроенных шрифтах нет глифов для {chars}{more, plural, =0 {} one { и ещё #} few { и ещё #} many { и ещё #} other { и ещё #}}; в PDF они показаны системным шрифтом.',
    sansMissing: 'Пакет шрифтов {pkg} не установлен: подписи набраны шрифтом {serif}.',
    pdfInfo: 'Не удалось указать автора и тему PDF (неожиданная структура PDF); заглавие указано.',
  },
  kk: {
    noKazakhLocale:
      'Қазақ тіліне арналған CSL локалі жоқ: тақырыптар, жазбалар мен ескертпелер қазақша, ал сілтемелерде орыс терминдері ({locale}) қолданылады. Басқасын таңдау үшін {option} көрсетіңіз.',
    accessDate:
      '{style} веб-дереккөзге қаралған күнді көрсетеді{always, select, yes {} other {, егер оның күні болмаса}}, ал {count} дәйексөз келтірілген дереккөздің веб-мекенжайы бар, бірақ қаралған күні жоқ: {sources}{more, plural, =0 {} one { және тағы #} other { және тағы #}}. Олардың сілтемелері онсыз басылды; әр дереккөздің мәліметтеріне қаралған күнді қосып, қайта экспорттаңыз.',
    glyphsMissing: 'Кірістірілген қаріптерде {chars}{more, plural, =0 {} one { және тағы #} other { және тағы #}} үшін глифтер жоқ; PDF оларды жүйелік қаріппен көрсетеді.',
    sansMissing: '{pkg} қаріп пакеті орнатылмаған: белгілер {serif} қаріпімен терілген.',
    pdfInfo: 'PDF авторы мен тақырыбын орнату мүмкін болмады (PDF құрылымы күтпеген); атауы орнатылды.',
  },
});
