/**
 * Issue 22, CSV import cost: a file without quotes whose lines all end alike is split directly instead of through
 * csv-parse. Held to csv-parse on thousands of seeded random texts: the same records, each on the line csv-parse says.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parsePlain } from '../../electron/core/csv/read';

/** A small seeded generator (mulberry32), so that a failure can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'Б', 'ә', '1', ' ', ',', ';', '\t', "'", '=', '\n', '\n', '\r\n', '\r\n', '\r', '"', ''];

describe('a CSV without quotes, split directly', () => {
  it('gives what csv-parse gives, line by line, or leaves the file to csv-parse', () => {
    const next = random(22);
    let direct = 0;
    for (let n = 0; n < 4000; n++) {
      // Most texts keep to one line ending and no quotes, so that the direct path is taken often.
      const style = next();
      const pieces = PIECES.filter((p) => (style < 0.4 ? p !== '\r\n' && p !== '\r' && p !== '"' : style < 0.8 ? p !== '\n' && p !== '\r' && p !== '"' : true));
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)]!;
      const delimiter = [',', ';', '\t'][Math.floor(next() * 3)]!;
      const plain = parsePlain(text, delimiter);
      if (!plain) continue;
      direct++;
      const parsed = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, delimiter }) as unknown as { record: string[]; info: { lines: number } }[];
      expect(plain.records, JSON.stringify(text)).toEqual(parsed.map((r) => r.record));
      expect(plain.lines, JSON.stringify(text)).toEqual(parsed.map((r) => r.info.lines));
    }
    expect(direct).toBeGreaterThan(2000);
  });

  it('leaves quotes and mixed line ends to csv-parse', () => {
    expect(parsePlain('a,"b"\n', ',')).toBeNull();
    expect(parsePlain('a,b\r\nc\nd\r\n', ',')).toBeNull();
    expect(parsePlain('a,b\rc\r', ',')).toBeNull();
    expect(parsePlain('a,b\r\n\r\nc\r\n', ',')).toEqual({ records: [['a', 'b'], ['c']], lines: [1, 3] });
  });
});
