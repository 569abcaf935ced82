/**
 * Import from REFI-QDA: a real ATLAS.ti export, a hand-made file with the faults files from other programs have,
 * codebooks, the mapping of foreign codes to matrix cells, and the bad inputs that must be refused with nothing
 * written. The fixtures are made by scripts/make-qdpx-fixtures.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import * as edit from '../../electron/core/edit';
import * as evidence from '../../electron/core/evidence';
import { importQdc, importQdpx, previewQdpx } from '../../electron/core/exchange';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { formatText } from '../../electron/contract/i18n/format';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'refi-qda');
const fixture = (name: string) => path.join(FIXTURES, name);
const ATLAS = fixture('atlasti-standard-project.qdpx');
const FORGIVING = fixture('forgiving.qdpx');

function emptyProject(): Project {
  return Project.create(path.join(tempDir(), 'empty.comparanda'));
}

function sampleProject(): Project {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  return Project.open(file);
}

/** Row counts of every table an import writes. */
function tableCounts(p: Project): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of ['codes', 'cases', 'case_attributes', 'case_attribute_values', 'sources', 'documents', 'document_pages', 'excerpts', 'excerpt_codes', 'excerpt_cells', 'cells', 'memos', 'norms', 'frameworks', 'stages', 'participants', 'claims']) {
    out[table] = (p.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('the ATLAS.ti standard project (REFI sample exported by ATLAS.ti 8.4)', () => {
  /*
   * What the file holds (samples/README): 3 users, 14 codes, 12 sources (6 text, 1 picture, 2 PDF, 1 audio,
   * 2 video), 15 selections, 16 codings, 2 notes, 16 sets, 1 graph, 1 link — and none of the 23 files under
   * internal:// that its sources point at (Sources/ is empty). So:
   * - codes: all 14 (flat, as the file has them: "Coke::diet Coke" is ATLAS.ti's name, not a hierarchy);
   * - sources: the 6 text and 2 PDF sources are kept as sources without a document (their files are missing, each is
   *   reported); the picture, the audio and the 2 videos are skipped (not supported) — 8 sources, 0 documents;
   * - selections: the 6 text selections need their missing text and are skipped; of the PDF "Pay de Limón…", 3 of
   *   its 4 areas carry their text inline (a Representation) and become excerpts located by page (ATLAS.ti counts
   *   pages from 0); the 4th ("Quotation 12:3") has no text and becomes an area excerpt (its page and corners,
   *   described in words); its 2 text selections share GUIDs with
   *   2 of those areas (ATLAS.ti writes such a quotation twice) and are merged into them, not skipped; the picture
   *   selection and the 2 video selections go with their sources — 4 excerpts;
   * - codings: 4 on those excerpts (one on the area without text) (cornflakes ×2, "waste of time"); the 2 on the merged text selections name the
   *   same codes and add nothing; the other 11 go with their selections — 3 excerpt codes;
   * - notes: the 2 notes become project memos ("My favorite Coke ad" is linked to a skipped video selection);
   * - users, sets, the graph and the link are reported, not stored.
   */
  it('imports what is there into an empty project and reports what is not', async () => {
    const p = emptyProject();
    const { report } = await importQdpx(p, { path: ATLAS });
    expect(report).toMatchObject({ file: 'atlasti-standard-project.qdpx', format: 'qdpx', projectName: 'ATLAS.ti standard project', madeByComparanda: false });
    expect(report.origin).toMatch(/^ATLAS\.ti 8\.4/);
    expect(report.created).toMatchObject({ codes: 14, sources: 8, documents: 0, excerpts: 4, codings: 4, memos: 2, cases: 0, attributes: 0, cells: 0, cellLinks: 0 });
    expect(p.counts()).toMatchObject({ sources: 8, documents: 0, excerpts: 4, cases: 0 });
    // The counts the triggers keep are those of the rows after an import (issue 22).
    expect(p.counts()).toEqual(p.countRows());
    expect((p.db.prepare('SELECT count(*) AS n FROM excerpt_codes').get() as { n: number }).n).toBe(4);

    const messages = report.skipped.map((s) => s.message);
    expect(messages).toContain('Source “Jeanine\'s Breakfast.m4a” (audio) skipped: audio sources are not supported.');
    expect(messages).toContain('Source “cornflakes-n-milk.jpg” (picture) skipped: pictures are not supported; its 1 selection and 2 codings are skipped with it.');
    expect(messages.filter((m) => /\(video\) skipped: video sources are not supported/.test(m))).toHaveLength(2);
    expect(messages).toContain(
      'Source “Simon.docx”: its file internal://C1C745F7-8E4D-48B2-9710-655AFE7E54FA.txt is missing from the archive; so is its Word file internal://D32251E3-04A0-4E0C-87A1-46AC68021F21.docx; the source is kept without a document, and its 3 text selections (with 3 codings) are skipped.',
    );
    expect(messages.filter((m) => /is missing from the archive/.test(m))).toHaveLength(8);
    // Users are kept (as REFI users, for the re-export), not reported as lost.
    expect(messages.some((m) => /users? \(/.test(m))).toBe(false);
    expect(p.db.prepare('SELECT name FROM refi_users ORDER BY name').pluck().all()).toEqual(['ATLAS.ti', 'Friedrich Markgraf', 'Sebastian Petrausch']);
    // Sets are kept for the way back; members that were not imported are named as left out.
    expect(report.notes).toContain('16 sets of codes and sources are kept for the way back: Comparanda does not show sets, and its REFI-QDA export writes them again.');
    expect(messages).toContain('Set “Video and Audio” is kept without its 3 sources that were not imported.');
    expect(messages).toContain('1 graph skipped: Comparanda has no network diagrams.');
    expect(messages.filter((m) => m.startsWith('Link'))).toEqual([expect.stringMatching(/^Link .*from the note “My favorite Coke ad” to .* was not kept: what it points at was not imported \(the note is kept as a project memo\)\.$/)]);
    expect(report.skipped).toHaveLength(17);

    const excerpts = evidence.listExcerpts(p, {});
    const granola = excerpts.find((e) => e.text === 'granola')!;
    // PDF areas keep their page and corners (REFI-QDA counts pages from 0; points from the upper left corner).
    expect(granola).toMatchObject({ id: '27a5f0c2-e225-4d6a-8297-f4fec794d890', page: 1, locator: 'p. 1, area', documentId: null, textKind: 'quote', region: { x1: 335, y1: 367, x2: 485, y2: 420 } });
    // An area without text is an area excerpt described in words (a paraphrase), with its coding.
    const area = excerpts.find((e) => e.id === '7c046d16-1b6d-4814-a260-3a7bd5fc6a51')!;
    expect(area).toMatchObject({ page: 1, region: { x1: 19, y1: 515, x2: 576, y2: 676 }, textKind: 'paraphrase', text: 'Area of page 1: Quotation 12:3', locator: 'p. 1, area' });
    expect(area.codeIds).toHaveLength(1);
    expect(granola.codeIds).toEqual(['7988dac2-adbd-4258-a81e-71489189f5b5']);
    expect(excerpts.find((e) => e.id === '7b8c9a7d-1ad6-4a88-8556-50b9a35fda19')!.page).toBe(2);

    const codes = evidence.listCodes(p);
    expect(codes.find((c) => c.name === 'Coke::diet Coke')).toMatchObject({ id: 'd299efae-5779-46dc-9827-a3d1a5d544bc', description: 'non sucré', parentId: null });
    expect(codes.find((c) => c.name === '"rushed"')).toBeDefined();
    const sources = evidence.listSources(p);
    expect(sources.map((s) => s.title)).toContain('Mabêl 2ième.txt');
    expect(sources.find((s) => s.id === 'ae5298be-7c94-4b66-8a9c-51fbe232d2f5')).toMatchObject({ title: 'Simon.docx', kind: 'other', documentCount: 0 });
    const memos = p.db.prepare("SELECT text FROM memos WHERE target_type = 'project' ORDER BY text").all() as { text: string }[];
    expect(memos.map((m) => m.text)).toEqual([
      'My favorite Coke ad\n\nThis version is much better than the new Director’s cut',
      'Research Plan\n\nday to day log about this amazing project\n\nThis is a great project by a dynamic team of researcher-developers.',
    ]);
    p.close();
  });

  it('updates rather than duplicates on a second import', async () => {
    const p = emptyProject();
    await importQdpx(p, { path: ATLAS });
    const before = tableCounts(p);
    const { report } = await importQdpx(p, { path: ATLAS });
    expect(Object.values(report.created).every((n) => n === 0)).toBe(true);
    expect(report.updated).toMatchObject({ codes: 14, sources: 8, excerpts: 4, memos: 2 });
    expect(tableCounts(p)).toEqual(before);
    p.close();
  });

  it('previews the file: counts, codes with their use, what would be skipped', async () => {
    const preview = await previewQdpx(ATLAS);
    expect(preview.counts).toEqual({
      users: 3,
      codes: 14,
      variables: 0,
      cases: 0,
      textSources: 6,
      pdfSources: 2,
      pictureSources: 1,
      audioSources: 1,
      videoSources: 2,
      selections: 15,
      codings: 16,
      notes: 2,
      sets: 16,
      links: 1,
      graphs: 1,
    });
    expect(preview.madeByComparanda).toBe(false);
    const cornflakes = preview.codes.find((c) => c.name === 'cornflakes')!;
    expect(cornflakes).toMatchObject({ guid: 'ae6d04ce-d987-4fc8-af97-d72ca6ffd08f', path: ['cornflakes'], color: '#DC0000', comparanda: null });
    // Text and PDF codings only: 1 on Mabel's text, 2 PDF areas, 1 representation selection (the picture's is not counted).
    expect(cornflakes.codings).toBe(4);
    expect(preview.skipped.some((s) => s.message.startsWith('Source “Simon.docx”: its file internal://C1C745F7'))).toBe(true);
  });
});

describe('a file with the faults real files have', () => {
  it('imports CRLF, braces, RGB colours, bare and relative paths, lower-case sources/, unknown elements, Cyrillic and emoji', async () => {
    const p = emptyProject();
    const framework = p.overview().frameworks[0]!;
    const norm = edit.createNorm(p, { label: 'Free and fair voting', frameworkId: framework.id });
    const contestation = framework.stages[3]!;
    const { report } = await importQdpx(p, {
      path: FORGIVING,
      // "Élections équitables" (given here in braces and upper case) lands in the matrix.
      mapping: { '{A1000000-0000-4000-8000-000000000003}': { normId: norm.id, stageId: contestation.id } },
    });
    expect(report.created).toMatchObject({ codes: 4, attributes: 6, attributeValues: 7, cases: 2, sources: 5, documents: 4, excerpts: 6, codings: 6, cells: 2, cellLinks: 2, memos: 5 });
    expect(report.skipped.map((s) => s.message)).toEqual([
      'Source “Interview 3.mp3” (audio) skipped: audio sources are not supported.',
      'The value “many” of “Interviews” for case “Belarus” is not a valid number; it was skipped.',
      'Selection “outside the text” in “Интервью 1 (Алматы).txt” skipped: its positions (99999–100010) lie outside the text (214 characters).',
      'Source “Missing.docx”: its file internal://D1000000-0000-4000-8000-000000000061.txt is missing from the archive; so is its Word file internal://D1000000-0000-4000-8000-000000000060.docx; the source is kept without a document, and its 1 text selection (with 1 coding) is skipped.',
    ]);

    // Codes: hierarchy kept, colours in any notation mapped to the palette, GUIDs normalised.
    const codes = evidence.listCodes(p);
    const observers = codes.find((c) => c.name === 'Наблюдатели')!;
    expect(observers).toMatchObject({ id: 'a1000000-0000-4000-8000-000000000001', palette: 1, description: 'Observers and their access' });
    expect(codes.find((c) => c.name === 'Доступ наблюдателей')).toMatchObject({ parentId: observers.id, palette: 3 });
    expect(codes.find((c) => c.name === 'Élections équitables')).toMatchObject({ palette: 2 });

    // Typed variables.
    const o = p.overview();
    const types = Object.fromEntries(o.attributes.map((a) => [a.name, a.type]));
    expect(types).toEqual({ Region: 'text', Interviews: 'number', Turnout: 'number', 'OSCE participant since': 'date', 'Observer access': 'boolean', 'Last visit': 'date' });
    const kaz = o.cases.find((c) => c.name === 'Казахстан')!;
    const byName = (caseDto: typeof kaz) => Object.fromEntries(o.attributes.map((a) => [a.name, caseDto.attributes[a.id]]));
    expect(byName(kaz)).toEqual({ Region: 'Центральная Азия', Interviews: 3, Turnout: 61.5, 'OSCE participant since': '1992-01-30', 'Observer access': true, 'Last visit': '2021-01-10' });
    expect(kaz).toMatchObject({ id: 'c1000000-0000-4000-8000-000000000001', notes: 'Focal case, Central Asia', role: 'comparison' });

    // Texts: a two-page interview (form feed), offsets per page; code points counted past an emoji.
    const excerpts = evidence.listExcerpts(p, {});
    const byId = (n: number) => excerpts.find((e) => e.id === `e1000000-0000-4000-8000-00000000000${n}`)!;
    expect(byId(1)).toMatchObject({ text: 'Наблюдателям разрешили присутствовать', page: 1, startOffset: 45, endOffset: 82, paragraph: 2, locator: 'p. 1' });
    expect(byId(2)).toMatchObject({ text: 'The observers were told to stand back during the count.', page: 2, startOffset: 11, endOffset: 66, locator: 'p. 2' });
    expect(byId(3)).toMatchObject({ text: '«Stand back»', page: 1 });
    expect(byId(4)).toMatchObject({ text: 'Наблюдатели были допущены', page: 2 });
    expect(byId(5)).toMatchObject({ text: 'Inline text' });
    expect(byId(7)).toMatchObject({ locator: 'pp. 1–2', startOffset: null });
    for (const n of [1, 2, 3, 5]) {
      const e = byId(n);
      const page = evidence.getDocument(p, { id: e.documentId! }).pages.find((pg) => pg.number === e.page)!;
      expect(page.text.slice(e.startOffset!, e.endOffset!)).toBe(e.text);
    }
    const pdf = evidence.listDocuments(p, {}).find((d) => d.format === 'pdf')!;
    expect(pdf).toMatchObject({ fileName: 'Observer report.pdf', mimeType: 'application/pdf', pageCount: 2 });
    expect(byId(4).documentId).toBe(pdf.id);

    // The mapped code put its selections into matrix cells, by the case that names their source or the selection.
    const blr = o.cases.find((c) => c.name === 'Belarus')!;
    const cells = p.cells(norm.id);
    expect(cells.map((c) => [c.caseId, c.stageId, c.status]).sort()).toEqual([
      [blr.id, contestation.id, 'no-data'],
      [kaz.id, contestation.id, 'no-data'],
    ].sort());
    expect(byId(2).cellIds).toEqual([cells.find((c) => c.caseId === kaz.id)!.id]);
    expect(byId(3).cellIds).toEqual([cells.find((c) => c.caseId === blr.id)!.id]);

    // Notes become memos where they are referred from.
    const memos = (type: string) => (p.db.prepare('SELECT text FROM memos WHERE target_type = ? ORDER BY text').all(type) as { text: string }[]).map((m) => m.text);
    expect(memos('excerpt')).toEqual(['Важная цитата', 'Памятка\n\nQuote checked against the recording.']);
    expect(memos('source')).toEqual(['About the interview\n\nInterview held in Almaty, in Russian.']);
    expect(memos('case')).toEqual(['About Kazakhstan\n\nLinked to the case\n\nCase note, attached through a link.']);
    expect(memos('project')).toEqual(['Free note\n\nUnattached.']);
    p.close();
  });

  it('matches cases by name in a project that has them, and updates on a second import', async () => {
    const p = sampleProject();
    const before = p.overview().cases.length;
    const { report } = await importQdpx(p, { path: FORGIVING });
    expect(report.notes).toContain('The case “Belarus” was matched with the project\'s case “Belarus”.');
    expect(p.overview().cases.length).toBe(before + 1);
    const counts = tableCounts(p);
    const again = await importQdpx(p, { path: FORGIVING });
    expect(Object.values(again.report.created).every((n) => n === 0)).toBe(true);
    expect(tableCounts(p)).toEqual(counts);
    p.close();
  });

  it('refuses a mapping to a norm or stage that is not in the project, before writing', async () => {
    const p = sampleProject();
    const counts = tableCounts(p);
    const [observation] = p.overview().norms;
    const error = await refusal(importQdpx(p, { path: FORGIVING, mapping: { 'a1000000-0000-4000-8000-000000000003': { normId: observation!.id, stageId: 'not-a-stage' } } }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/stage that is not part of the framework/);
    const unknown = await refusal(importQdpx(p, { path: FORGIVING, mapping: { 'ffffffff-0000-4000-8000-000000000003': { normId: observation!.id, stageId: 'x' } } }));
    expect(unknown.message).toMatch(/not in the file/);
    expect(tableCounts(p)).toEqual(counts);
    p.close();
  });

  it('writes all or nothing: a failure in the middle of the import leaves the project as it was', async () => {
    const p = sampleProject();
    const counts = tableCounts(p);
    // Memos are written last; make that fail.
    p.db.exec("CREATE TEMP TRIGGER refuse_memos BEFORE INSERT ON memos BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const error = await refusal(importQdpx(p, { path: FORGIVING }));
    expect(error.message).toBe('"forgiving.qdpx" could not be imported (disk on fire). Nothing was imported.');
    expect(tableCounts(p)).toEqual(counts);
    p.close();
  });

  it('reports its progress source by source, and a cancel while it reads leaves the project as it was', async () => {
    const p = sampleProject();
    const counts = tableCounts(p);
    const controller = new AbortController();
    const seen: [number, number, string][] = [];
    const error = await refusal(
      importQdpx(p, {
        path: ATLAS,
        signal: controller.signal,
        onProgress: (done, total, message) => {
          seen.push([done, total, formatText('en', message)]);
          if (done === 3) controller.abort();
        },
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'The import of "atlasti-standard-project.qdpx" was cancelled.' });
    expect(seen.map(([done]) => done)).toEqual([0, 1, 2, 3]);
    expect(seen[0]).toEqual([0, 13, expect.stringMatching(/^Reading “.+”$/) as string]);
    expect(tableCounts(p)).toEqual(counts);

    // Not cancelled: every source, then the writing, then done.
    const steps: number[] = [];
    await importQdpx(p, { path: ATLAS, signal: new AbortController().signal, onProgress: (done) => steps.push(done) });
    expect(steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(tableCounts(p).excerpts).toBe(counts.excerpts! + 4);
    p.close();
  });
});

describe('codebooks (.qdc)', () => {
  it('imports another program’s codebook with its hierarchy, and keeps its sets for the way back', async () => {
    const p = emptyProject();
    const { report } = await importQdc(p, { path: fixture('codebook-foreign.qdc') });
    expect(report).toMatchObject({ format: 'qdc', origin: 'Another QDA program 12' });
    expect(report.created.codes).toBe(4);
    expect(report.skipped).toEqual([]);
    expect(report.notes).toContain('1 set of codes and sources is kept for the way back: Comparanda does not show sets, and its REFI-QDA export writes them again.');
    const codes = evidence.listCodes(p);
    const contestation = codes.find((c) => c.name === 'Contestation')!;
    expect(contestation).toMatchObject({ id: 'd2000000-0000-4000-8000-000000000001', palette: 6 });
    expect(codes.filter((c) => c.parentId === contestation.id).map((c) => c.name)).toEqual(['Double standards', 'Sovereignty']);
    const again = await importQdc(p, { path: fixture('codebook-foreign.qdc') });
    expect(again.report.created.codes).toBe(0);
    expect(evidence.listCodes(p)).toHaveLength(4);
    p.close();
  });

  it('merges a code with the project’s code of the same name at the same place', async () => {
    const p = emptyProject();
    const mine = evidence.createCode(p, { name: 'наблюдение' });
    const { report } = await importQdc(p, { path: fixture('codebook-foreign.qdc') });
    expect(report.created.codes).toBe(3);
    expect(report.notes).toContain('The code “Наблюдение” was merged with the project\'s code “наблюдение”, which has the same name at the same place.');
    expect(evidence.listCodes(p).filter((c) => c.name.toLowerCase() === 'наблюдение').map((c) => c.id)).toEqual([mine.id]);
    p.close();
  });
});

describe('bad input is refused with a message naming the file, and nothing is written', () => {
  const cases: [string, RegExp, Parameters<typeof importQdpx>[1]['limits']?][] = [
    ['bad-no-project.qdpx', /"bad-no-project\.qdpx" is not a REFI-QDA project: the archive contains no project\.qde/],
    ['bad-not-well-formed.qdpx', /"bad-not-well-formed\.qdpx" cannot be read: its project\.qde is not well-formed XML \(line 5, column 3/],
    ['bad-bomb-ratio.qdpx', /"bad-bomb-ratio\.qdpx" was refused: Sources\/B2000000-0000-4000-8000-000000000001\.txt would inflate from 8 KB to 8\.0 MB \(more than 100 times\)/],
    ['bad-bomb-lying.qdpx', /"bad-bomb-lying\.qdpx" was refused: project\.qde declares 1000 bytes but inflates to more \(a "ZIP bomb"\)/],
    ['bad-escape-entry.qdpx', /"bad-escape-entry\.qdpx" was refused: it holds a file named "\.\.\/\.\.\/escaped\.txt", which would lie outside the project's folder/],
    ['bad-escape-path.qdpx', /"bad-escape-path\.qdpx" was refused: the source “Report\.txt” points at "internal:\/\/\.\.\/\.\.\/\.\.\/etc\/passwd", a path that leads outside/],
    ['bad-doctype.qdpx', /"bad-doctype\.qdpx" was refused: its project\.qde declares a DOCTYPE or entities/],
    // A source larger than one source may be (the limit is lowered so that the fixture can stay small).
    ['bad-huge-source.qdpx', /"bad-huge-source\.qdpx" was refused: the source “Report\.txt” \(Sources\/B2000000-0000-4000-8000-000000000001\.txt\) is 283 KB, more than one source may be \(98 KB\)/, { maxSourceBytes: 100_000 }],
    // More than the total the archive may inflate to.
    ['forgiving.qdpx', /"forgiving\.qdpx" was refused: its contents come to more than 20 KB uncompressed/, { maxTotalBytes: 20_000 }],
  ];
  for (const [name, message, limits] of cases) {
    it(name + (limits ? ` (limits ${JSON.stringify(limits)})` : ''), async () => {
      const p = sampleProject();
      const counts = tableCounts(p);
      const error = await refusal(importQdpx(p, { path: fixture(name), limits }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(message);
      expect(tableCounts(p)).toEqual(counts);
      await expect(previewQdpx(fixture(name), { limits })).rejects.toThrow(message);
      p.close();
    });
  }

  it('a missing file, a folder and a file that is no archive', async () => {
    const p = emptyProject();
    expect((await refusal(importQdpx(p, { path: fixture('nope.qdpx') }))).code).toBe('FILE_NOT_FOUND');
    expect((await refusal(importQdpx(p, { path: FIXTURES }))).message).toMatch(/is a folder/);
    expect((await refusal(importQdpx(p, { path: fixture('Project.xsd') }))).message).toMatch(/"Project\.xsd" is not QDA-XML/);
    expect((await refusal(importQdpx(p, { path: path.join(__dirname, '..', 'fixtures', 'documents', 'notapdf.pdf') }))).message).toMatch(/neither a REFI-QDA project/);
    expect((await refusal(importQdpx(p, { path: fixture('codebook-foreign.qdc') }))).message).toMatch(/holds a codebook, not a project/);
    p.close();
  });
});
