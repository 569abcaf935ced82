/**
 * Issue 22, linear imports: a CSV import's work per row does not grow with the file (no statement compiled per row,
 * no lookup that scans the rows imported so far), and rows written in chunks still leave nothing of a bad row.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../electron/core/csv-data';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

function sample() {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  return Project.open(file);
}

function elections(n: number, rounds = false): string {
  const lines = ['case,date,type,round,label'];
  // One case, one year, many rounds: every row shares the indexed (case, date) prefix.
  for (let i = 0; i < n; i++) lines.push(rounds ? `KAZ,1850,other,${i + 1},Round ${i}` : `KAZ,${new Date(Date.UTC(1800, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},other,,E ${i}`);
  return `${lines.join('\n')}\n`;
}

/** Counts the statements the connection compiles while `fn` runs (the real connection, its prepare wrapped). */
function counting<T>(db: Database.Database, fn: () => T): { value: T; prepared: number } {
  const prepare = db.prepare.bind(db);
  let prepared = 0;
  db.prepare = ((sql: string) => {
    prepared++;
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    return { value: fn(), prepared };
  } finally {
    db.prepare = prepare as typeof db.prepare;
  }
}

describe('issue 22: CSV import work per row does not grow with the file', () => {
  it('compiles the same statements for 2,000 rows as for 200', () => {
    const small = sample();
    const a = counting(small.db, () => importCsv(small, { kind: 'elections', text: elections(200) }));
    small.close();
    const large = sample();
    const b = counting(large.db, () => importCsv(large, { kind: 'elections', text: elections(2000) }));
    large.close();
    expect(a.value.created).toBe(200);
    expect(b.value.created).toBe(2000);
    expect(b.prepared).toBe(a.prepared);
  });

  it('undoes 2,000 imported rows with the same statements as 200', () => {
    const undo = (n: number) => {
      const p = sample();
      importCsv(p, { kind: 'elections', text: elections(n) });
      const counted = counting(p.db, () => p.history.undo());
      expect(p.db.prepare("SELECT count(*) AS n FROM elections WHERE label LIKE 'E %'").get()).toEqual({ n: 0 });
      p.close();
      return counted.prepared;
    };
    expect(undo(2000)).toBe(undo(200));
  });

  it('finds each of thousands of rounds of one case and year again by its key: the same file twice changes nothing', () => {
    const p = sample();
    expect(importCsv(p, { kind: 'elections', text: elections(3000, true) })).toMatchObject({ created: 3000 });
    expect(importCsv(p, { kind: 'elections', text: elections(3000, true) })).toMatchObject({ created: 0, updated: 0, unchanged: 3000 });
    // No round and an empty round cell are the same election, as before.
    expect(importCsv(p, { kind: 'elections', text: 'case,date,type,round,label\nKAZ,1851,other,,A\n' })).toMatchObject({ created: 1 });
    expect(importCsv(p, { kind: 'elections', text: 'case,date,type,label\nKAZ,1851,other,B\n' })).toMatchObject({ created: 0, updated: 1 });
    p.close();
  });

  it('a bad row in the middle of a chunk leaves nothing, and the good rows around it are written', () => {
    const p = sample();
    const rows = ['indicator,case,year,value,min,max'];
    for (let i = 0; i < 1200; i++) rows.push(i === 700 ? `Brand new indicator,KAZ,${2000 + i},150,0,100` : `Scale test,KAZ,${1000 + i},${i % 100},0,100`);
    const result = importCsv(p, { kind: 'indicators', text: `${rows.join('\n')}\n`, skipBadRows: true });
    expect(result.created).toBe(1199);
    expect(result.skipped.map(({ line, message }) => ({ line, message }))).toEqual([{ line: 702, message: "value 150 is above the indicator's maximum 100" }]);
    expect(result.skipped[0]?.text?.id).toBe('errorsCsv.aboveMaximum');
    // The refused row had created its indicator before its value was checked: that write is gone too.
    expect(p.db.prepare("SELECT count(*) AS n FROM indicators WHERE name = 'Brand new indicator'").get()).toEqual({ n: 0 });
    expect(p.db.prepare("SELECT count(*) AS n FROM indicator_values iv JOIN indicators i ON i.id = iv.indicator_id WHERE i.name = 'Scale test' AND year >= 1000 AND year < 2200").get()).toEqual({ n: 1199 });
    // One undo step takes the whole import back.
    p.history.undo();
    expect(p.db.prepare("SELECT count(*) AS n FROM indicators WHERE name = 'Scale test'").get()).toEqual({ n: 0 });
    p.close();
  });

  it('checks every value against the limits as kept, read once per indicator; undo restores the tables exactly', () => {
    const p = sample();
    const dump = () => ['indicators', 'indicator_values'].map((table) => p.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all());
    importCsv(p, { kind: 'indicators', text: 'indicator,case,year,value,min,max\nLim,KAZ,1990,10,0,100\n' });
    const before = dump();
    const rows = ['indicator,case,year,value,min,max', 'Lim,KAZ,1991,20,0,50', 'Lim,KAZ,1992,70,0,50', 'Other,Atlantis,1993,5,0,10'];
    // Enough rows of another indicator after them that the bad ones fall in a chunk that is run again row by row.
    for (let i = 0; i < 600; i++) rows.push(`Many,KAZ,${1000 + i},${i % 10},0,10`);
    rows.push('Lim,KAZ,1993,60,0,50');
    const result = importCsv(p, { kind: 'indicators', text: `${rows.join('\n')}\n`, skipBadRows: true });
    expect(result.skipped.map((s) => s.line)).toEqual([3, 4, 605]);
    expect(result.skipped[0]!.message).toBe("value 70 is above the indicator's maximum 50");
    expect(result.skipped[2]!.message).toBe("value 60 is above the indicator's maximum 50");
    expect(p.db.prepare("SELECT max_value FROM indicators WHERE name = 'Lim'").get()).toEqual({ max_value: 50 });
    p.history.undo();
    expect(dump()).toEqual(before);
    p.close();
  });

  it('finds the values an import changes as stored, also those of a chunk run again after a refused row', () => {
    const p = sample();
    const dump = () => p.db.prepare('SELECT * FROM indicator_values ORDER BY 1, 2, 3').all();
    const file = (value: (i: number) => number, bad: boolean) => {
      const rows = ['indicator,case,year,value,label'];
      for (let i = 0; i < 700; i++) rows.push(`Many,${i % 2 ? 'KAZ' : 'BLR'},${1000 + i},${value(i)},`);
      if (bad) rows.splice(300, 0, 'Many,Atlantis,999,1,');
      return `${rows.join('\n')}\n`;
    };
    expect(importCsv(p, { kind: 'indicators', text: file((i) => i, false) })).toMatchObject({ created: 700 });
    const before = dump();
    expect(importCsv(p, { kind: 'indicators', text: file((i) => i, true), skipBadRows: true })).toMatchObject({ created: 0, updated: 0, unchanged: 700 });
    const result = importCsv(p, { kind: 'indicators', text: file((i) => (i % 100 === 0 ? i + 0.5 : i), true), skipBadRows: true });
    expect(result).toMatchObject({ created: 0, updated: 7, unchanged: 693 });
    expect(result.changes.every((c) => c.fields.join() === 'value')).toBe(true);
    expect(p.db.prepare("SELECT value FROM indicator_values WHERE year = 1600").get()).toEqual({ value: 600.5 });
    p.history.undo();
    expect(dump()).toEqual(before);
    p.close();
  });
});
