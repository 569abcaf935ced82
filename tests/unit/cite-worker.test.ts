/**
 * A large citation formatting runs in a worker thread (dist/cite-worker.cjs, built by `npm run build:node`): the
 * thread that answers the window builds no citeproc engine and waits for nothing, and what comes back is exactly
 * what the same formatting gives in this thread — every cluster and the bibliography, in three styles — with the
 * same error when the style cannot be read; a worker that cannot run leaves the formatting to this thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import CSL from 'citeproc';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CslItem } from '../../electron/contract/api';
import { ApiError } from '../../electron/contract/errors';
import { CitationSession, clearCitationCache, loadStyle, useCitationWorker, type CiteRef } from '../../electron/core/export/citations';
import { countTurns, random } from '../helpers/seeded';

const WORKER = path.resolve(__dirname, '../../dist/cite-worker.cjs');

const AUTHORS = [
  { family: 'Kowalski', given: 'Piotr' },
  { family: 'Kowalski', given: 'Olga' },
  { family: 'Тоқаев', given: 'Қасым-Жомарт' },
  { family: 'Ермекова', given: 'Гульнара' },
  { family: 'Schmidt', given: 'Sabine' },
];

/** 120 sources by a few authors in a few years (name and year-suffix disambiguation), cited by 150 cells. */
function material(seed: number): { items: Map<string, CslItem>; cells: CiteRef[][] } {
  const rng = random(seed);
  const items = new Map<string, CslItem>();
  for (let i = 0; i < 120; i++) {
    items.set(`s${i}`, {
      id: `key${i}`,
      type: i % 3 === 0 ? 'article-journal' : 'report',
      title: i % 4 === 0 ? `Доклад о выборах ${i}` : `Election observation report ${i}`,
      author: [AUTHORS[Math.floor(rng() * AUTHORS.length)]!],
      issued: { 'date-parts': [[2014 + Math.floor(rng() * 3)]] },
      publisher: 'OSCE/ODIHR',
      ...(i % 3 === 0 ? { 'container-title': 'Central Asian Survey', volume: String(30 + (i % 5)), page: `${i}-${i + 20}` } : {}),
    });
  }
  const cells = Array.from({ length: 150 }, () =>
    Array.from({ length: 1 + Math.floor(rng() * 4) }, () => ({ sourceId: `s${Math.floor(rng() ** 2 * 120)}`, locator: rng() < 0.6 ? `p. ${1 + Math.floor(rng() * 40)}` : '' })),
  );
  return { items, cells };
}

async function format(worker: string | null, style: string, locale?: string, seed = 3) {
  useCitationWorker(worker);
  clearCitationCache();
  const { items, cells } = material(seed);
  const session = new CitationSession(loadStyle(style), locale, items);
  const cites = cells.map((refs) => session.cite(refs));
  await session.finish();
  return { clusters: cites.map((c) => c?.runs), bibliography: session.bibliography() };
}

afterEach(() => {
  useCitationWorker(undefined);
  vi.restoreAllMocks();
});

describe('a large citation formatting in a worker thread', () => {
  it('is built next to the bundles', () => {
    expect(fs.existsSync(WORKER), 'run npm run build:node first').toBe(true);
  });

  it.each([
    ['chicago-note', undefined],
    ['apa', undefined],
    ['harvard', 'ru-RU'],
  ])('gives exactly what this thread gives (%s, locale %s), with no engine built here', async (style, locale) => {
    // Every engine registers the cited items: counted in this thread.
    const engines = vi.spyOn(CSL.Engine.prototype, 'updateItems');
    const here = await format(null, style, locale);
    const built = engines.mock.calls.length;
    expect(built).toBeGreaterThan(0);
    const there = await format(WORKER, style, locale);
    expect(engines.mock.calls.length, 'no citeproc engine in this thread').toBe(built);
    expect(there.clusters.every((runs) => runs && runs.length > 0)).toBe(true);
    expect(there.bibliography.length).toBeGreaterThan(50);
    expect(there).toEqual(here);
  });

  it('keeps this thread turning while it works', async () => {
    useCitationWorker(WORKER);
    clearCitationCache();
    const { items, cells } = material(11);
    const session = new CitationSession(loadStyle('apa'), undefined, items);
    for (const refs of cells) session.cite(refs);
    const loop = countTurns();
    await session.finish();
    // In this thread the formatting lets the loop in every 30 ms (14 turns); here the loop never stopped turning.
    expect(loop.stop()).toBeGreaterThan(200);
  });

  it('reports a style citeproc cannot read as this thread does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cite-worker-'));
    const broken = path.join(dir, 'broken.csl');
    // It passes the checks of loadStyle (a <style> with a <citation>), but citeproc cannot parse it.
    fs.writeFileSync(broken, '<style class="in-text"><citation><<<>>> &&& </style');
    try {
      const failure = async (worker: string | null) => {
        try {
          await format(worker, broken);
        } catch (error) {
          return error as ApiError;
        }
        throw new Error('the broken style was accepted');
      };
      const here = await failure(null);
      const there = await failure(WORKER);
      expect(there).toBeInstanceOf(ApiError);
      expect(here.code).toBe('VALIDATION_FAILED');
      expect(there.code).toBe(here.code);
      expect(there.message).toBe(here.message);
      expect(there.message).toMatch(/could not be loaded/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the formatting to this thread when the worker cannot run, with a line in the log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cite-worker-'));
    const dying = path.join(dir, 'dying.cjs');
    fs.writeFileSync(dying, 'process.exit(3);\n');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const here = await format(null, 'chicago-note');
      expect(log).not.toHaveBeenCalled();
      for (const [script, why] of [
        [dying, /exit code 3/],
        [path.join(dir, 'missing.cjs'), /Cannot find module/],
      ] as const) {
        log.mockClear();
        expect(await format(script, 'chicago-note')).toEqual(here);
        expect(log).toHaveBeenCalledTimes(1);
        expect(String(log.mock.calls[0]![0])).toMatch(why);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
