/**
 * Bibliographic metadata in and out: BibTeX/BibLaTeX, RIS and CSL-JSON parsed to plain CSL-JSON items with
 * citation-js 0.8, and CSL-JSON items written back as BibTeX or CSL-JSON. Pure functions over strings.
 *
 * Quirks handled here (citation-js 0.8.2):
 * - BibTeX output escapes every non-ASCII character unless the plugin's `format.asciiOnly` config is false; with it
 *   on, Cyrillic is *dropped* (not escaped). It is switched off around each call.
 * - Literal fields that biblatex treats as lists (institution, publisher, location) come back as arrays when they
 *   contain " and " ("Office for Democratic Institutions and Human Rights"); they are joined again.
 * - Items without an id (RIS, CSL-JSON) get a random `temp_id_...`; they get a stable readable key instead.
 * - RIS dates like "2006/02/21/" come back as { raw }; they are turned into date-parts.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { displayName, type FileErrorId, ImportError } from '../documents/import-error';
import { escapeForBibtex } from './bibtex-escape';

export type BibliographyFormat = 'bibtex' | 'ris' | 'csl-json';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
  literal?: string;
  season?: number | string;
  circa?: boolean | number | string;
}

/** A CSL-JSON item as citation-js produces it: a plain JSON object, with the common fields typed. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  'citation-key'?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  URL?: string;
  DOI?: string;
  page?: string;
  language?: string;
  archive_location?: string;
  [field: string]: unknown;
}

/** Anything shaped like a CSL item (the API's CslItem is a plain record). */
export type CslLike = { readonly [field: string]: unknown };

const FORMAT_LABEL: Record<BibliographyFormat, string> = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

/** Parses a bibliography file. Throws ImportError('malformed-bibliography') naming the file (and line/entry). */
export function parseBibliography(text: string, format: BibliographyFormat, fileName: string): CslItem[] {
  const name = displayName(fileName);
  const source = text.replace(/^\uFEFF/, '');
  const fail: Fail = (id, values = {}, cause) => new ImportError('malformed-bibliography', fileName, id, { file: name, ...values }, { cause });
  if (source.trim() === '') {
    throw new ImportError('malformed-bibliography', fileName, 'errorsFiles.bibliographyEmpty', { file: name });
  }

  let raw: Record<string, unknown>[];
  switch (format) {
    case 'bibtex':
      raw = parseBibtex(source, fail);
      break;
    case 'ris':
      raw = parseRis(source, fail);
      break;
    case 'csl-json':
      raw = parseCslJson(source, fail);
      break;
  }
  if (raw.length === 0) {
    throw new ImportError('malformed-bibliography', fileName, 'errorsFiles.bibliographyNoEntries', {
      file: name,
      format: FORMAT_LABEL[format],
      kind: format,
      example: '@article{key, ...}',
      ...RIS_MARKS,
    });
  }
  const items = raw.map(cleanItem);
  assignIds(items);
  return items;
}

/** The start and end lines of a RIS entry, as the messages quote them. */
const RIS_MARKS = { start: 'TY  - ', end: 'ER  - ' };

type Fail = (id: FileErrorId, values?: Record<string, string | number>, cause?: unknown) => ImportError;

function parseBibtex(text: string, fail: Fail): Record<string, unknown>[] {
  const unbalanced = unbalancedBibtexEntry(text);
  if (unbalanced) {
    throw fail('errorsFiles.bibtexBraces', { key: unbalanced.key, line: unbalanced.line });
  }
  try {
    return new Cite(text, { forceType: '@biblatex/text', generateGraph: false }).data;
  } catch (error) {
    const { id, values } = describeGrammarError(text, error);
    throw fail(id, values, error);
  }
}

const BIBTEX_ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s{}()]*)/;

/** The first entry whose braces do not balance before the next entry starts (the usual Zotero-export breakage). */
function unbalancedBibtexEntry(text: string): { key: string; line: number } | null {
  const lines = text.split(/\r?\n/);
  const starts: { key: string; line: number }[] = [];
  lines.forEach((line, i) => {
    const match = BIBTEX_ENTRY_START.exec(line);
    if (match && !/^(comment|preamble|string)$/i.test(match[1]!)) starts.push({ key: match[2] || `@${match[1]}`, line: i + 1 });
  });
  for (let s = 0; s < starts.length; s++) {
    const start = starts[s]!;
    const end = s + 1 < starts.length ? starts[s + 1]!.line - 1 : lines.length;
    const body = lines.slice(start.line - 1, end).join('\n').replace(/\\[{}]/g, '');
    let depth = 0;
    for (const ch of body) {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    if (depth !== 0) return start;
  }
  return null;
}

/** Turns citation-js's grammar error ("expected x, got y at line 2 col 3: ...") into a short located message. */
function describeGrammarError(text: string, error: unknown): { id: FileErrorId; values: Record<string, string | number> } {
  const message = error instanceof Error ? error.message : String(error);
  const located = /^(.*?) at line (\d+) col (\d+)/.exec(message);
  if (!located) return { id: 'errorsFiles.bibtexInvalid', values: { detail: (message.split('\n')[0] ?? 'unreadable input').replace(/[.\s]+$/, '') } };
  const line = Number(located[2]);
  let key: string | null = null;
  text
    .split(/\r?\n/)
    .slice(0, line)
    .forEach((l) => {
      const match = BIBTEX_ENTRY_START.exec(l);
      if (match?.[2]) key = match[2];
    });
  const detail = located[1]!.replace(/"/g, "'");
  return key ? { id: 'errorsFiles.bibtexAtEntry', values: { line, column: located[3]!, key, detail } } : { id: 'errorsFiles.bibtexAt', values: { line, column: located[3]!, detail } };
}

const RIS_TAG = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

/** RIS is line based: citation-js skips what it does not understand, so the structure is checked here first. */
function parseRis(text: string, fail: Fail): Record<string, unknown>[] {
  const lines = text.split(/\r?\n/);
  let open: number | null = null;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const tag = RIS_TAG.exec(line.trimEnd())?.[1];
    if (tag === 'TY') {
      if (open !== null) throw fail('errorsFiles.risNoEnd', { line: open, next: i + 1, ...RIS_MARKS });
      open = i + 1;
    } else if (tag === 'ER') {
      if (open === null) throw fail('errorsFiles.risEndWithoutStart', { line: i + 1, ...RIS_MARKS });
      open = null;
    } else if (open === null) {
      throw fail('errorsFiles.risOutside', { line: i + 1, ...RIS_MARKS });
    }
    // Untagged lines inside an entry are continuation lines (long abstracts): citation-js joins them.
  });
  if (open !== null) throw fail('errorsFiles.risUnclosed', { line: open, ...RIS_MARKS });
  try {
    return new Cite(text, { forceType: '@ris/file', generateGraph: false }).data.map(newsAuthors);
  } catch (error) {
    throw fail('errorsFiles.risInvalid', { detail: libraryDetail(error) }, error);
  }
}

/** citation-js maps the AU of a RIS "NEWS" record to `reporter` (a plain string in CSL): make them authors again. */
function newsAuthors(item: Record<string, unknown>): Record<string, unknown> {
  const reporter = item.reporter;
  if (item.type !== 'article-newspaper' || item.author !== undefined || reporter === undefined) return item;
  const names = (Array.isArray(reporter) ? reporter : [reporter]).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  if (names.length === 0) return item;
  const { reporter: _reporter, ...rest } = item;
  return {
    ...rest,
    author: names.map((n): CslName => {
      const [family, ...given] = n.split(',').map((part) => part.trim());
      return given.length > 0 && family ? { family, given: given.join(', ') } : { literal: n.trim() };
    }),
  };
}

function parseCslJson(text: string, fail: Fail): Record<string, unknown>[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const detail = message.replace(/ in JSON at position \d+.*$/, '').replace(/[.\s]+$/, '');
    if (position) throw fail('errorsFiles.cslBrokenAt', { line: text.slice(0, Number(position[1])).split('\n').length, detail }, error);
    throw fail('errorsFiles.cslBroken', { detail }, error);
  }
  if (json && typeof json === 'object' && !Array.isArray(json) && Array.isArray((json as { items?: unknown }).items)) json = (json as { items: unknown[] }).items;
  const list = Array.isArray(json) ? json : [json];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw fail('errorsFiles.cslNotObject', { item: i + 1 });
    const { title, type } = item as { title?: unknown; type?: unknown };
    if (title !== undefined && typeof title !== 'string') throw fail('errorsFiles.cslTitleNotText', { item: i + 1 });
    if (type !== undefined && typeof type !== 'string') throw fail('errorsFiles.cslTypeNotText', { item: i + 1 });
  });
  if (list.length === 0) return [];
  try {
    return new Cite(list, { forceType: '@csl/list+object', generateGraph: false }).data;
  } catch (error) {
    throw fail('errorsFiles.cslInvalid', { detail: libraryDetail(error) }, error);
  }
}

/** The first line of a parser's own error, quoted as it is in the message. */
function libraryDetail(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/[.\s]+$/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Cleaning

const NAME_FIELDS = new Set(['author', 'editor', 'translator', 'director', 'interviewer', 'recipient', 'collection-editor', 'composer', 'container-author', 'editorial-director', 'illustrator', 'original-author', 'reviewed-author', 'chair', 'compiler', 'contributor', 'curator', 'executive-producer', 'guest', 'host', 'narrator', 'organizer', 'performer', 'producer', 'script-writer', 'series-creator']);
const DATE_FIELDS = ['issued', 'accessed', 'submitted', 'original-date', 'event-date', 'available-date'];
/** biblatex language names (langid) to BCP 47, for the languages this app's users work in. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', american: 'en-US', british: 'en-GB', russian: 'ru', kazakh: 'kk', ukrainian: 'uk', belarusian: 'be',
  german: 'de', ngerman: 'de', french: 'fr', polish: 'pl', spanish: 'es', italian: 'it', uzbek: 'uz', kyrgyz: 'ky',
};

function deepNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(deepNfc);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepNfc(v)]));
  return value;
}

function normaliseDate(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const date = value as CslDate;
  if (date['date-parts'] || typeof date.raw !== 'string') return value;
  const match = /^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?\/?\s*$/.exec(date.raw);
  if (!match) return value;
  const parts = [Number(match[1])];
  if (match[2] && Number(match[2]) >= 1 && Number(match[2]) <= 12) {
    parts.push(Number(match[2]));
    if (match[3] && Number(match[3]) >= 1 && Number(match[3]) <= 31) parts.push(Number(match[3]));
  }
  return { 'date-parts': [parts] };
}

/** A plain, JSON-safe CSL item: no citation-js internals, NFC text, list-split literals joined, dates as parts. */
function cleanItem(input: Record<string, unknown>): CslItem {
  const item: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('_') || value === undefined) continue;
    if (!NAME_FIELDS.has(key) && key !== 'categories' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      item[key] = value.join(' and ');
    } else {
      item[key] = value;
    }
  }
  for (const key of DATE_FIELDS) if (key in item) item[key] = normaliseDate(item[key]);
  if (typeof item.language === 'string') item.language = LANGUAGE_NAMES[item.language.toLowerCase()] ?? item.language;
  if (typeof item.type !== 'string' || item.type === '') item.type = 'document';
  const clean = deepNfc(JSON.parse(JSON.stringify(item))) as CslItem;
  if (typeof clean.id === 'number') clean.id = String(clean.id);
  return clean;
}

// ---------------------------------------------------------------------------------------------------------------
// Keys

/** Russian, Kazakh, Ukrainian and Belarusian letters to ASCII, for citation keys only. */
const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
  і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'u',
};

function asciiWord(text: string): string {
  return Array.from(text.toLowerCase())
    .map((ch) => TRANSLIT[ch] ?? ch)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** A key that is safe everywhere: BibTeX labels, the app's citation keys, file names. */
const SAFE_KEY = /^[A-Za-z0-9_]{1,100}$/;

function safeKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const key = value.replace(/[-:.]/g, '_');
  return SAFE_KEY.test(key) && !/^temp_id_/.test(key) ? key : null;
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'on', 'and', 'in', 'o', 'ob', 'v', 'na', 'i']);

/** family name + year + first significant title word, transliterated: "ivanov2008vybory". */
function generatedKey(item: CslLike): string {
  const people = (item.author ?? item.editor) as CslName[] | undefined;
  const who = asciiWord(people?.[0]?.family ?? people?.[0]?.literal ?? '').slice(0, 20);
  const words = String(item.title ?? '').split(/\s+/).map(asciiWord).filter(Boolean);
  const what = (words.find((w) => !STOP_WORDS.has(w)) ?? words[0] ?? '').slice(0, 16);
  return `${who}${yearOf(item) ?? ''}${what}` || 'item';
}

function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let i = 0; taken.has(key); i++) key = base + (i < 26 ? String.fromCharCode(97 + i) : String(i));
  taken.add(key);
  return key;
}

/** What the app accepts as a citation key as it is (see electron/core/evidence.ts). */
const ID_LIKE = /^[A-Za-z0-9_:.-]{1,100}$/;

/** Stable ids: the citation key, else a safe id, else family+year+title word; unique within the list. */
function assignIds(items: CslItem[]): void {
  const taken = new Set<string>();
  for (const item of items) {
    const keyed = safeKey(item['citation-key']) ?? (typeof item.id === 'string' && ID_LIKE.test(item.id) && !item.id.startsWith('temp_id_') ? item.id : null);
    item.id = uniqueKey(keyed ?? generatedKey(item), taken);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output

/** Writes items as BibTeX (UTF-8, Cyrillic kept readable, keys stable) or as pretty CSL-JSON. */
export function formatBibliography(items: ReadonlyArray<CslLike>, format: 'bibtex' | 'csl-json'): string {
  const clean = items.map((item) => cleanItem(JSON.parse(JSON.stringify(item)) as Record<string, unknown>));
  if (format === 'csl-json') return `${JSON.stringify(clean, null, 2)}\n`;

  const taken = new Set<string>();
  for (const item of clean) {
    const key = uniqueKey(safeKey(item['citation-key']) ?? safeKey(item.id) ?? generatedKey(item), taken);
    item.id = key;
    item['citation-key'] = key;
  }
  if (clean.length === 0) return '';
  const config = plugins.config.get('@bibtex') as { format: { asciiOnly: boolean } };
  const previous = config.format.asciiOnly;
  config.format.asciiOnly = false;
  try {
    const escaped = clean.map((item) => escapeForBibtex(item));
    const text = new Cite(escaped, { forceType: '@csl/list+object', generateGraph: false }).format('bibtex', { format: 'text' });
    return `${text.trim()}\n`;
  } finally {
    config.format.asciiOnly = previous;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Duplicates

function yearOf(item: CslLike): number | null {
  const issued = item.issued as CslDate | undefined;
  const first = issued?.['date-parts']?.[0]?.[0];
  if (typeof first === 'number' && Number.isFinite(first)) return first;
  if (typeof first === 'string' && /^-?\d{1,4}$/.test(first.trim())) return Number(first);
  const raw = issued?.raw ?? issued?.literal;
  const match = typeof raw === 'string' ? /\b(\d{4})\b/.exec(raw) : null;
  return match ? Number(match[1]) : null;
}

/** Unicode case folding for comparison: NFKC, lower case, ß/ς folded, ё as е (often written without dots). */
export function foldForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ')
    .replace(/ё/g, 'е')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A key for duplicate detection on import: "doi:<doi lower-cased>" when the item has a DOI, else the case-folded
 * title with punctuation and spaces collapsed, "|", and the year ("" when unknown). An item with neither DOI nor
 * title gets a key from its id, so untitled items are never taken for each other.
 */
export function duplicateKey(item: CslLike): string {
  const doi = typeof item.DOI === 'string' ? item.DOI.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '').toLowerCase() : '';
  if (doi !== '') return `doi:${doi}`;
  const title = typeof item.title === 'string' ? foldForComparison(item.title) : '';
  if (title === '') return `untitled:${String(item.id ?? '')}`;
  return `${title}|${yearOf(item) ?? ''}`;
}
