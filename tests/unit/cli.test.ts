import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/core/db/schema-version';
import { listDir, sha256, tempDir } from '../helpers/temp';
import { cli } from '../helpers/cli';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'tests', 'fixtures');


beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build (the CLI runs from dist/).');
});

describe('comparanda CLI', () => {
  it('writes the sample and reports it with info --json', () => {
    const dir = tempDir();
    const made = cli(['sample', '--out', 's.comparanda'], dir);
    expect(made.code).toBe(0);
    const info = cli(['info', 's.comparanda', '--json'], dir);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toEqual({
      schemaVersion: SCHEMA_VERSION,
      encrypted: false,
      counts: {
        cases: 2,
        norms: 2,
        stages: 4,
        cells: 14,
        frameworks: 1,
        views: 0,
        sources: 105,
        documents: 0,
        excerpts: 45,
        codes: 0,
        codings: 0,
        memos: 0,
        participants: 11,
        elections: 28,
        missions: 34,
        claims: 7,
        regionalNorms: 4,
        indicators: 44,
        backups: 0,
      },
    });
    expect(listDir(dir)).toEqual(['s.comparanda']);
  });

  it('counts codes, codings and memos after a REFI-QDA import, and refuses a project given as a codebook', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    const qdpx = path.join(fixtures, 'refi-qda', 'forgiving.qdpx');
    const counts = () => JSON.parse(cli(['info', 's.comparanda', '--json'], dir).stdout).counts as Record<string, number>;
    const before = counts();
    const wrong = cli(['import', 's.comparanda', '--from', 'qdc', qdpx], dir);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain(
      '"forgiving.qdpx" is a REFI-QDA project, not a codebook: imported as a codebook only its codes would be taken and its sources, selections and codings left behind. Import it as a project instead (on the command line: --from qdpx), or export a codebook (.qdc) from the program that made it.',
    );
    expect(counts()).toEqual(before);
    expect(cli(['import', 's.comparanda', '--from', 'qdpx', qdpx], dir).code).toBe(0);
    const after = counts();
    expect({ codes: after.codes! - before.codes!, codings: after.codings! - before.codings!, memos: after.memos! - before.memos! }).toEqual({ codes: 4, codings: 6, memos: 5 });
  });

  it('prints a readable summary without --json', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    const info = cli(['info', 's.comparanda'], dir);
    expect(info.stdout).toMatch(/Kazakhstan & Belarus \(sample\)/);
    expect(info.stdout).toMatch(/cases\s+2: Kazakhstan \(focal\), Belarus/);
  });

  it('refuses a project from a newer version with a one-line message, leaving it unchanged', () => {
    const dir = tempDir();
    cli(['sample', '--out', 'new.comparanda'], dir);
    const file = path.join(dir, 'new.comparanda');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = sha256(file);
    const info = cli(['info', 'new.comparanda', '--json'], dir);
    expect(info.code).toBe(1);
    expect(info.stdout).toBe('');
    expect(info.stderr.trim().split('\n')).toHaveLength(1);
    expect(info.stderr).toMatch(/newer version of Comparanda/);
    expect(sha256(file)).toBe(before);
    expect(listDir(dir)).toEqual(['new.comparanda']);
  });

  it('refuses a text file renamed .comparanda, leaving it unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'text.comparanda');
    fs.writeFileSync(file, 'not a project\n');
    const before = sha256(file);
    const info = cli(['info', 'text.comparanda'], dir);
    expect(info.code).toBe(1);
    expect(info.stderr).toMatch(/^comparanda info: "text.comparanda" is not a Comparanda project: it is not a SQLite database/);
    expect(sha256(file)).toBe(before);
  });

  it('exits 2 with a message on usage mistakes', () => {
    const dir = tempDir();
    expect(cli(['info'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/Give a project FILE/) });
    expect(cli(['sample'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--out/) });
    expect(cli(['sample', '--out', 'x.txt'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/\.comparanda/) });
    expect(cli(['info', 'a.comparanda', '--frobnicate'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/frobnicate/) });
    expect(cli(['launch-rockets'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown command/) });
    expect(listDir(dir)).toEqual([]);
  });

  it('prints a norm\'s matrix as Markdown with the focal case first and every stage', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    const md = cli(['matrix', 's.comparanda', '--norm', 'observation', '--format', 'md'], dir);
    expect(md.code).toBe(0);
    const lines = md.stdout.split('\n');
    expect(lines[0]).toBe('### International election observation');
    expect(lines[2]).toBe('| Stage | Kazakhstan (focal) | Belarus |');
    const rows = lines.filter((l) => /^\| \d\. /.test(l));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| 1. Diffusion', '| 2. Acceptance', '| 3. Reconstitution', '| 4. Moment of contestation']);
    expect(rows[2]).toMatch(/\*\*Reached\*\* \(discourse, 2012–2016\): Re-made through discourse/);
    expect(rows[2]).toMatch(/\| \*\*No data\*\* \|$/);
  });

  it('prints the same matrix as JSON and as CSV', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    const json = cli(['matrix', 's.comparanda', '--norm', 'Election observation', '--format', 'json'], dir);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as { norms: { label: string; cases: { name: string }[]; stages: { label: string; cells: Record<string, { statusLabel: string; mode: string | null; summary: string }> }[] }[] };
    expect(data.norms).toHaveLength(1);
    expect(data.norms[0]!.cases.map((c) => c.name)).toEqual(['Kazakhstan', 'Belarus']);
    expect(data.norms[0]!.stages.map((s) => s.label)).toEqual(['Diffusion', 'Acceptance', 'Reconstitution', 'Moment of contestation']);
    expect(data.norms[0]!.stages[2]!.cells.Kazakhstan).toMatchObject({ statusLabel: 'Reached', mode: 'discourse' });
    expect(data.norms[0]!.stages[2]!.cells.Belarus).toMatchObject({ statusLabel: 'No data', summary: '' });

    const csv = cli(['matrix', 's.comparanda', '--norm', 'all', '--cases', 'BLR,Kazakhstan', '--format', 'csv'], dir);
    const records = csv.stdout.trim().split('\n');
    expect(records[0]).toBe('norm,stage_position,stage,case,iso_code,role,status,status_label,mode,period_from,period_to,confidence,summary');
    expect(records).toHaveLength(1 + 2 * 4 * 2);
    expect(records[1]).toMatch(/^International election observation,1,Diffusion,Kazakhstan,KAZ,focal,reached,/);
  });

  it('names the problem when the norm or view does not exist', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    expect(cli(['matrix', 's.comparanda', '--norm', 'media freedom'], dir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/No norm matches "media freedom"\. The project's norms: Election observation; Free and fair voting/) });
    expect(cli(['matrix', 's.comparanda', '--view', 'Table 9'], dir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/No view matches "Table 9"/) });
    expect(cli(['matrix', 's.comparanda', '--norm', 'voting', '--format', 'docx'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format must be md, csv or json/) });
  });

  it('imports a scanned PDF, recognising its text: the Kazakh word is found by search', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    expect(cli(['import', 's.comparanda', '--from', 'document', path.join(fixtures, 'documents', 'image-only.pdf')], dir)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported image-only\.pdf: 1 page/) });
    const found = JSON.parse(cli(['search', 's.comparanda', 'сайлау', '--json'], dir).stdout) as { groups: { hits: { kind: string; page: number }[] }[] };
    expect(found.groups.flatMap((g) => g.hits).filter((h) => h.kind === 'page').map((h) => h.page)).toEqual([1]);
  });

  it('imports a Russian/Kazakh PDF and finds the Kazakh page by search, in any case', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    const imported = cli(['import', 's.comparanda', '--from', 'document', path.join(fixtures, 'documents', 'ru-kk.pdf')], dir);
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported ru-kk\.pdf: 3 pages/) });
    for (const q of ['қазақстан', 'ҚАЗАҚСТАН']) {
      const found = cli(['search', 's.comparanda', q, '--json'], dir);
      expect(found.code).toBe(0);
      const result = JSON.parse(found.stdout) as { total: number; groups: { hits: { kind: string; page: number; snippet: string }[] }[] };
      const pages = result.groups.flatMap((g) => g.hits).filter((h) => h.kind === 'page');
      expect(pages.map((h) => h.page)).toEqual([3]);
      expect(pages[0]!.snippet).toContain('\u0002Қазақстан\u0003');
    }
    const readable = cli(['search', 's.comparanda', 'транспарентность OR transplanted'], dir);
    expect(readable.stdout).toMatch(/cannot simply be \[transplanted\]/);
    expect(JSON.parse(cli(['info', 's.comparanda', '--json'], dir).stdout).counts.documents).toBe(1);
  });

  it('imports a Zotero BibTeX export once, skipping duplicates the second time', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    const bib = path.join(fixtures, 'bibliography', 'zotero.bib');
    const first = cli(['import', 's.comparanda', '--from', 'bibtex', bib, '--json'], dir);
    const added = (JSON.parse(first.stdout) as { imported: unknown[] }).imported.length;
    expect(added).toBeGreaterThanOrEqual(3);
    const second = cli(['import', 's.comparanda', '--from', 'bibtex', bib], dir);
    expect(second.stdout).toMatch(/^Imported 0 sources\./);
    expect(second.stdout).toMatch(/Skipped a duplicate of/);
    expect(JSON.parse(cli(['info', 's.comparanda', '--json'], dir).stdout).counts.sources).toBe(105 + added);
  });

  it.each([
    ['document', 'documents/encrypted.pdf', /"encrypted\.pdf" .*password/i],
    ['document', 'documents/truncated.pdf', /"truncated\.pdf"/],
    ['document', 'documents/corrupt.docx', /"corrupt\.docx"/],
    ['document', 'documents/empty.docx', /"empty\.docx"/],
    ['document', 'documents/empty.txt', /"empty\.txt" is empty/],
    ['document', 'documents/unsupported.xyz', /"unsupported\.xyz"/],
    ['bibtex', 'bibliography/malformed.bib', /malformed\.bib/],
    ['ris', 'bibliography/malformed.ris', /malformed\.ris/],
  ])('refuses a bad %s (%s) with a message naming it, and info counts stay the same', (from, file, message) => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    const before = cli(['info', 's.comparanda', '--json'], dir).stdout;
    const result = cli(['import', 's.comparanda', '--from', from, path.join(fixtures, file)], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(cli(['info', 's.comparanda', '--json'], dir).stdout).toBe(before);
  });

  it('imports a CSV of indicators in one transaction: a bad row is refused with its line number, counts unchanged', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    const csv = path.join(dir, 'rsf.csv');
    fs.writeFileSync(csv, 'indicator,case,year,value,label\nRSF press freedom score,KAZ,2023,44.2,\nRSF press freedom score,BLR,2023,abc,\n');
    const before = JSON.parse(cli(['info', 's.comparanda', '--json'], dir).stdout).counts;
    const refused = cli(['import', 's.comparanda', '--from', 'csv', '--kind', 'indicators', csv], dir);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/line 3: value must be a number, not "abc"/) });
    expect(JSON.parse(cli(['info', 's.comparanda', '--json'], dir).stdout).counts).toEqual(before);
    const skipped = cli(['import', 's.comparanda', '--from', 'csv', '--kind', 'indicators', csv, '--skip-bad-rows'], dir);
    expect(skipped).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported 1 indicators row: 1 new, 0 changed, 0 unchanged\.\nSkipped \(1\):\n {2}line 3: /) });
    expect(JSON.parse(cli(['info', 's.comparanda', '--json'], dir).stdout).counts.indicators).toBe(before.indicators + 1);
    expect(cli(['import', 's.comparanda', '--from', 'csv', csv], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--kind/) });
  });

  it('--dry-run prints every bad line and what would change, and writes nothing; the summary says new, changed and unchanged', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    const exported = cli(['export', 's.comparanda', '--data', 'elections'], dir).stdout.trim().split('\n');
    const header = 'case,date,type,notes';
    const kept = exported.slice(1, 4).map((line) => line.split(',').slice(0, 3).join(',') + ',');
    const csv = path.join(dir, 'e.csv');
    fs.writeFileSync(csv, [header, `${kept[0]}changed note`, `${kept[1]}`, 'KAZ,2099-01-01,presidential,new', 'KAZ,2099-02-30,presidential,', 'Atlantis,2099-01-01,presidential,', ''].join('\n'));
    const before = sha256(path.join(dir, 's.comparanda'));
    const dry = cli(['import', 's.comparanda', '--from', 'csv', '--kind', 'elections', csv, '--dry-run'], dir);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('Dry run: nothing was written.\nWould import 3 elections rows: 1 new, 1 changed (notes (1)), 1 unchanged.');
    expect(dry.stdout).toMatch(/Bad rows \(2\):\n {2}line 5: date: "2099-02-30" is not a date: February 2099 has 28 days\n {2}line 6: case "Atlantis"/);
    expect(sha256(path.join(dir, 's.comparanda'))).toBe(before);
    const refused = cli(['import', 's.comparanda', '--from', 'csv', '--kind', 'elections', csv], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Nothing was imported: 2 bad rows in "e.csv":\nline 5: .*\nline 6: /);
    const done = cli(['import', 's.comparanda', '--from', 'csv', '--kind', 'elections', csv, '--skip-bad-rows'], dir);
    expect(done).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Imported 3 elections rows: 1 new, 1 changed \(notes \(1\)\), 1 unchanged\.\nSkipped \(2\):/) });
    const typo = path.join(dir, 'm.csv');
    fs.writeFileSync(typo, 'case,election_date,election_type,organisation,mission_type\nKAZ,2099-01-01,presidential,ODHIR,full-eom\n');
    expect(cli(['import', 's.comparanda', '--from', 'csv', '--kind', 'missions', typo], dir).stderr).toMatch(/"ODHIR" is not in this project \(nearest: "OSCE\/ODIHR"/);
    expect(cli(['import', 's.comparanda', '--from', 'csv', '--kind', 'missions', typo, '--create-missing'], dir)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Added mission organisation "ODHIR".'),
    });
  });

  it('encrypts a copy, then reads it only with --passphrase-file; check reports a sound project', () => {
    const dir = tempDir();
    cli(['sample', '--out', 's.comparanda'], dir);
    fs.writeFileSync(path.join(dir, 'pass.txt'), 'a long field passphrase\n');
    fs.writeFileSync(path.join(dir, 'wrong.txt'), 'not the passphrase');
    const made = cli(['encrypt', 's.comparanda', '--out', 'e.comparanda', '--new-passphrase-file', 'pass.txt'], dir);
    expect(made).toMatchObject({ code: 0, stdout: expect.stringMatching(/encrypted copy/) });
    expect(fs.readFileSync(path.join(dir, 'e.comparanda')).includes(Buffer.from('Kazakhstan'))).toBe(false);
    expect(cli(['info', 'e.comparanda'], dir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/encrypted .*passphrase/) });
    expect(cli(['info', 'e.comparanda', '--passphrase-file', 'wrong.txt'], dir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/passphrase does not open/) });
    const info = cli(['info', 'e.comparanda', '--json', '--passphrase-file', 'pass.txt'], dir);
    expect(JSON.parse(info.stdout)).toMatchObject({ encrypted: true, counts: { cells: 14, excerpts: 45 } });
    expect(cli(['search', 'e.comparanda', 'Karusel', '--passphrase-file', 'pass.txt'], dir).stdout).toMatch(/\[Karusel\]/);
    expect(cli(['check', 'e.comparanda', '--passphrase-file', 'pass.txt'], dir)).toMatchObject({ code: 0, stdout: expect.stringMatching(/no problems found/) });
    expect(cli(['encrypt', 's.comparanda', '--out', 'x.comparanda', '--new-passphrase-file', 'wrong.txt'], dir)).toMatchObject({ code: 0 });
    expect(cli(['encrypt', 's.comparanda', '--out', 'y.comparanda'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/never on the command line/) });
  });

  it('refuses to overwrite an existing file with the sample', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 's.comparanda'), 'precious');
    const made = cli(['sample', '--out', 's.comparanda'], dir);
    expect(made.code).toBe(1);
    expect(made.stderr).toMatch(/already exists/);
    expect(fs.readFileSync(path.join(dir, 's.comparanda'), 'utf8')).toBe('precious');
  });
});
