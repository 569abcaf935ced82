/**
 * Citations with citeproc-js and the bundled CSL styles and locales (assets/csl). One `CitationSession` per export:
 * the document builders ask for citation clusters in reading order, then `finish()` formats them all at once (so
 * note styles get their first/subsequent/ibid forms and author-date styles their disambiguation), and
 * `bibliography()` lists exactly the sources cited.
 *
 * Privacy: an interview's author is its participant's pseudonym, whatever the stored CSL says (exportCsl).
 *
 * citeproc quirks handled here (citeproc 2.4.63):
 * - Given names starting with Cyrillic capitals outside U+0410–U+042F (Kazakh Қ Ә Ұ Ө Ү Ғ Ң Һ) are not initialised
 *   by styles that initialise (APA, Harvard) and leave a double space: "Тоқаев,  Қасым-Ж.". Such names are
 *   initialised here before citeproc sees them ("Қ.-Ж."), and double spaces are collapsed in all output.
 * - Items without a language are title-cased by English styles (Chicago), which is wrong for Russian or Kazakh
 *   titles: items whose title is in Cyrillic get a language (kk when it has Kazakh letters, else ru).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type CSL from 'citeproc';
import type { Citation, CitationItem } from 'citeproc';
import type { CslItem, ParticipantDto, SourceDto } from '../../contract/api';
import type { ApiError, Notice } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';
import { assetsDir, builtWorkerScript } from '../paths';
import { runOnceInWorker } from '../worker-once';
import type { CitationStore, FormattedCitations } from './citation-cache';
import { bibliographyAsPrinted, capitaliseSentences, datesForCiteproc, missingDataWarnings, typeForCiteproc } from './csl-input';
import { engineFor, formatAll, localeFileIn, localesIn, StyleNotLoadedError, type FormatInput } from './citeproc-format';
import { LOCALE_FIXES_VERSION, monthAloneAsSeason } from './i18n/csl-locale';
import { htmlToRuns, tidyRuns, type Cite, type TextRun } from './inline';
import { exportCancelled, type BundledStyle } from './types';

const STYLE_FILES: Record<BundledStyle, string> = {
  'chicago-note': 'chicago-note-bibliography.csl',
  apa: 'apa.csl',
  harvard: 'harvard-cite-them-right.csl',
};

export interface CitationStyle {
  /** 'chicago-note', 'apa', 'harvard' or the file name of the user's style. */
  name: string;
  title: string;
  xml: string;
  /** A note style: citations are footnotes, not author-date text. */
  note: boolean;
  /** Whether the style initialises given names (then Kazakh given names are initialised for it). */
  initialises: boolean;
  defaultLocale: string | null;
  hasBibliography: boolean;
}

export function cslDir(): string {
  return path.join(assetsDir(), 'csl');
}

export function loadStyle(style: string | undefined): CitationStyle {
  const name = style ?? 'chicago-note';
  let file: string;
  if ((Object.keys(STYLE_FILES) as string[]).includes(name)) {
    file = path.join(cslDir(), 'styles', STYLE_FILES[name as BundledStyle]);
  } else if (/\.csl$/i.test(name)) {
    file = path.resolve(name);
    if (!fs.existsSync(file)) throw localError('FILE_NOT_FOUND', 'errorsExport.styleMissing', { file });
  } else {
    throw localError('VALIDATION_FAILED', 'errorsExport.unknownStyle', { name, styles: 'chicago-note, apa, harvard', ext: '.csl' });
  }
  const xml = fs.readFileSync(file, 'utf8');
  const root = /<style\b[^>]*>/.exec(xml)?.[0];
  if (!root) throw localError('VALIDATION_FAILED', 'errorsExport.notCsl', { file: path.basename(file), element: '<style>' });
  if (!/<citation\b/.test(xml)) {
    const parent = /<link\b[^>]*rel="independent-parent"[^>]*>/.exec(xml)?.[0];
    const href = parent ? /href="([^"]+)"/.exec(parent)?.[1] : undefined;
    throw localError('VALIDATION_FAILED', 'errorsExport.dependentStyle', { file: path.basename(file), hasParent: href ? 'yes' : 'no', parent: href ?? '', ext: '.csl' });
  }
  return {
    name: (Object.keys(STYLE_FILES) as string[]).includes(name) ? name : path.basename(file),
    title: decodeXml(/<title>([^<]*)<\/title>/.exec(xml)?.[1] ?? path.basename(file)),
    xml,
    note: /\bclass="note"/.test(root),
    initialises: /\binitialize-with="/.test(xml),
    defaultLocale: /\bdefault-locale="([^"]+)"/.exec(root)?.[1] ?? null,
    hasBibliography: /<bibliography\b/.test(xml),
  };
}

function decodeXml(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

/** The bundled locales, e.g. ["en-GB", "en-US", "ru-RU"]. */
export function bundledLocales(): string[] {
  return localesIn(cslDir());
}

export function checkLocale(locale: string): void {
  if (!localeFileIn(cslDir(), locale)) {
    throw localError('VALIDATION_FAILED', 'errorsExport.localeNotBundled', { locale, locales: bundledLocales().join(', ') });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sources as exported

/**
 * A source's CSL-JSON as it may leave the app: an interview (a source attributed to a participant) is authored by
 * the participant's pseudonym only; free-text fields that are not part of a reference (abstract, annote, and the
 * note of an interview) are dropped. The id is the source's citation key.
 */
export function exportCsl(source: Pick<SourceDto, 'kind' | 'citationKey' | 'participantId' | 'csl'>, participants: ReadonlyMap<string, ParticipantDto>): CslItem {
  const { abstract: _abstract, annote: _annote, ...csl } = source.csl;
  const item: CslItem = { ...csl, id: source.citationKey };
  const participant = source.participantId ? participants.get(source.participantId) : undefined;
  if (participant || source.kind === 'interview') {
    delete item.note;
    delete item.interviewer;
    delete item.recipient;
    item.author = [{ literal: participant?.pseudonym ?? 'Interviewee (pseudonymous)' }];
    if (!item.type || item.type === 'document') item.type = 'interview';
  }
  return item;
}

const CYRILLIC = /[\u0400-\u04ff]/;
const KAZAKH_LETTERS = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
/** Capitals citeproc's NAME_INITIAL_REGEXP (U+0400–U+042F) misses: Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ and other extended Cyrillic. */
const UNINITIALISED_CAPITAL = /^[\u0460-\u052f]/;

function isUpper(ch: string): boolean {
  return ch !== ch.toLocaleLowerCase() && ch === ch.toLocaleUpperCase();
}

/** "Қасым-Жомарт" -> "Қ.-Ж." when any part starts with a capital citeproc cannot initialise; otherwise unchanged. */
export function preInitialiseGiven(given: string): string {
  const parts = given.split(/([\s-]+)/);
  const affected = parts.some((part) => UNINITIALISED_CAPITAL.test(part) && isUpper(part[0]!));
  if (!affected) return given;
  return parts
    .map((part) => {
      if (/^[\s-]+$/.test(part) || part === '') return part.includes('-') ? '-' : part.replace(/\s+/g, ' ');
      const first = Array.from(part)[0]!;
      return isUpper(first) ? `${first}.` : part;
    })
    .join('')
    .replace(/\.\s*-/g, '.-');
}

/**
 * The item as citeproc gets it (proper CSL-JSON, see csl-input.ts): newspapers as containers, dates in words that are
 * ranges as date ranges, statutes without legal parts as documents, language set for Cyrillic titles, Kazakh given
 * names initialised if the style initialises.
 */
export function citeprocItem(item: CslItem, style: CitationStyle, locale?: string): CslItem {
  const out: CslItem = { ...item };
  // A newspaper or magazine named as the publisher is the container (styles substitute it for a missing author).
  if ((item.type === 'article-newspaper' || item.type === 'article-magazine') && !item['container-title'] && typeof item.publisher === 'string') {
    out['container-title'] = item.publisher;
    delete out.publisher;
  }
  datesForCiteproc(item, out, style.xml);
  monthAloneAsSeason(out, locale ?? style.defaultLocale ?? undefined);
  const type = typeForCiteproc(item);
  if (type) out.type = type;
  const title = typeof item.title === 'string' ? item.title : '';
  if (!item.language && CYRILLIC.test(title)) out.language = KAZAKH_LETTERS.test(title) ? 'kk' : 'ru';
  if (style.initialises) {
    for (const field of ['author', 'editor', 'translator', 'interviewer', 'recipient', 'container-author', 'collection-editor']) {
      const names = item[field];
      if (!Array.isArray(names)) continue;
      out[field] = names.map((n: unknown) => {
        const name = n as { given?: unknown };
        return typeof name.given === 'string' ? { ...name, given: preInitialiseGiven(name.given) } : name;
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Locators

/** The short term of a note locator, for one note and for a range ("n." / "nn."; ru-RU: "прим." for both). */
export interface NoteTerms {
  single: string;
  multiple: string;
}

export const ENGLISH_NOTE_TERMS: NoteTerms = { single: 'n.', multiple: 'nn.' };
const NOTE_TERMS = new Map<string, NoteTerms>();

/**
 * The CSL locale's own short term for "note": a locator that is not a bare labelled number ("Stage 3, fn 53-54") is
 * printed as text, so our code writes its note term, and it must be the locale's ("Стадия 3, прим. 53–54" in a
 * Russian export, not the English "nn.").
 */
export function noteTermsOf(locale: string | undefined): NoteTerms {
  const file = locale ? localeFileIn(cslDir(), locale) : null;
  if (!file) return ENGLISH_NOTE_TERMS;
  let terms = NOTE_TERMS.get(file);
  if (!terms) {
    const body = /<term name="note" form="short">([\s\S]*?)<\/term>/.exec(fs.readFileSync(file, 'utf8'))?.[1]?.trim();
    const single = body && /<single>([^<]*)<\/single>/.exec(body)?.[1];
    const multiple = body && /<multiple>([^<]*)<\/multiple>/.exec(body)?.[1];
    terms = !body ? ENGLISH_NOTE_TERMS : single ? { single, multiple: multiple ?? single } : { single: body, multiple: body };
    NOTE_TERMS.set(file, terms);
  }
  return terms;
}

/**
 * A recorded locator as it is printed: footnotes as "n. 55" / "nn. 53–54" (from "fn 55", "fn 53-54"; in the
 * locale's terms, see noteTermsOf), and ranges of numbers with an en dash ("pp. 3–5", "2016–2019"); dates
 * (2012-04-25) and identifiers are left as they are.
 */
export function normaliseLocator(locator: string, terms: NoteTerms = ENGLISH_NOTE_TERMS): string {
  return locator
    .trim()
    .replace(/\b(?:fns?|nn?|notes?)\.?\s*(\d+)(?:\s*[-–]\s*(\d+))?(?![\d-])/gi, (_all, a: string, b: string | undefined) => (b ? `${terms.multiple} ${a}–${b}` : `${terms.single} ${a}`))
    .replace(/(?<![\d\-–])(\d{1,4})\s*-\s*(\d{1,4})(?![\d\-–])/g, '$1–$2');
}

const RANGE = '([0-9ivxlcdm]+(?:\\s*[-–]\\s*[0-9ivxlcdm]+)?)';
const LABELLED: [RegExp, string][] = [
  [new RegExp(`^pp?\\.?\\s*${RANGE}$`, 'i'), 'page'],
  [new RegExp(`^(?:para(?:graph)?s?\\.?|¶)\\s*${RANGE}$`, 'i'), 'paragraph'],
  [new RegExp(`^(?:fns?|nn?|notes?)\\.?\\s*${RANGE}$`, 'i'), 'note'],
  [new RegExp(`^(?:lines?|ll?)\\.?\\s*${RANGE}$`, 'i'), 'line'],
];

/**
 * An excerpt's locator as CSL-JSON gives it to citeproc: a labelled number or range ("p. 3", "pp. 3–5", "para 2",
 * "fn 55", "line 4") as `label` + `locator`, so each style prints its own label ("p.", "n.") and range dash. Any
 * other locator ("Stage 3, fn 53-54; seed line 493") is still given as the `locator` — never appended to the
 * citation's text, so that the style puts it where locators go, with its punctuation (Chicago: “Title,” Stage 3,
 * nn. 53–54) — with the label "timestamp", the one CSL locator type that locales print without a term: the
 * description is printed as recorded (normalised as normaliseLocator says), not as "p. Stage 3".
 */
export function citationLocator(locator: string, terms: NoteTerms = ENGLISH_NOTE_TERMS): Pick<CitationItem, 'locator' | 'label'> {
  const value = locator.trim();
  if (!value) return {};
  for (const [pattern, label] of LABELLED) {
    const match = pattern.exec(value);
    if (match) return { label, locator: match[1]!.replace(/\s*[-–]\s*/, '–') };
  }
  return { label: 'timestamp', locator: normaliseLocator(value, terms) };
}

// ---------------------------------------------------------------------------------------------------------------
// The session

export interface CiteRef {
  sourceId: string;
  locator?: string | undefined;
}

interface Pending {
  cite: Cite;
  refs: CiteRef[];
}

/** citeproc's output for one export: each cluster's HTML in the order asked, and the bibliography's entries. */
type Formatted = FormattedCitations;

/**
 * The last few formattings, by a hash of everything citeproc reads (style, locale, the items as given to it, the
 * clusters with their locators and note numbers). citeproc is deterministic, so an unchanged matrix exported again —
 * the export dialog's preview, then the PDF, then the DOCX — is formatted once: on a 40-case matrix citing 1,700
 * sources that is most of the export's preparation. Any edit that reaches a citation changes the hash.
 */
const FORMATTED = new Map<string, Formatted>();
const FORMATTED_KEPT = 4;
/** Formattings under way, by the same key. */
const FORMATTING = new Map<string, Promise<Formatted>>();
/** How long citeproc runs (in this thread) before letting the event loop in. */
const YIELD_EVERY_MS = 30;

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(exportCancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(exportCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function formattingKey(style: CitationStyle, locale: string | undefined, items: ReadonlyMap<string, CslItem>, citations: Citation[]): string {
  const hash = crypto.createHash('sha256');
  hash.update(style.xml).update('\u0000').update(locale ?? '').update('\u0000').update(LOCALE_FIXES_VERSION).update('\u0000');
  for (const [id, item] of items) hash.update(id).update('\u0000').update(JSON.stringify(item)).update('\u0000');
  hash.update(JSON.stringify(citations));
  return hash.digest('hex');
}

/** Forgets every formatting kept in this process (benchmarks measure a first export with it); the project's are kept. */
export function clearCitationCache(): void {
  FORMATTED.clear();
}

/**
 * The citeproc engine every export formats with (citeproc-format.ts), on the bundled styles and locales. Exported
 * for the CSL test-suite cases (tests/fixtures/csl-test-suite), which run through this very construction.
 */
export function createCiteprocEngine(style: CitationStyle, locale: string | undefined, retrieveItem: (id: string) => CslItem | undefined): InstanceType<typeof CSL.Engine> {
  try {
    return engineFor(style, locale, retrieveItem, cslDir());
  } catch (error) {
    throw asApiError(error);
  }
}

/** A style citeproc could not read, as the app says it. */
function styleNotLoaded(title: string, reason: string, cause?: unknown): ApiError {
  return localError('VALIDATION_FAILED', 'errorsExport.styleNotLoaded', { title, reason }, { cause });
}

function asApiError(error: unknown): unknown {
  return error instanceof StyleNotLoadedError ? styleNotLoaded(error.title, error.reason, error) : error;
}

/**
 * From how many citations and cited sources together a formatting goes to a worker thread: below it, starting one
 * (loading citeproc, reading the style) costs more than the formatting (ten cells of a small matrix).
 */
const WORKERS_FROM = 200;

/**
 * The worker script beside the bundle (dist/cite-worker.cjs); null when running from the sources, where the
 * formatting stays in this thread unless `useCitationWorker` names the built script (the benchmark and the tests do).
 */
let workerScript: string | null | undefined;

function citationWorker(): string | null {
  if (workerScript === undefined) workerScript = builtWorkerScript('cite-worker.cjs');
  return workerScript;
}

/** Formats large formattings in a worker thread of this script (null: always in this thread; undefined: look beside the bundle). */
export function useCitationWorker(file: string | null | undefined): void {
  workerScript = file;
}

/** A whole formatting in a worker thread of its own (worker-once.ts); null when the worker could not run at all. */
function inWorker(file: string, input: FormatInput): Promise<Formatted | null> {
  return runOnceInWorker(file, input, {
    answer: (message: { result?: Formatted; styleNotLoaded?: { title: string; reason: string }; failed?: string }) => {
      if (message.result) return message.result;
      if (message.styleNotLoaded) throw styleNotLoaded(message.styleNotLoaded.title, message.styleNotLoaded.reason);
      throw localError('INTERNAL', 'errorsExport.citationsFailed', { detail: message.failed ?? '' });
    },
    unable: (why) => console.error(`[comparanda] The citations are formatted in the app's own thread: the worker thread ${file} could not run (${why}).`),
    outOfMemory: (error) => localError('INTERNAL', 'errorsExport.citationsFailed', { detail: error.message }, { cause: error }),
  });
}

export class CitationSession {
  private readonly pending: Pending[] = [];
  private readonly order: string[] = [];
  private readonly ordered = new Set<string>();
  private formatted: Formatted | null = null;
  /** The cited items as citeproc was given them (finish), for the bibliography. */
  private given: ReadonlyMap<string, CslItem> | null = null;
  private nextNote = 1;

  constructor(
    readonly style: CitationStyle,
    private readonly locale: string | undefined,
    /** Exported CSL items by source id. */
    private readonly items: ReadonlyMap<string, CslItem>,
    /** Formattings kept in the project (citation-cache.ts), reused across processes. */
    private readonly store?: CitationStore,
  ) {
    if (locale) checkLocale(locale);
  }

  get note(): boolean {
    return this.style.note;
  }

  /** A citation cluster for these sources (duplicates merged, order kept); null when there is nothing to cite. */
  cite(refs: CiteRef[]): Cite | null {
    const seen = new Set<string>();
    const unique = refs.filter((r) => {
      const key = `${r.sourceId}\u0000${r.locator ?? ''}`;
      if (seen.has(key) || !this.items.has(r.sourceId)) return false;
      seen.add(key);
      return true;
    });
    if (unique.length === 0) return null;
    for (const r of unique) {
      if (this.ordered.has(r.sourceId)) continue;
      this.ordered.add(r.sourceId);
      this.order.push(r.sourceId);
    }
    const refsOut = unique.map((r) => ({ key: String(this.items.get(r.sourceId)!.id), locator: r.locator?.trim() ?? '' }));
    const cite: Cite = { id: `c${this.pending.length + 1}`, noteNumber: this.note ? this.nextNote++ : null, runs: [], refs: refsOut };
    this.pending.push({ cite, refs: unique });
    return cite;
  }

  /** The sources cited so far, in order of first citation. */
  citedSourceIds(): string[] {
    return [...this.order];
  }

  /**
   * Formats every citation asked for, or takes them from the cache when this exact input was formatted before (or
   * is being formatted: a preview and an export of the same matrix share one formatting). Yields to the event loop
   * as it goes, so that the process answering the window stays responsive through a long formatting; `signal`
   * stops the waiting (a formatting shared with another request runs on, for the cache). `onFormatting` is told
   * how much there is to format when citeproc has to format it (not when it comes from a cache).
   */
  async finish(signal?: AbortSignal, onFormatting?: (size: { citations: number; sources: number }) => void): Promise<void> {
    const items = new Map<string, CslItem>();
    const noteTerms = noteTermsOf(this.locale ?? this.style.defaultLocale ?? 'en-US');
    for (const id of this.order) items.set(id, citeprocItem({ ...this.items.get(id)!, id }, this.style, this.locale));
    const citations: Citation[] = this.pending.map(({ cite, refs }, i) => ({
      citationID: cite.id,
      citationItems: refs.map((r) => ({ id: r.sourceId, ...citationLocator(r.locator ?? '', noteTerms) })),
      // Notes two apart: a table's notes are read cell by cell, not in sequence, so no note may lean on the one before
      // it (Chicago's "OSCE/ODIHR." for the same work as the previous note is ambiguous among 30 OSCE/ODIHR works).
      properties: { noteIndex: (cite.noteNumber ?? i + 1) * 2 },
    }));
    const key = formattingKey(this.style, this.locale, items, citations);
    let formatted = FORMATTED.get(key);
    if (formatted) {
      FORMATTED.delete(key); // most recently used last
    } else {
      formatted = this.store?.get(key) ?? undefined;
      if (!formatted) {
        onFormatting?.({ citations: citations.reduce((n, c) => n + c.citationItems.length, 0), sources: items.size });
        let pending = FORMATTING.get(key);
        if (!pending) {
          pending = this.format(items, citations)
            .then((fresh) => {
              this.store?.put(key, fresh);
              return fresh;
            })
            .finally(() => FORMATTING.delete(key));
          FORMATTING.set(key, pending);
        }
        formatted = await abortable(pending, signal);
      }
    }
    FORMATTED.set(key, formatted);
    while (FORMATTED.size > FORMATTED_KEPT) FORMATTED.delete(FORMATTED.keys().next().value!);
    this.formatted = formatted;
    this.given = items;
    this.pending.forEach(({ cite }, i) => {
      cite.runs = tidyRuns(htmlToRuns(formatted.clusters[i] ?? ''));
    });
  }

  /**
   * The items registered in order of first citation, then every cluster formatted in one pass (citeproc-batch.ts:
   * note styles get their first, subsequent and ibid forms and author-date styles their disambiguation, each cluster
   * rendered once) and the bibliography made (citeproc-format.ts). A large formatting runs in a worker thread, so
   * that the process answering the window never waits for citeproc (its longest call, the bibliography, took 1.4 s
   * at L and 4 s at XL); a small one here, with a pause for the event loop every few ms.
   */
  private async format(items: ReadonlyMap<string, CslItem>, citations: Citation[]): Promise<Formatted> {
    if (this.order.length === 0) return { clusters: [], bibliography: [] };
    const input: FormatInput = { style: this.style, locale: this.locale, items: [...items], order: this.order, citations, cslDir: cslDir() };
    const worker = citations.length + this.order.length >= WORKERS_FROM ? citationWorker() : null;
    const done = worker ? await inWorker(worker, input) : null;
    if (done) return done;
    let slice = performance.now();
    return formatAll(input, async () => {
      if (performance.now() - slice < YIELD_EVERY_MS) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }).catch((error: unknown) => {
      throw asApiError(error);
    });
  }

  /** The bibliography entries of the sources cited (by source id), formatted and sorted by the style (empty if it has none). */
  bibliography(): { sourceId: string; runs: TextRun[] }[] {
    if (!this.formatted || !this.given) throw new Error('finish() first');
    return bibliographyAsPrinted(this.formatted.bibliography, this.style.xml, this.given).map((e) => ({ sourceId: e.sourceId, runs: tidyRuns(htmlToRuns(capitaliseSentences(e.html))) }));
  }

  /** What the style prints that the cited sources lack (see csl-input.ts), as sentences for the export's warnings. */
  warnings(): Notice[] {
    return missingDataWarnings(this.style.xml, this.style.title, this.order.map((id) => ({ ...this.items.get(id)! })));
  }
}
