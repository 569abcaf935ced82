/**
 * The part of formatting an export's citations that is citeproc's computation alone: the engine built from the
 * style and the bundled locales, the cited items registered, every cluster formatted (citeproc-batch.ts), the
 * bibliography made. Nothing here reads the project, so it runs the same in this thread or in a worker thread
 * (cite-worker.ts, built to dist/cite-worker.cjs), where citations.ts sends a large formatting so that the thread
 * answering the window never waits for citeproc. (Clusters and bibliography made at once by two engines, one per
 * core, gave the same output but no time back on two cores: each engine registers every item, and the two slowed
 * each other down.)
 */
import fs from 'node:fs';
import path from 'node:path';
import CSL, { type Citation } from 'citeproc';
import type { CslItem } from '../../contract/api';
import { formatClustersInBatch } from './citeproc-batch';
import { localeXmlFor, styleXmlFor } from './i18n/csl-locale';
import type { CitationStyle } from './citations';

/** How many items citeproc registers at a time (registering all at once loses year suffixes: 1998a, 1998b). */
const REGISTER_STEP = 250;

/** Everything one formatting reads, as plain data (it crosses to a worker thread as it is). */
export interface FormatInput {
  style: CitationStyle;
  locale: string | undefined;
  /** The cited items as citeproc is given them, by source id. */
  items: [string, CslItem][];
  /** Source ids in order of first citation. */
  order: string[];
  citations: Citation[];
  /** The bundled styles and locales (assets/csl). */
  cslDir: string;
}

export interface BibliographyEntry {
  sourceId: string;
  html: string;
}

/**
 * citeproc could not read the style. A plain error, turned into the app's message by citations.ts: the worker
 * thread carries no message catalogue (two thirds of its bundle were the catalogue, parsed at every start).
 */
export class StyleNotLoadedError extends Error {
  constructor(
    readonly title: string,
    readonly reason: string,
  ) {
    super(`The citation style "${title}" could not be loaded: ${reason}`);
  }
}

/** Lets the event loop in (in the app's thread); a worker thread, with nothing else to do, passes a no-op. */
export type Pause = () => Promise<void>;

/** The bundled locales in `dir` (assets/csl), e.g. ["en-GB", "en-US", "ru-RU"]. */
export function localesIn(dir: string): string[] {
  return fs
    .readdirSync(path.join(dir, 'locales'))
    .map((f) => /^locales-(.+)\.xml$/.exec(f)?.[1])
    .filter((x): x is string => !!x)
    .sort();
}

/** The bundled locale file for a language tag: the exact one, else one of the same language; null if none. */
export function localeFileIn(dir: string, lang: string): string | null {
  const known = localesIn(dir);
  const exact = known.find((l) => l.toLowerCase() === lang.toLowerCase());
  const byLanguage = known.find((l) => l.toLowerCase().startsWith(`${lang.toLowerCase().split('-')[0]}-`));
  const pick = exact ?? byLanguage;
  return pick ? path.join(dir, 'locales', `locales-${pick}.xml`) : null;
}

/**
 * The citeproc engine every export formats with: the style (with the Russian day-month order, csl-locale.ts) and
 * the bundled locales (with the Russian genitive months); `locale` forces the locale, else the style's default.
 */
export function engineFor(style: CitationStyle, locale: string | undefined, retrieveItem: (id: string) => CslItem | undefined, dir: string): InstanceType<typeof CSL.Engine> {
  const lang = locale ?? style.defaultLocale ?? 'en-US';
  const sys = {
    retrieveLocale: (wanted: string) => {
      const file = localeFileIn(dir, wanted) ?? localeFileIn(dir, 'en-US');
      return file ? localeXmlFor(wanted, fs.readFileSync(file, 'utf8')) : '';
    },
    retrieveItem,
  };
  try {
    return new CSL.Engine(sys, styleXmlFor(lang, style.xml), lang, !!locale);
  } catch (error) {
    throw new StyleNotLoadedError(style.title, (error as Error).message);
  }
}

/**
 * Every cluster's HTML (in the order of `citations`) and the bibliography's entries, sorted by the style: the items
 * registered in order of first citation, a few hundred at a time, then the clusters, then the bibliography.
 */
export async function formatAll(input: FormatInput, pause: Pause): Promise<{ clusters: string[]; bibliography: BibliographyEntry[] }> {
  if (input.order.length === 0) return { clusters: [], bibliography: [] };
  const items = new Map(input.items);
  const engine = engineFor(input.style, input.locale, (id) => items.get(id), input.cslDir);
  for (let n = REGISTER_STEP; ; n += REGISTER_STEP) {
    engine.updateItems(input.order.slice(0, n));
    if (n >= input.order.length) break;
    await pause();
  }
  engine.setOutputFormat('html');
  const formatted = await formatClustersInBatch(engine, input.citations, pause);
  const clusters = input.citations.map((_, i) => formatted[i] ?? '');
  const bibliography: BibliographyEntry[] = [];
  const made = input.style.hasBibliography ? engine.makeBibliography() : false;
  if (made) made[1].forEach((html, i) => bibliography.push({ sourceId: made[0].entry_ids[i]?.[0] ?? '', html }));
  return { clusters, bibliography };
}
