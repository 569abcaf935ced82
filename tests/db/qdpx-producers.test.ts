/**
 * Files in the styles of the programs researchers move between (fixtures made by
 * tests/fixtures/refi-qda/make-producer-fixtures.ts): the unit their positions count in, and what a round trip
 * through our export keeps of their GUIDs, names, hierarchy, colours, positions and quoted text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { paletteColour } from '../../electron/contract/palette';
import { extractDocument } from '../../electron/core/documents/extract';
import * as evidence from '../../electron/core/evidence';
import { exportQdpx, importQdpx } from '../../electron/core/exchange';
import { loadFile, readSourceText, resolvePath } from '../../electron/core/exchange/load';
import { producerOf } from '../../electron/core/exchange/producers';
import { Positions } from '../../electron/core/exchange/text';
import { Project } from '../../electron/core/project';
import { errorOf } from '../helpers/errors';
import { readIndependently } from '../helpers/independent-qdpx-reader';
import { tempDir } from '../helpers/temp';
import { CODES, SELECTIONS_A, SELECTIONS_B, SOURCES } from '../fixtures/refi-qda/make-producer-fixtures';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'refi-qda', name);

function emptyProject(): Project {
  return Project.create(path.join(tempDir(), 'empty.comparanda'));
}

function excerptTexts(p: Project): Record<string, string> {
  const rows = p.db.prepare('SELECT id, text FROM excerpts').all() as { id: string; text: string }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.text]));
}

const expected = Object.fromEntries([...SELECTIONS_A, ...SELECTIONS_B].map((s) => [s.guid.toLowerCase(), s.part]));

describe('the unit of text positions, per file', () => {
  it('reads an NVivo file in UTF-16 code units, so emoji before a passage do not shift it, and says so', async () => {
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: fixture('nvivo-utf16.qdpx') });
    expect(excerptTexts(p)).toEqual(expected);
    expect(report.skipped.filter((s) => s.kind === 'selection')).toEqual([]);
    expect(report.positionUnit).toBe('utf16');
    expect(report.notes).toEqual([
      'Text positions were read in UTF-16 code units (a character outside the Basic Multilingual Plane, such as most emoji, counts 2), as NVivo writes them: of the 7 selections that lie after such a character, 7 start and end on word boundaries read in UTF-16 units, 1 read as characters.',
    ]);
  });

  it('tells UTF-16 units from the selections’ boundaries when the file does not say who wrote it', async () => {
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: fixture('utf16-no-origin.qdpx') });
    expect(excerptTexts(p)).toEqual(expected);
    expect(report.positionUnit).toBe('utf16');
    expect(report.notes.join('\n')).toMatch(/^Text positions were read in UTF-16 code units \(.*\): of the 7 selections/m);
  });

  it('lets the selections overrule the origin: an NVivo file in code points is read in code points, and says so', async () => {
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: fixture('nvivo-codepoints.qdpx') });
    expect(excerptTexts(p)).toEqual(expected);
    expect(report.positionUnit).toBe('codepoint');
    expect(report.notes.join('\n')).toMatch(/^Text positions were read as characters \(code points\), although NVivo usually counts UTF-16 code units: of the 7 selections/m);
  });

  it('keeps code points for a QualCoder file with the same texts', async () => {
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: fixture('qualcoder-codepoints.qdpx') });
    expect(excerptTexts(p)).toEqual(expected);
    expect(report.positionUnit).toBe('codepoint');
    expect(report.notes.join('\n')).not.toMatch(/UTF-16/);
  });
});

/** What a file says about its text sources, codes and users, in terms that survive a round trip. */
function contentOf(file: string) {
  const loaded = loadFile(file, 'project');
  const { qda } = loaded;
  const producer = producerOf(qda.origin);
  const sources = qda.sources
    .filter((s) => s.kind === 'text')
    .map((s) => {
      const resolved = resolvePath(loaded, s.text!.plainTextPath!, { kind: 'source', name: s.name });
      if (resolved.kind !== 'found') throw new Error(`${s.name}: text missing`);
      const text = readSourceText(loaded, resolved.entry, { kind: 'source', name: s.name }).text;
      const positions = new Positions(text, file.includes('utf16') ? 'utf16' : 'codepoint');
      return {
        guid: s.guid,
        name: s.name,
        created: s.creationDateTime,
        user: s.creatingUser,
        selections: s.text!.selections.map((sel) => ({
          guid: sel.guid,
          quoted: text.slice(positions.toUnit(sel.start!)!, positions.toUnit(sel.end!)!),
          // In code points, as the standard counts: NVivo's UTF-16 positions are converted, the others kept.
          codePoints: [sel.start!, sel.end!].map((at) => Array.from(text.slice(0, positions.toUnit(at)!)).length),
          written: [sel.start, sel.end],
          codes: sel.codings.map((c) => c.codeGuid),
          user: sel.creatingUser,
          name: sel.name,
          created: sel.creationDateTime,
        })),
      };
    });
  return {
    producer: producer.id,
    sources,
    codes: qda.codes.map((c) => ({ guid: c.guid, name: c.name, parent: c.parentGuid, color: c.color, isCodable: c.isCodable })),
    users: qda.users,
    sets: qda.sets.filter((set) => !/^Sources: /.test(set.name)),
  };
}

describe('a round trip through Comparanda keeps what each program wrote', () => {
  for (const [style, file] of [
    ['NVivo', 'nvivo-utf16.qdpx'],
    ['MAXQDA', 'maxqda-style.qdpx'],
    ['ATLAS.ti', 'atlasti-style.qdpx'],
    ['QualCoder', 'qualcoder-codepoints.qdpx'],
  ] as const) {
    it(`${style}: GUIDs, names, hierarchy, users, positions and quoted text`, async () => {
      const p = emptyProject();
      await importQdpx(p, { path: fixture(file) });
      const out = path.join(tempDir(), 'back.qdpx');
      await exportQdpx(p, { out });
      const before = contentOf(fixture(file));
      const after = contentOf(out);
      // Sources, in the order written, with their selections (GUIDs, quoted text, codes, creating user).
      const unitFree = (sources: typeof before.sources) => sources.map((x) => ({ ...x, selections: x.selections.map(({ written: _, ...rest }) => rest) }));
      expect(unitFree(after.sources)).toEqual(unitFree(before.sources));
      const written = (c: typeof before) => c.sources.flatMap((x) => x.selections.map((sel) => sel.written));
      if (style === 'NVivo') expect(written(after)).not.toEqual(written(before));
      else expect(written(after)).toEqual(written(before));
      // Every user of the file is still there (ours is added for what Comparanda wrote).
      expect(after.users).toEqual(expect.arrayContaining(before.users));
      // Codes: GUIDs, names, hierarchy, exact colours and whether they are codable.
      expect(after.codes).toEqual(before.codes);
      // Sets (MAXQDA's code sets) go back as sets, with their members.
      expect(after.sets).toEqual(before.sets);

      // A reader written against the schema only finds nothing to refuse and quotes the same text.
      const independent = await readIndependently(out);
      expect(independent.problems).toEqual([]);
      expect(independent.sources).toBe(before.sources.length);
      for (const source of before.sources) for (const sel of source.selections) expect(independent.quoted.get(sel.guid)).toBe(sel.quoted);

      // And once more, through a new project: our own file carries the other program's GUIDs on.
      const q = emptyProject();
      await importQdpx(q, { path: out });
      const again = path.join(tempDir(), 'again.qdpx');
      await exportQdpx(q, { out: again });
      expect(contentOf(again).sources).toEqual(after.sources);
      expect(contentOf(again).users).toEqual(after.users);
    });
  }
});

describe('messages about selections without a name', () => {
  it('name them by their positions, never “0”', async () => {
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: fixture('unnamed-selections.qdpx') });
    const messages = report.skipped.map((s) => s.message);
    expect(messages).toEqual([
      'A coding of the selection at positions 0–9 names no code; it was skipped.',
      'A second selection with the GUID e7000000-0000-4000-8000-000000000011 (at positions 0–9) in “Notes” was skipped.',
      'The selection at positions 500–510 in “Notes” was skipped: it lies outside the text (36 characters).',
      'The selection at positions 9–12 in “Notes” was skipped: it selects no text.',
    ]);
    expect(messages.join('\n')).not.toMatch(/“0”|“”/);
  });
});

describe('exact colours and codability', () => {
  it('keeps a code’s exact colour beside its palette slot until the researcher picks another slot', async () => {
    const p = emptyProject();
    await importQdpx(p, { path: fixture('maxqda-style.qdpx') });
    const row = (id: string) => p.db.prepare('SELECT palette, color, is_codable FROM codes WHERE id = ?').get(id) as { palette: number; color: string | null; is_codable: number };
    const parent = CODES.parent.toLowerCase();
    expect(row(parent)).toMatchObject({ color: '#5B9BD5', is_codable: 0 });
    const { palette } = row(parent);
    evidence.updateCode(p, { id: parent, palette: palette === 2 ? 3 : 2 });
    expect(row(parent).color).toBeNull();
    const out = path.join(tempDir(), 'recoloured.qdpx');
    await exportQdpx(p, { out });
    const code = contentOf(out).codes.find((c) => c.guid === parent)!;
    expect(code).toMatchObject({ color: paletteColour(palette === 2 ? 3 : 2), isCodable: false });
  });
});

describe('codes that only group others (isCodable="false")', () => {
  it('are offered as such and refused as an excerpt’s new code, with the reason; a code it already carries stays', async () => {
    const p = emptyProject();
    await importQdpx(p, { path: fixture('maxqda-style.qdpx') });
    const parent = CODES.parent.toLowerCase();
    const child = evidence.listCodes(p).find((c) => c.parentId === parent && c.isCodable)!;
    expect(evidence.listCodes(p).find((c) => c.id === parent)).toMatchObject({ isCodable: false });
    expect(child).toBeDefined();
    const source = evidence.listSources(p)[0]!;
    const error = errorOf(() => evidence.createExcerpt(p, { sourceId: source.id, text: 'Observers stood far away.', codeIds: [parent] }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(error.message).toMatch(/only groups other codes .* choose one of the codes under it/);
    const made = evidence.createExcerpt(p, { sourceId: source.id, text: 'Observers stood far away.', codeIds: [child.id] });
    expect(made.codeIds).toEqual([child.id]);
    // An excerpt the file coded with it (as programs may) keeps it when its other codes change.
    p.db.prepare('INSERT INTO excerpt_codes (excerpt_id, code_id) VALUES (?, ?)').run(made.id, parent);
    expect(evidence.updateExcerpt(p, { id: made.id, codeIds: [parent] }).codeIds).toEqual([parent]);
  });
});

describe('links between items (REFI-QDA <Links>)', () => {
  it('keeps each as a memo on its origin naming the other end, and lists one whose origin was not imported', async () => {
    const entries = unzipSync(new Uint8Array(fs.readFileSync(fixture('qualcoder-codepoints.qdpx'))));
    const [first, second] = SELECTIONS_A;
    const links = `<Links>
    <Link guid="F7000000-0000-4000-8000-000000000001" name="contradicts" originGUID="${first!.guid}" targetGUID="${second!.guid}"/>
    <Link guid="F7000000-0000-4000-8000-000000000002" originGUID="${SOURCES.b}" targetGUID="${CODES.access}"/>
    <Link guid="F7000000-0000-4000-8000-000000000003" name="see also" originGUID="F7000000-0000-4000-8000-0000000000FF" targetGUID="${first!.guid}"/>
  </Links>`;
    entries['project.qde'] = new TextEncoder().encode(new TextDecoder().decode(entries['project.qde']).replace('</Project>', `${links}\n</Project>`));
    const file = path.join(tempDir(), 'links.qdpx');
    fs.writeFileSync(file, zipSync(entries));
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: file });
    const memo = (id: string) => p.db.prepare('SELECT target_type, target_id, text FROM memos WHERE id = ?').get(id) as { target_type: string; target_id: string; text: string } | undefined;
    expect(memo('f7000000-0000-4000-8000-000000000001')).toEqual({
      target_type: 'excerpt',
      target_id: first!.guid.toLowerCase(),
      text: expect.stringMatching(/^Link “contradicts” \(from the imported file\) to the selection “.+”\.$/) as string,
    });
    expect(memo('f7000000-0000-4000-8000-000000000002')).toMatchObject({ target_type: 'source', text: expect.stringMatching(/^A link \(from the imported file\) to the code “.+”\.$/) as string });
    expect(memo('f7000000-0000-4000-8000-000000000003')).toBeUndefined();
    expect(report.skipped.filter((s) => s.kind === 'link').map((s) => s.message)).toEqual([
      expect.stringMatching(/^Link “see also” from an item \(f7000000-0000-4000-8000-0000000000ff\) that is not in the file to the selection “.+” was not kept: its origin was not imported\.$/),
    ]);
  });
});

describe('the archive layout', () => {
  it('holds under Sources/ only files project.qde names, and keeps a Markdown original for our own import elsewhere', async () => {
    const p = emptyProject();
    await importQdpx(p, { path: fixture('nvivo-utf16.qdpx') });
    const md = new TextEncoder().encode('# Отчёт\n\nНаблюдатели 👀 были *допущены*.\n');
    const extracted = await extractDocument({ fileName: 'report.md', bytes: md });
    evidence.storeDocument(p, { fileName: 'report.md', bytes: md }, extracted, { kind: 'observer-report' });
    const out = path.join(tempDir(), 'layout.qdpx');
    await exportQdpx(p, { out });
    const entries = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(out))));
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(fs.readFileSync(out)))['project.qde']!);
    const named = new Set([...xml.matchAll(/internal:\/\/([^"]+)"/g)].map((m) => `Sources/${m[1]}`));
    const underSources = entries.filter((e) => /^sources\//i.test(e));
    expect(underSources.length).toBeGreaterThan(0);
    expect(underSources.every((e) => e.startsWith('Sources/'))).toBe(true);
    expect(underSources.filter((e) => !named.has(e))).toEqual([]);

    // Our own import still finds the Markdown original.
    const q = emptyProject();
    await importQdpx(q, { path: out });
    const formats = q.db.prepare('SELECT format FROM documents ORDER BY format').pluck().all();
    expect(formats).toEqual(['md', 'txt', 'txt']);
    const bytes = q.db.prepare("SELECT f.bytes FROM document_files f JOIN documents d ON d.id = f.document_id WHERE d.format = 'md'").pluck().get() as Buffer;
    expect(new TextDecoder().decode(bytes)).toBe(new TextDecoder().decode(md));
  });
});

describe('PDF areas (issue 16, finding 6)', () => {
  it('go out as PDFSelections (page from 0, whole points from the upper left corner, their text) and come back as the same area excerpts', async () => {
    const p = emptyProject();
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'documents', 'ru-kk.pdf')));
    const doc = evidence.storeDocument(p, { fileName: 'ru-kk.pdf', bytes }, await extractDocument({ fileName: 'ru-kk.pdf', bytes }), { kind: 'observer-report' });
    const page3 = evidence.getDocument(p, { id: doc.id }).pages[2]!.text;
    const heading = page3.slice(0, page3.indexOf('\n'));
    const stamp = evidence.createExcerpt(p, { sourceId: doc.sourceId, documentId: doc.id, page: 3, region: { x1: 60.4, y1: 420, x2: 300.6, y2: 540 }, text: 'No stamp of the commission', textKind: 'paraphrase' });
    const title = evidence.createExcerpt(p, { sourceId: doc.sourceId, documentId: doc.id, page: 3, startOffset: 0, endOffset: heading.length, region: { x1: 40, y1: 30, x2: 380, y2: 80 }, text: heading });
    const plain = evidence.createExcerpt(p, { sourceId: doc.sourceId, documentId: doc.id, page: 3, startOffset: 0, endOffset: heading.length, text: heading });

    const out = path.join(tempDir(), 'areas.qdpx');
    await exportQdpx(p, { out });
    const reading = await readIndependently(out);
    expect(reading.problems).toEqual([]);
    expect(reading.areas.get(stamp.id)).toEqual({ page: 2, firstX: 60, firstY: 420, secondX: 301, secondY: 540, text: null });
    expect(reading.areas.get(title.id)).toEqual({ page: 2, firstX: 40, firstY: 30, secondX: 380, secondY: 80, text: heading });
    expect(reading.quoted.get(plain.id)).toBe(heading);
    expect(reading.quoted.has(title.id)).toBe(false);

    const q = emptyProject();
    const { report } = await importQdpx(q, { path: out });
    expect(report.skipped.filter((s) => s.kind === 'selection')).toEqual([]);
    // Our own file: exact coordinates and offsets come back from its note.
    expect(evidence.requireExcerpt(q, stamp.id)).toMatchObject({ page: 3, region: stamp.region, textKind: 'paraphrase', text: 'No stamp of the commission' });
    expect(evidence.requireExcerpt(q, title.id)).toMatchObject({ page: 3, region: title.region, startOffset: 0, endOffset: heading.length, text: heading });
    expect(evidence.requireExcerpt(q, plain.id).region).toBeNull();
  });
});
