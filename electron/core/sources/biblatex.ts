/**
 * CSL-JSON items written as a biblatex database (biber backend), for the LaTeX export: the .bib that the exported
 * `\cite` commands refer to. Written here rather than by citation-js, whose BibTeX output is for BibTeX: it puts a
 * newspaper's name in `publisher`, a day in `month = {apr 25}`, and a source's private `note` in the entry.
 *
 * - Keys are the citation keys as they are everywhere else (XLSX "References", CSL-JSON ids): `seed`, `ap-2012-04-25`.
 * - Types follow biblatex: newspaper and magazine pieces are @article with the paper as `journaltitle` and
 *   `entrysubtype = {newspaper}`; reports @report with `institution`; web pages @online; manuscripts @unpublished.
 * - Dates are ISO 8601 / EDTF in `date` (`2012-04-25`, `2016~/2019~` for "c. 2016–2019"), access dates in `urldate`.
 * - Free text that is not part of a reference (note, annote, abstract) is never written.
 * - Every value is escaped for LaTeX (bibtex-escape.ts); capitalised words of titles are braced, so that styles
 *   which change case (biblatex-apa) keep "OSCE/ODIHR" and "Kazakhstan".
 */
import { balanceRichText, escapeForBibtex, escapeLatex } from './bibtex-escape';
import type { CslDate, CslLike, CslName } from './bibliography';

const LANGIDS: Record<string, string> = { en: 'english', 'en-us': 'american', 'en-gb': 'british', ru: 'russian', kk: 'kazakh', uk: 'ukrainian', be: 'belarusian', de: 'ngerman', fr: 'french', pl: 'polish' };

interface Entry {
  type: string;
  fields: [string, string][];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

/** "Family, Given" and {Literal} names joined by " and ", as biber reads them. */
function names(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out = (value as CslName[])
    .map((n) => {
      if (n.literal) return `{${n.literal}}`;
      const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
      if (!family) return n.given ? `{${n.given}}` : '';
      return n.given ? `${family}, ${n.given}${n.suffix ? `, ${n.suffix}` : ''}` : family;
    })
    .filter(Boolean);
  return out.length ? out.join(' and ') : undefined;
}

function pad(n: number | string): string {
  return String(n).padStart(2, '0');
}

function partsIso(parts: readonly (number | string)[] | undefined): string | null {
  if (!parts || parts.length === 0 || !/^-?\d{1,4}$/.test(String(parts[0]).trim())) return null;
  const [y, m, d] = parts.map((p) => Number(p));
  return [String(y).padStart(4, '0'), m ? pad(m) : null, m && d ? pad(d) : null].filter(Boolean).join('-');
}

/** A CSL date as EDTF for biblatex's `date`/`urldate`: "2012-04-25", "2016/2019", "2016~/2019~" (circa). */
export function edtfDate(date: CslDate | undefined): string | null {
  if (!date) return null;
  const circa = date.circa !== undefined && date.circa !== false && date.circa !== 0 && date.circa !== '';
  const mark = (iso: string) => (circa ? `${iso}~` : iso);
  const parts = date['date-parts'];
  if (parts && parts.length > 0) {
    const from = partsIso(parts[0]);
    if (!from) return null;
    const to = parts.length > 1 ? partsIso(parts[1]) : null;
    return to && to !== from ? `${mark(from)}/${mark(to)}` : mark(from);
  }
  const raw = (date.raw ?? date.literal ?? '').trim();
  const range = /^(?:(c\.|ca\.|circa|approx\.)\s*)?(\d{4})(?:\s*[-–/]\s*(\d{4}))?$/i.exec(raw);
  if (!range) return null;
  const c = circa || !!range[1];
  const m = (y: string) => (c ? `${y}~` : y);
  return range[3] ? `${m(range[2]!)}/${m(range[3])}` : m(range[2]!);
}

/** Rich text as biblatex markup: <i> and <b> as \\mkbibemph/\\mkbibbold, "nocase" spans as braces, other tags dropped. */
function richLatex(value: string): string {
  return balanceRichText(value)
    .split(/(<\/?(?:i|b|sc|sup|sub|span)(?: [^>]*)?>)/)
    .map((part, i) => {
      if (i % 2 === 0) return escapeLatex(part);
      if (part === '<i>') return '\\mkbibemph{';
      if (part === '<b>') return '\\mkbibbold{';
      if (part === '<sup>') return '\\textsuperscript{';
      if (part === '<sub>') return '\\textsubscript{';
      if (part === '<sc>' || /^<span style="font-variant:\s*small-caps;?">$/.test(part)) return '\\textsc{';
      if (/^<span class="nocase">$/.test(part)) return '{';
      if (/^<span/.test(part)) return '{';
      return '}';
    })
    .join('');
}

/**
 * A title as a biblatex field: escaped, with every capitalised word after the first braced ("{OSCE/ODIHR}",
 * "{Kazakhstan}"), so that styles which sentence-case titles (biblatex-apa) lower only what the researcher wrote in
 * lower case: whether "Takes" in a title-case title is a proper noun cannot be known, and a title printed as
 * recorded is the safer error. Words are braced before they are escaped, so no brace lands inside a command.
 */
export function protectCase(title: string): string {
  if (/<\/?(?:i|b|sc|sup|sub|span)\b/.test(title)) return richLatex(title);
  let first = true;
  return title
    .split(/(\s+)/)
    .map((w) => {
      if (!/\p{L}/u.test(w)) return escapeLatex(w);
      const capitalised = /^\P{L}*\p{Lu}/u.test(w) || (w.match(/\p{Lu}/gu) ?? []).length >= 2;
      const protect = capitalised && !first;
      first = false;
      if (!protect) return escapeLatex(w);
      // Braces round the word itself, punctuation outside: "(AP)" -> "({AP})".
      const [, pre, core, post] = /^(\P{L}*)(.*?)(\P{L}*)$/su.exec(w)!;
      return `${escapeLatex(pre!)}{${escapeLatex(core!)}}${escapeLatex(post!)}`;
    })
    .join('');
}

/** The entry of an item whose values are escaped already; `raw` is the item as recorded (its titles are escaped here). */
function entryOf(item: CslLike, raw: CslLike): Entry {
  const type = str(item.type) ?? 'document';
  const fields: [string, string][] = [];
  const add = (name: string, value: string | undefined | null) => {
    if (value) fields.push([name, value]);
  };
  const publisher = str(item.publisher);
  const container = str(item['container-title']);
  let bibType: string;
  switch (type) {
    case 'article-newspaper':
    case 'article-magazine':
      bibType = 'article';
      add('entrysubtype', type === 'article-newspaper' ? 'newspaper' : 'magazine');
      add('journaltitle', container ?? publisher);
      break;
    case 'article-journal':
    case 'review':
      bibType = 'article';
      add('journaltitle', container);
      break;
    case 'book':
      bibType = 'book';
      add('publisher', publisher);
      break;
    case 'chapter':
    case 'paper-conference':
      bibType = type === 'chapter' ? 'incollection' : 'inproceedings';
      add('booktitle', container);
      add('publisher', publisher);
      break;
    case 'report':
      bibType = 'report';
      add('institution', publisher);
      break;
    case 'thesis':
      bibType = 'thesis';
      add('type', str(item.genre) ?? 'Thesis');
      add('institution', publisher);
      break;
    case 'manuscript':
      bibType = 'unpublished';
      add('howpublished', publisher);
      break;
    case 'webpage':
    case 'post':
    case 'post-weblog':
      bibType = 'online';
      add('organization', container ?? publisher);
      break;
    default:
      // Legislation, interviews, generic articles, documents: @misc (every style has it), or @online on the web.
      bibType = str(item.URL) && !['legislation', 'interview', 'bill', 'treaty'].includes(type) ? 'online' : 'misc';
      add('type', type === 'interview' ? 'Interview' : undefined);
      add('organization', publisher ?? container);
  }
  add('author', names(item.author));
  add('editor', names(item.editor));
  add('translator', names(item.translator));
  const title = str(raw.title);
  add('title', title ? protectCase(title) : undefined);
  const short = str(raw['title-short']);
  add('shorttitle', short ? protectCase(short) : undefined);
  const issued = item.issued as CslDate | undefined;
  const date = edtfDate(issued);
  add('date', date);
  // A date in words ("n.d.", "consolidated after 2007") is kept as written.
  if (!date) add('year', str(issued?.literal) ?? str(issued?.raw));
  add('urldate', edtfDate(item.accessed as CslDate | undefined));
  add('location', str(item['publisher-place']));
  add('volume', str(item.volume));
  add('number', str(item.issue) ?? str(item.number));
  add('pages', str(item.page)?.replace(/\s*[-–]\s*/g, '--'));
  add('edition', str(item.edition));
  add('series', str(item['collection-title']));
  const lang = str(item.language)?.toLowerCase();
  add('langid', lang ? (LANGIDS[lang] ?? LANGIDS[lang.split('-')[0]!]) : undefined);
  add('url', str(item.URL));
  add('doi', str(item.DOI));
  return { type: bibType, fields };
}

/** A key biber accepts as it is; the app's keys ([A-Za-z0-9_:.-]) always are. */
function bibKey(id: unknown): string {
  const key = String(id ?? 'item');
  return /^[A-Za-z0-9_:./+-]+$/.test(key) ? key : key.replace(/[^A-Za-z0-9_:./+-]+/g, '-');
}


/** The items as a biblatex .bib (UTF-8), one entry per item, keys as given by each item's id. */
export function formatBiblatex(items: ReadonlyArray<CslLike>): string {
  return items
    .map((item) => {
      const { type, fields } = entryOf(escapeForBibtex({ ...item }), item);
      return `@${type}{${bibKey(item.id)},\n${fields.map(([name, value]) => `\t${name} = {${value}},`).join('\n')}\n}`;
    })
    .join('\n\n')
    .concat(items.length ? '\n' : '');
}
