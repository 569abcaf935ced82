/**
 * Issue 13, findings 1-5: a CSV import changes exactly what the file says, reads Windows spreadsheets, refuses typos
 * and duplicates, and reports every bad line at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { enteredDateProblem } from '../../electron/contract/dates';
import { inputSchemas as SCHEMAS } from '../../electron/contract/schemas';
import { exportCsv, importCsv, previewCsv } from '../../electron/core/csv-data';
import { exportQdpx, importQdpx } from '../../electron/core/exchange';
import { Project } from '../../electron/core/project';
import * as record from '../../electron/core/record';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';
import { errorOf } from '../helpers/errors';

const fixtures = path.resolve(__dirname, '../fixtures/csv');

function sample() {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  return Project.open(file);
}


/** An exported table as header + records, and back, keeping only some columns. */
function table(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...rest] = parse(text) as string[][];
  return { header: header!, rows: rest.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}
const csv = (columns: string[], rows: Record<string, string>[]) => stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]);
const auditCount = (p: Project) => (p.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('finding 1: a column the file lacks is left as it is', () => {
  it('changes only the note of an election when the file has case, date, type and notes; unchanged rows write nothing', () => {
    const p = sample();
    const before = record.listElections(p).find((e) => e.date === '2004-10-17')!;
    expect(before).toMatchObject({ label: expect.stringMatching(/referendum/), verification: 'verified-external', verificationNote: 'confidence: high' });
    const { rows } = table(exportCsv(p, { kind: 'elections' }).text);
    const edited = rows.map((r) => (r.date === '2004-10-17' ? { ...r, notes: 'Revised note.' } : r));
    const text = csv(['case', 'date', 'type', 'notes'], edited);

    const preview = previewCsv(p, { kind: 'elections', text });
    expect(preview).toMatchObject({ created: 0, updated: 1, unchanged: rows.length - 1, problems: [] });
    expect(preview.changes).toEqual([{ line: rows.findIndex((r) => r.date === '2004-10-17') + 2, fields: ['notes'] }]);

    const audit = auditCount(p);
    const result = importCsv(p, { kind: 'elections', text });
    expect(result).toMatchObject({ imported: rows.length, created: 0, updated: 1, unchanged: rows.length - 1 });
    const after = record.listElections(p).find((e) => e.id === before.id)!;
    expect(after).toEqual({ ...before, notes: 'Revised note.' });
    // One row changed: one audit entry, not one per row of the file.
    expect(auditCount(p)).toBe(audit + 1);

    // The same file again changes nothing: no audit entry and no undo step.
    p.history.undo();
    importCsv(p, { kind: 'elections', text });
    const state = p.history.state();
    expect(importCsv(p, { kind: 'elections', text })).toMatchObject({ created: 0, updated: 0, unchanged: rows.length });
    expect(p.history.state()).toEqual(state);
    p.close();
  });

  it('an empty cell in a present column clears the field; a new row gets defaults for absent columns', () => {
    const p = sample();
    const result = importCsv(p, {
      kind: 'elections',
      text: 'case,date,type,label,verification_note\nBLR,2004-10-17,parliamentary,,\nKAZ,2099-01-01,presidential,New,\n',
    });
    expect(result).toMatchObject({ created: 1, updated: 1, changes: [{ line: 2, fields: ['label', 'verification_note'] }] });
    const elections = record.listElections(p);
    expect(elections.find((e) => e.date === '2004-10-17')).toMatchObject({ label: '', verificationNote: '', verification: 'verified-external' });
    expect(elections.find((e) => e.date === '2099-01-01')).toMatchObject({ label: 'New', notes: '', verification: 'unverified' });
    p.close();
  });

  it('keeps a claim\'s assessment, reasoning, norm, stage and compared missions when the file has only claimant, statement and verification_note', () => {
    const p = sample();
    const claims = record.listClaims(p);
    const target = claims.find((c) => c.normId && c.stageId && c.missionIds.length > 0)!;
    expect(target).toBeDefined();
    const { rows } = table(exportCsv(p, { kind: 'claims' }).text);
    const text = csv(
      ['claimant', 'statement', 'verification_note'],
      rows.map((r) => (r.statement === target.statement ? { ...r, verification_note: 'checked again' } : r)),
    );
    expect(importCsv(p, { kind: 'claims', text })).toMatchObject({ updated: 1, unchanged: rows.length - 1 });
    const after = record.listClaims(p).find((c) => c.id === target.id)!;
    expect(after).toEqual({ ...target, verificationNote: 'checked again' });
    p.close();
  });
});

describe('finding 2: impossible dates are refused everywhere a date enters', () => {
  it('refuses 30 February in a CSV, in the API schemas, and accepts 29 February of a leap year', () => {
    const p = sample();
    const error = errorOf(() => importCsv(p, { kind: 'elections', text: 'case,date,type\nKAZ,2015-02-30,presidential\nKAZ,2015-13,presidential\n' }));
    expect(error.message).toMatch(/line 2: date: "2015-02-30" is not a date: February 2015 has 28 days\nline 3: date: "2015-13" is not a date: there is no month 13/);
    expect(importCsv(p, { kind: 'elections', text: 'case,date,type\nKAZ,2016-02-29,presidential\n' })).toMatchObject({ created: 1 });

    const caseId = p.overview().cases[0]!.id;
    const bad = SCHEMAS['elections.save'].safeParse({ caseId, date: '2015-02-30', type: 'presidential' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('"2015-02-30" is not a date: February 2015 has 28 days.');
    expect(SCHEMAS['elections.save'].safeParse({ caseId, date: '2016-02-29', type: 'presidential' }).success).toBe(true);
    // The dialogs' fields use the same check, with the same message.
    expect(enteredDateProblem(' 2015-02-30 ')).toBe('"2015-02-30" is not a date: February 2015 has 28 days.');
    expect(enteredDateProblem('', true)).toBe('A date is YYYY, YYYY-MM or YYYY-MM-DD.');
    expect(enteredDateProblem('')).toBeNull();
    for (const [method, input] of [
      ['claims.save', { claimant: 'x', statement: 'y', date: '2019-04-31' }],
      ['instruments.save', { title: 't', date: '2001-06-31' }],
      ['memberships.save', { caseId, organisationId: 'o', status: 'member', dateTo: '1999-02-29' }],
      ['participants.create', { pseudonym: 'P1', interviewDate: '2021-11-31' }],
    ] as const) {
      expect(SCHEMAS[method].safeParse(input).success, method).toBe(false);
    }
    p.close();
  });

  it('REFI-QDA: an impossible date in the file keeps its record, with the part of the date that exists, and is reported', async () => {
    const p = sample();
    // A project written before dates were checked could hold such a date; the schema's own check lets it through.
    p.db.prepare("UPDATE elections SET date = '2015-02-30' WHERE date = '2004-10-17'").run();
    p.db.prepare("UPDATE claims SET date = '2019-13-01' WHERE rowid = (SELECT min(rowid) FROM claims)").run();
    const out = path.join(tempDir(), 'old.qdpx');
    await exportQdpx(p, { out });
    p.close();
    const fresh = Project.create(path.join(tempDir(), 'fresh.comparanda'));
    const { report } = await importQdpx(fresh, { path: out });
    const dates = record.listElections(fresh).map((e) => e.date);
    expect(dates).toContain('2015-02');
    expect(dates.some((d) => d.endsWith('-30') && d.startsWith('2015-02'))).toBe(false);
    expect(record.listClaims(fresh).map((c) => c.date)).toContain('2019');
    expect(report.skipped.filter((x) => x.kind === 'value').map((x) => x.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^"2015-02-30" is not a date: February 2015 has 28 days \(election .*, date\); kept “2015-02”\.$/), expect.stringMatching(/^"2019-13-01" is not a date: there is no month 13 \(claim .*kept “2019”/)]),
    );
    fresh.close();
  });
});

describe('finding 3: Windows spreadsheets are read, not garbled', () => {
  it('reads a Windows-1252 file, naming the encoding, with ü, ø and § intact', () => {
    const p = sample();
    const file = path.join(fixtures, 'elections-windows-1252.csv');
    const preview = previewCsv(p, { kind: 'elections', path: file });
    expect(preview.encoding).toBe('Windows-1252');
    expect(preview.notices[0]?.message).toMatch(/^Read as Windows-1252 \(Western European\): the file is not UTF-8/);
    expect(preview.sample[0]![3]).toBe('Müller, Søren: § 12 of the Electoral Code');
    importCsv(p, { kind: 'elections', path: file });
    const notes = record.listElections(p).map((e) => e.notes);
    expect(notes).toContain('Müller, Søren: § 12 of the Electoral Code');
    expect(notes).toContain('Größere Änderungen; Øresund-Beobachter');
    expect(notes.join('')).not.toContain('\ufffd');
    // A byte both code pages read the same ("§") is no reason to refuse the file.
    const section = path.join(tempDir(), 'section.csv');
    fs.writeFileSync(section, Buffer.from('case,date,type,notes\nKAZ,2099-01-01,presidential,§ 12\n', 'latin1'));
    expect(previewCsv(p, { kind: 'elections', path: section }).sample).toEqual([['KAZ', '2099-01-01', 'presidential', '§ 12']]);
    p.close();
  });

  it('reads a Central European (Windows-1250) file from the detector’s candidates, Polish letters intact', () => {
    const p = sample();
    const file = path.join(fixtures, 'elections-windows-1250.csv');
    const preview = previewCsv(p, { kind: 'elections', path: file });
    expect(preview.encoding).toBe('Windows-1250');
    expect(preview.sample[0]![3]).toBe('Obserwatorzy z Łodzi i Gdańska: Wałęsa, Żółć, Ścisła kontrola');
    p.close();
  });

  it('reads a Windows-1251 file with a "sep=;" line, and a semicolon file without one, as Cyrillic', () => {
    const p = sample();
    const preview = previewCsv(p, { kind: 'elections', path: path.join(fixtures, 'elections-windows-1251.csv') });
    expect(preview).toMatchObject({ encoding: 'Windows-1251', header: ['case', 'date', 'type', 'notes'], problems: [], updated: 1, created: 1 });
    expect(preview.changes).toEqual([{ line: 3, fields: ['notes'] }]);
    // Line 1 is "sep=;": the header is line 2, the rows lines 3 and 4.
    expect(preview.sampleLines).toEqual([3, 4]);
    expect(preview.sample[0]![3]).toBe('Центральная избирательная комиссия; § 12 Избирательного кодекса');
    importCsv(p, { kind: 'elections', path: path.join(fixtures, 'elections-windows-1251.csv') });
    expect(record.listElections(p).find((e) => e.date === '2099-01-01')!.notes).toBe('Наблюдатели ОБСЕ/БДИПЧ');
    const plain = previewCsv(p, { kind: 'elections', path: path.join(fixtures, 'elections-semicolon-1251-nosep.csv') });
    expect(plain).toMatchObject({ encoding: 'Windows-1251', problems: [], sample: [['BLR', '2000-10-15', 'parliamentary', 'Выборы']] });
    p.close();
  });

  it('reads UTF-16 with a byte order mark (Excel\'s "Unicode text"), tab-separated', () => {
    const p = sample();
    const file = path.join(tempDir(), 'unicode.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('case\tdate\ttype\tnotes\r\nKAZ\t2099-01-01\tpresidential\tҚазақстан\r\n', 'utf16le')]));
    expect(previewCsv(p, { kind: 'elections', path: file })).toMatchObject({ encoding: 'UTF-16LE', notices: [], sample: [['KAZ', '2099-01-01', 'presidential', 'Қазақстан']] });
    p.close();
  });
});

describe('finding 4: typos do not create records', () => {
  it('refuses an unknown mission organisation with the nearest known names, unless asked to create it', () => {
    const p = sample();
    const before = p.counts();
    const text = 'case,election_date,election_type,organisation,mission_type\nBLR,2000-10-15,parliamentary,ODHIR,full-eom\n';
    const error = errorOf(() => importCsv(p, { kind: 'missions', text }));
    expect(error.message).toMatch(/line 2: mission organisation "ODHIR" is not in this project \(nearest: "OSCE\/ODIHR"/);
    expect(p.counts()).toEqual(before);
    expect(importCsv(p, { kind: 'missions', text, createMissing: true })).toMatchObject({ created: 1, createdNames: ['mission organisation "ODHIR"'] });
    p.close();
  });

  it('refuses an unknown regional organisation, unless asked to create it', () => {
    const p = sample();
    const text = 'record,organisation,label\nnorm,SCOO,A new norm\n';
    expect(errorOf(() => importCsv(p, { kind: 'regional', text })).message).toMatch(/line 2: organisation "SCOO" is not in this project \(nearest: "SCO"/);
    expect(p.db.prepare("SELECT count(*) AS n FROM organisations WHERE name = 'SCOO'").get()).toEqual({ n: 0 });
    importCsv(p, { kind: 'regional', text, createMissing: true });
    expect(p.db.prepare("SELECT count(*) AS n FROM organisations WHERE name = 'SCOO'").get()).toEqual({ n: 1 });
    p.close();
  });

  it('refuses two rows with the same natural key, naming both lines, instead of letting the last win', () => {
    const p = sample();
    const text = 'case,date,type,notes\nKAZ,2099-01-01,presidential,first\nBLR,2099-01-01,presidential,other\nKazakhstan,2099-01-01,presidential,second\n';
    const error = errorOf(() => importCsv(p, { kind: 'elections', text }));
    expect(error.message).toContain('line 2: lines 2 and 4 are the same election (case, date, type, round); keep one of them');
    expect(error.message).toContain('line 4: lines 2 and 4 are the same election');
    expect(record.listElections(p).some((e) => e.date === '2099-01-01')).toBe(false);
    p.close();
  });
});

describe('finding 5: every bad row at once', () => {
  it('lists all bad lines, each at the line its record starts on, even after a multi-line cell', () => {
    const p = sample();
    const text = [
      'case,date,type,notes',
      'KAZ,2099-01-01,presidentail,"a note',
      'over three',
      'lines"',
      'Atlantis,2099-01-02,presidential,',
      'KAZ,2099-02-30,presidential,',
      'KAZ,2099-03-01,presidential,fine',
    ].join('\n');
    const error = errorOf(() => importCsv(p, { kind: 'elections', text }));
    expect(error.message).toBe(
      [
        'Nothing was imported: 3 bad rows in the CSV:',
        'line 2: type must be one of parliamentary, presidential, referendum, local, other, not "presidentail"',
        'line 5: case "Atlantis" is not a case of this project (use its name or ISO code)',
        'line 6: date: "2099-02-30" is not a date: February 2099 has 28 days',
        'Fix the file, or import with bad rows skipped.',
      ].join('\n'),
    );
    expect(previewCsv(p, { kind: 'elections', text }).problems.map((x) => x.line)).toEqual([2, 5, 6]);
    p.close();
  });

  it('names the line where a quoted cell that is never closed opens', () => {
    const p = sample();
    const text = 'case,date,type,notes\nKAZ,2099-01-01,presidential,fine\nKAZ,2099-01-02,presidential,"never closed\nmore\nand more\n';
    expect(errorOf(() => importCsv(p, { kind: 'elections', text })).message).toMatch(/the quoted cell that opens on line 3 is never closed/);
    p.close();
  });
});
