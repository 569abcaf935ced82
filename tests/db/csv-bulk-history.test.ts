/**
 * Issue 22: an indicators import journals its values from the rows it read in bulk and the rows it wrote (no read per
 * value), and audits them 500 to an audit row. Nothing a researcher recorded may be lost or quietly altered on the
 * way: undo and redo give back the project exactly, and the audit trail still shows every value that changed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditChanges, auditCsv, listAudit, restoreAudit, type AuditRow } from '../../electron/core/audit';
import { importCsv } from '../../electron/core/csv-data';
import { auditBlocks } from '../../electron/core/export/build-audit';
import { en } from '../../electron/core/export/i18n/en';
import type { BuildContext } from '../../electron/core/export/model';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

function sample() {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  return Project.open(file);
}

const HEADER = 'indicator,case,year,value,label,verification,note';

/** 600 values of one indicator over two cases, in a form each test varies. */
function values(row: (i: number) => string | null): string {
  const lines = [HEADER];
  for (let i = 0; i < 600; i++) {
    const line = row(i);
    if (line !== null) lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

const at = (i: number) => `Part,${i % 2 ? 'KAZ' : 'BLR'},${1400 + i}`;

describe('issue 22: an indicators import as one step, journalled and audited in bulk', () => {
  it('undo of an import that overwrote some values gives back every row exactly, and redo the import exactly', () => {
    const p = sample();
    const dump = () => ['indicators', 'indicator_values', 'sources'].map((table) => p.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all());
    importCsv(p, { kind: 'indicators', text: values((i) => (i < 400 ? `${at(i)},${i},,one-source,first ${i}` : null)) });
    // A source set elsewhere on some of the values: the file has no column for it, so it must survive both ways.
    p.db.prepare("UPDATE indicator_values SET source_id = (SELECT id FROM sources ORDER BY id LIMIT 1) WHERE year % 7 = 0 AND year < 1800").run();
    const before = dump();
    // Half the stored values change (value, label, verification or note), the rest stay; 200 are new; a bad row in
    // the middle makes its chunk run again row by row.
    const second = values((i) => {
      if (i === 450) return 'Part,Atlantis,1850,1,,,';
      if (i >= 400) return `${at(i)},${i / 4},,,new ${i}`;
      if (i % 4 === 0) return `${at(i)},${i + 0.5},,one-source,first ${i}`;
      if (i % 4 === 1) return `${at(i)},${i},"label, ${i}",one-source,first ${i}`;
      if (i % 4 === 2) return `${at(i)},${i},,contested,`;
      return `${at(i)},${i},,one-source,first ${i}`;
    });
    const result = importCsv(p, { kind: 'indicators', text: second, skipBadRows: true });
    expect(result).toMatchObject({ created: 199, updated: 300, unchanged: 100 });
    expect(result.skipped.map((s) => s.line)).toEqual([452]);
    const imported = dump();
    expect(imported).not.toEqual(before);

    p.history.undo();
    expect(dump()).toEqual(before);
    p.history.redo();
    expect(dump()).toEqual(imported);
    p.history.undo();
    expect(dump()).toEqual(before);
    p.close();
  });

  it('audits the changed values 500 to a row, and the audit list, CSV, appendix and restore show each value', () => {
    const p = sample();
    importCsv(p, { kind: 'indicators', text: values((i) => `${at(i)},${i},,,`) });
    const total = () => (p.db.prepare("SELECT count(*) AS n FROM audit_log WHERE table_name = 'indicator_values'").get() as { n: number }).n;
    const rowsBefore = total();
    // 600 values, 3 of them changed: below the batch size, each its own audit row as before.
    importCsv(p, { kind: 'indicators', text: values((i) => `${at(i)},${i % 200 === 0 ? i + 1 : i},,,`) });
    expect(total()).toBe(rowsBefore + 3);

    // The first import's 600 created values: two audit rows of at most 500, read back as 600 changes.
    const rows = p.db.prepare("SELECT * FROM audit_log WHERE table_name = 'indicator_values' ORDER BY id").all() as AuditRow[];
    expect(rows.slice(0, 2).map((r) => auditChanges(r).length)).toEqual([500, 100]);
    expect(auditChanges(rows[0]!)[0]).toMatchObject({ before: null, after: { year: 1400, value: 0, label: '', verification: 'unverified' } });

    const changes = listAudit(p, { table: 'indicator_values', limit: 3 });
    expect(changes.map((c) => [c.before?.value, c.after?.value])).toEqual([
      [400, 401],
      [200, 201],
      [0, 1],
    ]);

    // Each of the 600 created values is one line of the audit CSV, with its key and the row it created.
    const csv = auditCsv(p).split('\n');
    const created = csv.filter((line) => line.includes('Import indicators from CSV') && line.includes('"year"":1999'));
    expect(created).toHaveLength(1);
    expect(csv.filter((line) => line.includes('Import indicators from CSV')).length).toBe(603);

    // Restoring one change of a batch row restores that value alone (as a new, undoable edit).
    const batch = rows[1]!;
    const entry = auditChanges(batch).find((c) => c.after?.year === 1999)!;
    const value = p.db.prepare('SELECT value FROM indicator_values WHERE indicator_id = @indicator_id AND case_id = @case_id AND year = @year');
    p.db.prepare('UPDATE indicator_values SET value = 42 WHERE indicator_id = @indicator_id AND case_id = @case_id AND year = @year').run(entry.rowKey);
    restoreAudit(p, { id: batch.id, index: entry.index!, side: 'after' });
    expect(value.get(entry.rowKey)).toEqual({ value: 599 });

    // The methods appendix counts changes, not audit rows.
    const { sheet } = auditBlocks({ project: p, m: en } as BuildContext, 1);
    const all = (p.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[]).flatMap(auditChanges);
    expect(sheet.rows).toHaveLength(Math.min(all.length, 1000));
    expect(sheet.rows.at(-1)).toEqual(expect.arrayContaining(['Restore version of ' + new Date(entry.at).toLocaleString('en-GB')]));
    p.close();
  });
});
