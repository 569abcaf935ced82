/**
 * What citeproc is given, and what is done with what it gives back, so that citations are right by construction
 * rather than by string concatenation (issue 15, finding 4):
 * - dates recorded in words that are really ranges ("c. 2016-2019") become CSL date ranges (with `circa`), so the
 *   style prints its own range dash and approximation ("ca. 2016–2019", "[2016–2019?]");
 * - a "legislation" record with nothing a legal citation is built from (no code, number or section) is given as a
 *   document: styles build statutes as "Title, Code § n (year)", and without the code and section print a dangling
 *   comma (APA: "… 13 July 2006, (2006)");
 * - bibliography entries begin every sentence with a capital ("… 2016.” Unknown (probably …)"), which citeproc
 *   leaves to the data;
 * - a quotation followed by an author-date citation takes the citation inside the sentence (APA 8.25):
 *   “… were made” (OSCE/ODIHR, 2010).
 * - sources without data the style prints (Harvard's "Accessed" date of web sources) are listed as warnings.
 */
import type { CslItem } from '../../contract/api';
import type { Notice } from '../../contract/errors';
import { localText } from '../../contract/i18n/format';
import { text, type Cite, type Inline } from './inline';

type DatePart = (number | string)[];

/** A date recorded as text, read as a year or a range of years: "2016", "c. 2016-2019", "ca. 2016–19" (no other words). */
export function dateFromText(value: string): { 'date-parts': DatePart[]; circa?: true } | null {
  const match = /^\s*(c\.|ca\.|circa|approx\.|~)?\s*(\d{4})(?:\s*[-–/]\s*(\d{2}|\d{4}))?\s*\??\s*$/i.exec(value);
  if (!match) return null;
  const from = Number(match[2]);
  const to = match[3] ? Number(match[3].length === 2 ? `${match[2]!.slice(0, 2)}${match[3]}` : match[3]) : null;
  if (to !== null && to <= from) return null;
  return { 'date-parts': to !== null ? [[from], [to]] : [[from]], ...(match[1] ? { circa: true as const } : {}) };
}

/**
 * The date fields of an item with literal ranges turned into CSL ranges. A style that cannot say a date is
 * approximate (no `is-uncertain-date` test: Harvard) would print "c. 2016-2019" as "2016–2019": for it an
 * approximate range stays in words, with its en dash ("c. 2016–2019").
 */
export function datesForCiteproc(item: CslItem, out: CslItem, styleXml: string): void {
  for (const field of ['issued', 'original-date', 'event-date']) {
    const date = item[field] as { literal?: unknown; raw?: unknown; 'date-parts'?: unknown } | undefined;
    if (!date || date['date-parts']) continue;
    const words = typeof date.literal === 'string' ? date.literal : typeof date.raw === 'string' ? date.raw : null;
    const parsed = words ? dateFromText(words) : null;
    if (!parsed) continue;
    out[field] = parsed.circa && !/is-uncertain-date=/.test(styleXml) ? { literal: words!.trim().replace(/(\d)\s*-\s*(\d)/, '$1–$2') } : parsed;
  }
}

const LEGAL_PARTS = ['container-title', 'number', 'section', 'chapter-number', 'authority', 'volume', 'page'];

/** "legislation" with none of the parts of a legal citation is cited as the document it is (see above). */
export function typeForCiteproc(item: CslItem): string | undefined {
  if (item.type === 'legislation' && !LEGAL_PARTS.some((p) => item[p] !== undefined && item[p] !== '')) return 'document';
  return undefined;
}

const ABBREVIATIONS = new Set(['c', 'ca', 'cf', 'e.g', 'i.e', 'vs', 'p', 'pp', 'n', 'nn', 'no', 'nos', 'vol', 'vols', 'ed', 'eds', 'trans', 'al', 'ch', 'sec', 'para', 'n.d', 'mr', 'mrs', 'dr', 'st', 'jr']);

/**
 * A bibliography entry (citeproc's HTML) with every sentence begun by a capital: a lower-case letter after a full
 * stop (and any closing quotation mark, bracket or tag) becomes a capital, unless the stop ends an abbreviation
 * ("c. 2016", "e.g. the").
 */
export function capitaliseSentences(html: string): string {
  return html.replace(/(^|[^\s>]+(?:<\/[a-z]+>)*)([.?!])([”’"»)\]]*(?:<\/[a-z]+>)*[”’"»)\]]*\s+(?:<[a-z][^>]*>)*[“‘"«]*)(\p{Ll})(?![\p{L}\d+.-]*:\/\/)(?!ww\w*\.)/gu, (whole, word: string, stop: string, between: string, letter: string) => {
    const bare = word.replace(/<[^>]*>/g, '').replace(/^[^\p{L}]+/u, '').toLowerCase();
    if (stop === '.' && (ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare))) return whole;
    return `${word}${stop}${between}${letter.toLocaleUpperCase()}`;
  });
}

/**
 * A quotation and its citation, in the order the style needs: a note reference after the closing quotation mark
 * (“… were made.”¹); an author-date citation before the sentence's full stop, which moves out of the quotation
 * (“… were made” (OSCE/ODIHR, 2010).). Question and exclamation marks stay inside and the full stop follows.
 */
export function quotedWithCite(body: string, cite: Cite | null, paraphrase?: string): Inline[] {
  const value = body.trim();
  // A paraphrase is marked with the word for it in the export's language ("(paraphrase)", "(пересказ)").
  const words = (v: string): Inline[] => (paraphrase ? [text(v), text(` (${paraphrase})`, { italic: true })] : [text(`“${v}”`)]);
  if (!cite) return words(value);
  if (cite.noteNumber !== null) return [...words(value), { cite }];
  if (/[^.]\.$/.test(value)) return [...words(value.slice(0, -1)), { cite }, text('.')];
  if (/[?!]$/.test(value)) return [...words(value), { cite }, text('.')];
  return [...words(value), { cite }];
}

/**
 * Whether the style prints the access date of every web source (Harvard: "Available at: URL (Accessed: …)"): the
 * date is in the branch for a URL with no further condition. Chicago and APA print it only for undated sources.
 */
export function accessDateAlways(styleXml: string): boolean {
  for (const m of styleXml.matchAll(/<(?:else-)?if variable="URL"[^>]*>([\s\S]*?)<\/(?:if|else-if)>/g)) {
    const branch = m[1]!;
    const at = branch.indexOf('variable="accessed"');
    if (at >= 0 && !/<if\b/.test(branch.slice(0, at))) return true;
  }
  return false;
}

/** Sources that lack what the style prints: web sources without the access date the style gives them. */
export function missingDataWarnings(styleXml: string, styleTitle: string, items: readonly CslItem[]): Notice[] {
  const warnings: Notice[] = [];
  if (/variable="accessed"/.test(styleXml)) {
    const always = accessDateAlways(styleXml);
    const missing = items
      .filter((i) => typeof i.URL === 'string' && i.URL.trim() !== '' && !i.accessed && (always || !i.issued))
      .map((i) => String(i.id));
    if (missing.length > 0) {
      warnings.push(
        localText({
          id: 'exportWarnings.accessDate',
          values: { style: styleTitle, always: always ? 'yes' : 'no', count: missing.length, sources: missing.slice(0, 12).join(', '), more: Math.max(0, missing.length - 12) },
        }),
      );
    }
  }
  return warnings;
}

const escapeHtml = (value: string) => value.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
const plainOf = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[name.toLowerCase()] ?? '';
  });
}

/** The words a reader alphabetises by: quotation marks, brackets and case ignored. */
const sortKey = (plain: string) => plain.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[“”‘’"«»]/g, '');

/**
 * The bibliography in alphabetical order as printed, with unsigned newspaper and magazine pieces under the paper's
 * name in italics (CMOS 14.206). Styles that list such pieces under the paper sort them by their title (citeproc
 * sorts by the style's sort key, not by what it prints): "Belsat" came after "Eurasianet". Entries whose author is
 * replaced by the style's "———" sort under that author; the dash is kept for every entry that follows one by the
 * same author.
 */
export function bibliographyAsPrinted(entries: readonly { sourceId: string; html: string }[], styleXml: string, items: ReadonlyMap<string, CslItem>): { sourceId: string; html: string }[] {
  const raw = /subsequent-author-substitute="([^"]+)"/.exec(styleXml)?.[1] ?? null;
  const substitute = raw === null ? null : decodeEntities(raw);
  let previousAuthor = '';
  const expanded = entries.map((entry, index) => {
    let html = entry.html;
    const item = items.get(entry.sourceId);
    const container = typeof item?.['container-title'] === 'string' ? item['container-title'] : '';
    if (item && /^article-(newspaper|magazine)$/.test(String(item.type)) && !item.author && container) {
      const lead = /^(\s*(?:<div[^>]*>\s*)?)/.exec(html)![1]!;
      if (html.slice(lead.length).startsWith(escapeHtml(container))) html = `${lead}<i>${escapeHtml(container)}</i>${html.slice(lead.length + escapeHtml(container).length)}`;
    }
    const printed = plainOf(html);
    let plain = printed;
    let author = '';
    if (substitute && plain.startsWith(substitute)) {
      author = previousAuthor;
      plain = author + plain.slice(substitute.length);
    } else if (substitute) {
      // The author is what a following "———" stands for: the text up to the first ". " (or ", ").
      const stop = plain.search(/[.,] /);
      author = stop > 0 ? plain.slice(0, stop) : '';
    }
    previousAuthor = author;
    // The entry as citeproc wrote it is read once when it was not changed above (5,000 entries at XL).
    const original = html === entry.html ? printed : plainOf(entry.html);
    return { ...entry, html, plain, key: sortKey(plain), author, index, dashed: !!substitute && original.startsWith(substitute) };
  });
  // One collator for the whole sort (localeCompare with options builds one per comparison: 60 ms for 2,000 sources).
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  const sorted = [...expanded].sort((a, b) => collator.compare(a.key, b.key) || a.index - b.index);
  return sorted.map((entry, i) => {
    const before = sorted[i - 1];
    if (entry.dashed && (!before || before.author !== entry.author)) {
      // First of its author's works now: the name instead of the dash.
      const html = entry.html.includes(substitute!) ? entry.html.replace(substitute!, escapeHtml(entry.author)) : entry.html.replace(raw!, escapeHtml(entry.author));
      return { sourceId: entry.sourceId, html };
    }
    return { sourceId: entry.sourceId, html: entry.html };
  });
}
