/**
 * Citations formatted in one pass (citeproc-batch.ts) read exactly as citeproc's incremental way formats them — the
 * loop the exports used before, kept here as the reference — with each cluster rendered once instead of again every
 * time a later cluster changes its state.
 */
import CSL, { type Citation } from 'citeproc';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../electron/contract/api';
import { formatClustersInBatch } from '../../electron/core/export/citeproc-batch';
import { citationLocator, citeprocItem, createCiteprocEngine, loadStyle } from '../../electron/core/export/citations';
import { random } from '../helpers/seeded';

const AUTHORS = [
  { family: 'Kowalski', given: 'Piotr' },
  { family: 'Kowalski', given: 'Olga' },
  { family: 'Назарбаев', given: 'Нұрсұлтан' },
  { family: 'Тоқаев', given: 'Қасым-Жомарт' },
  { family: 'Schmidt', given: 'Sabine' },
  { family: 'Dupont', given: 'Odile' },
  { family: 'Ермекова', given: 'Гульнара' },
];
const TYPES = ['report', 'article-journal', 'book', 'article-newspaper', 'interview'];

/** Items by the same few authors in the same few years: disambiguation by given name and by year suffix. */
function items(count: number, rng: () => number): Map<string, CslItem> {
  const out = new Map<string, CslItem>();
  for (let i = 0; i < count; i++) {
    const id = `item-${i}`;
    const type = TYPES[i % TYPES.length]!;
    const author = type === 'interview' ? [{ literal: `Interviewee ${String.fromCharCode(65 + (i % 3))}` }] : [AUTHORS[Math.floor(rng() * AUTHORS.length)]!];
    out.set(id, {
      id,
      type,
      title: i % 4 === 0 ? `Доклад о выборах ${i}` : `Election observation report ${i}`,
      author,
      issued: { 'date-parts': [[2014 + Math.floor(rng() * 4)]] },
      publisher: 'OSCE/ODIHR',
      ...(type === 'article-journal' ? { 'container-title': 'Central Asian Survey', volume: String(30 + (i % 5)), page: `${i}-${i + 20}` } : {}),
      ...(type === 'article-newspaper' ? { 'container-title': 'Vlast.kz' } : {}),
    });
  }
  return out;
}

/** Clusters of one to five cites, some citing one source twice with different pages (ibid with locator). */
function clusters(ids: string[], count: number, rng: () => number, noteStep: number): Citation[] {
  const out: Citation[] = [];
  for (let c = 0; c < count; c++) {
    const size = 1 + Math.floor(rng() * 5);
    const cites: Citation['citationItems'] = [];
    for (let k = 0; k < size; k++) {
      const again = k > 0 && rng() < 0.15;
      const id = again ? cites[k - 1]!.id : ids[Math.floor(rng() ** 2 * ids.length)]!;
      const page = rng() < 0.7 ? `p. ${1 + Math.floor(rng() * 40)}` : '';
      cites.push({ id, ...citationLocator(page) });
    }
    // A cluster sometimes repeats the one before it (consecutive notes: ibid, when notes are one apart).
    if (c > 0 && rng() < 0.1) cites.splice(0, cites.length, ...out[c - 1]!.citationItems.map((item) => ({ ...item })));
    out.push({ citationID: `c${c + 1}`, citationItems: cites, properties: { noteIndex: (c + 1) * noteStep } });
  }
  return out;
}

type Engine = InstanceType<typeof CSL.Engine>;

/** Counts the clusters an engine renders. */
function countRenders(engine: Engine): { count: number } {
  const counter = { count: 0 };
  const inner = engine as unknown as { process_CitationCluster: (...args: unknown[]) => string };
  const render = inner.process_CitationCluster.bind(engine);
  inner.process_CitationCluster = (...args: unknown[]) => {
    counter.count++;
    return render(...args);
  };
  return counter;
}

function setUp(styleName: string, locale: string | undefined, seed: number, noteStep: number) {
  const rng = random(seed);
  const style = loadStyle(styleName);
  const given = new Map([...items(60, rng)].map(([id, item]) => [id, citeprocItem(item, style, locale)]));
  const citations = clusters([...given.keys()], 160, rng, noteStep);
  const order: string[] = [];
  for (const citation of citations) for (const item of citation.citationItems) if (!order.includes(item.id)) order.push(item.id);
  const engine = () => {
    const e = createCiteprocEngine(style, locale, (id) => given.get(id));
    e.updateItems(order);
    e.setOutputFormat('html');
    return e;
  };
  // Each run gets its own copy: citeproc writes into the citation objects it is given.
  const copy = () => JSON.parse(JSON.stringify(citations)) as Citation[];
  return { engine, copy, citations };
}

/** The way the exports formatted before: each cluster processed with all before it, keeping each one's latest output. */
function incremental(engine: Engine, citations: Citation[]): string[] {
  const before: [string, number][] = [];
  const out: string[] = [];
  for (const citation of citations) {
    const [, changed] = engine.processCitationCluster(citation, before, [], CSL.ASSUME_ALL_ITEMS_REGISTERED);
    before.push([citation.citationID, citation.properties.noteIndex]);
    for (const [index, html] of changed) out[index] = html;
  }
  return out;
}

const CASES: [string, string | undefined, number][] = [
  ['chicago-note', undefined, 2],
  ['chicago-note', undefined, 1],
  ['chicago-note', 'ru-RU', 2],
  ['apa', undefined, 2],
  ['harvard', undefined, 2],
  ['apa', 'ru-RU', 2],
];

describe('citations formatted in one pass', () => {
  it.each(CASES)('reads exactly as citeproc formats them one by one (%s, locale %s, notes %i apart)', async (styleName, locale, noteStep) => {
    for (const seed of [1, 7]) {
      const { engine, copy, citations } = setUp(styleName, locale, seed, noteStep);
      const reference = incremental(engine(), copy());
      const batch = await formatClustersInBatch(engine(), copy(), () => Promise.resolve());
      expect(batch).toHaveLength(citations.length);
      expect(batch.every((html) => html.length > 0)).toBe(true);
      expect(batch).toEqual(reference);
    }
  });

  it('renders each cluster once, where citeproc renders a note style’s clusters again as their sources recur', async () => {
    const { engine, copy, citations } = setUp('chicago-note', undefined, 1, 2);
    const old = engine();
    const oldRenders = countRenders(old);
    incremental(old, copy());
    const fresh = engine();
    const renders = countRenders(fresh);
    await formatClustersInBatch(fresh, copy(), () => Promise.resolve());
    expect(oldRenders.count).toBeGreaterThan(citations.length);
    expect(renders.count).toBe(citations.length);
  });

  it('lets the event loop in between clusters and formats a single cluster', async () => {
    const { engine, copy } = setUp('apa', undefined, 3, 2);
    let pauses = 0;
    const out = await formatClustersInBatch(engine(), copy().slice(0, 1), () => {
      pauses++;
      return Promise.resolve();
    });
    expect(out).toHaveLength(1);
    expect(pauses).toBe(1);
    const all = copy();
    pauses = 0;
    await formatClustersInBatch(engine(), all, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(pauses).toBe(all.length * 2 - 1);
    expect(await formatClustersInBatch(engine(), [], () => Promise.resolve())).toEqual([]);
  });
});
