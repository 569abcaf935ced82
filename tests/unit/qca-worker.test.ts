/**
 * Issue 21: a long minimisation runs in a worker thread (dist/qca-worker.cjs, built by `npm run build:node`): the
 * app's thread keeps running while it works, its phases are reported, a cancel ends it at once, and its result is
 * the one the same phases give in this thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimizeInWorker } from '../../electron/core/qca/api';
import { prepareData } from '../../electron/core/qca/data';
import { runPhases } from '../../electron/core/qca/phases';
import { formatText } from '../../electron/contract/i18n/format';

const WORKER = path.resolve(__dirname, '../../dist/qca-worker.cjs');

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Crisp cases whose outcome follows C0*C1 + ~C2*C3, one in ten flipped (as scripts/bench/qca.ts makes them). */
function generate(conditions: number, cases: number, seed: number) {
  const rnd = random(seed);
  const columns: Record<string, number[]> = {};
  for (let j = 0; j < conditions; j++) columns[`C${j}`] = Array.from({ length: cases }, () => (rnd() < 0.5 ? 0 : 1));
  const x = (j: number, i: number) => columns[`C${j}`]![i]!;
  columns.Y = Array.from({ length: cases }, (_, i) => {
    const y = Math.max(Math.min(x(0, i), x(1, i)), Math.min(1 - x(2, i), x(3, i)));
    return rnd() < 0.1 ? 1 - y : y;
  });
  return prepareData({ cases: Array.from({ length: cases }, (_, i) => `case${i + 1}`), columns }, 'Y');
}

describe('a minimisation in a worker thread', () => {
  it('is built next to the bundles', () => {
    expect(fs.existsSync(WORKER), 'run npm run build:node first').toBe(true);
  });

  it('gives the result the same phases give in this thread, with each phase reported', async () => {
    const data = generate(6, 40, 7);
    const input = { outcome: 'Y', conditions: data.conditions, inclCut: 0.8, solution: 'intermediate' as const, dirExp: { C0: 1, C1: 1 } };
    const phases: string[] = [];
    const result = await minimizeInWorker(WORKER, data, input, { signal: new AbortController().signal, progress: (done, total, message) => phases.push(`${done}/${total} ${formatText('en', message)}`) });
    expect(result).toEqual(JSON.parse(JSON.stringify(runPhases(data, input, () => undefined))));
    expect(phases).toEqual(['0/4 Building the truth table', '1/4 Finding the conservative solution', '2/4 Finding the parsimonious solution', '3/4 Finding the intermediate solution', '4/4 Done']);
  });

  it('leaves this thread free while it works and stops at once when cancelled', async () => {
    // 20 conditions: over a million remainders; the parsimonious solution takes many seconds (scripts/bench/qca.ts).
    const data = generate(20, 50, 21);
    const controller = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const phases: string[] = [];
    const running = minimizeInWorker(WORKER, data, { outcome: 'Y', conditions: data.conditions, inclCut: 0.8, solution: 'parsimonious' }, { signal: controller.signal, progress: (_d, _t, message) => phases.push(formatText('ru', message)) });
    const outcome = running.then(
      () => 'finished',
      (error: Error) => error.message,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(phases).toContain('Поиск экономного решения');
    expect(ticks).toBeGreaterThan(20);
    const asked = Date.now();
    controller.abort();
    expect(await outcome).toBe('The minimisation was cancelled; nothing was changed.');
    expect(Date.now() - asked).toBeLessThan(1000);
    clearInterval(timer);
  });
});
