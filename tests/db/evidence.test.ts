import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../electron/contract/api';
import { extractDocument } from '../../electron/core/documents/extract';
import * as evidence from '../../electron/core/evidence';
import { recordedIdentities } from '../../electron/core/privacy/identities';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { findFolded, search, toFtsQuery } from '../../electron/core/search';
import { tempDir } from '../helpers/temp';
import { errorOf } from '../helpers/errors';

const fixtures = path.join(__dirname, '..', 'fixtures');

function sample() {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  const p = Project.open(file);
  const o = p.overview();
  return { p, file, o, kaz: o.cases[0]!, blr: o.cases[1]!, obs: o.norms[0]!, stages: o.frameworks[0]!.stages };
}

async function importFixture(p: Project, name: string, sourceId?: string) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(fixtures, 'documents', name)));
  const extracted = await extractDocument({ fileName: name, bytes });
  return evidence.storeDocument(p, { fileName: name, bytes }, extracted, { sourceId, kind: 'observer-report' });
}


const plain = (snippet: string) => snippet.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');

describe('the sample project’s evidence', () => {
  it('has the fact base’s sources, the article’s interviewees by pseudonym, and excerpts linked to their cells', () => {
    const { p, kaz, obs, stages } = sample();
    expect(p.counts()).toMatchObject({ sources: 105, excerpts: 45, participants: 11, documents: 0 });
    const reconstitution = p.cells(obs.id).find((c) => c.caseId === kaz.id && c.stageId === stages[2]!.id)!;
    const cellEvidence = evidence.listExcerpts(p, { cellId: reconstitution.id });
    expect(cellEvidence.length).toBeGreaterThanOrEqual(5);
    const nazarbayev = cellEvidence.find((e) => e.text.includes('cannot simply be transplanted') && e.textKind === 'quote')!;
    expect(nazarbayev.speaker).toBe('Nursultan Nazarbayev');
    // Interview quotes are attributed to a pseudonym, never to a name.
    const participants = evidence.listParticipants(p);
    const interviewQuotes = evidence.listExcerpts(p, {}).filter((e) => e.participantId);
    expect(interviewQuotes.length).toBe(13);
    expect(interviewQuotes.every((e) => e.speaker === '')).toBe(true);
    expect(participants.map((x) => x.pseudonym)).toContain('CEC member 1');
    expect(participants.every((x) => !x.hasIdentity)).toBe(true);
    p.close();
  });
});

describe('documents', () => {
  it('imports a Russian/Kazakh PDF page by page; search finds the page, whatever the case; removing the document removes its hits', async () => {
    const { p } = sample();
    const document = await importFixture(p, 'ru-kk.pdf');
    expect(document).toMatchObject({ format: 'pdf', pageCount: 3, fileName: 'ru-kk.pdf' });
    expect(evidence.getDocument(p, { id: document.id }).pages.map((pg) => pg.number)).toEqual([1, 2, 3]);
    for (const q of ['қазақстан', 'ҚАЗАҚСТАН', 'Қазақстан']) {
      const result = search(p, { q, kinds: ['page'] });
      expect(result.total, q).toBe(1);
      const hit = result.groups[0]!.hits[0]!;
      expect(hit).toMatchObject({ kind: 'page', documentId: document.id, page: 3 });
      expect(plain(hit.snippet)).toContain('[Қазақстан]');
      const page = evidence.getDocument(p, { id: document.id }).pages[2]!.text;
      expect(page.slice(hit.offset!, hit.offset! + 'Қазақстан'.length)).toBe('Қазақстан');
    }
    expect(search(p, { q: 'выборы', kinds: ['page'] }).groups[0]?.hits[0]?.page).toBe(2);
    const copy = path.join(tempDir(), 'original.pdf');
    evidence.saveOriginal(p, { id: document.id, path: copy });
    expect(fs.readFileSync(copy).equals(fs.readFileSync(path.join(fixtures, 'documents', 'ru-kk.pdf')))).toBe(true);

    evidence.removeDocument(p, { id: document.id });
    expect(search(p, { q: 'қазақстан', kinds: ['page'] }).total).toBe(0);
    expect(p.counts().documents).toBe(0);
    p.close();
  });

  it('refuses the same file twice', async () => {
    const { p } = sample();
    await importFixture(p, 'notes.txt');
    await expect(importFixture(p, 'notes.txt')).rejects.toThrow(/already in this project/);
    expect(p.counts().documents).toBe(1);
    p.close();
  });
});

describe('excerpts', () => {
  it('takes an excerpt from a selection with exact offsets and a locator, links it to a cell, and undoes', async () => {
    const { p, blr, obs, stages } = sample();
    const document = await importFixture(p, 'ru-kk.pdf');
    const page = evidence.getDocument(p, { id: document.id }).pages[2]!.text;
    const sentence = page.slice(page.indexOf('Қазақстан Республикасының'), page.indexOf('жариялады.') + 'жариялады.'.length);
    const excerpt = evidence.createExcerpt(p, {
      sourceId: document.sourceId,
      documentId: document.id,
      page: 3,
      startOffset: page.indexOf(sentence),
      endOffset: page.indexOf(sentence) + sentence.length,
      text: sentence,
      language: 'kk',
      translation: 'The Central Election Commission of the Republic of Kazakhstan published the final results.',
    });
    expect(excerpt).toMatchObject({ page: 3, paragraph: 2, locator: 'p. 3, para 2', textKind: 'quote' });
    expect(
      errorOf(() => evidence.createExcerpt(p, { sourceId: document.sourceId, documentId: document.id, page: 3, startOffset: 0, endOffset: 5, text: 'wrong' })).message,
    ).toMatch(/does not match the document/);

    const linked = evidence.linkExcerpt(p, { excerptId: excerpt.id, caseId: blr.id, normId: obs.id, stageId: stages[2]!.id });
    expect(linked.cellIds).toHaveLength(1);
    expect(evidence.listExcerpts(p, { cellId: linked.cellIds[0]! }).map((e) => e.id)).toEqual([excerpt.id]);
    // Found by its translation, and filtered by the cell's case.
    expect(search(p, { q: 'final results', kinds: ['excerpt'], caseIds: [blr.id] }).total).toBe(1);
    expect(search(p, { q: 'final results', kinds: ['excerpt'], caseIds: [p.overview().cases[0]!.id] }).total).toBe(0);

    p.history.undo(); // the link
    expect(evidence.requireExcerpt(p, excerpt.id).cellIds).toEqual([]);
    p.history.undo(); // the (empty) cell made to hold it
    p.history.undo(); // the excerpt
    expect(errorOf(() => evidence.requireExcerpt(p, excerpt.id)).code).toBe('NOT_FOUND');
    expect(search(p, { q: 'final results' }).total).toBe(0);
    p.history.redo();
    expect(search(p, { q: 'final results' }).total).toBe(1);
    p.close();
  });

  it('keeps excerpts (text and locator) when their document is removed', async () => {
    const { p } = sample();
    const document = await importFixture(p, 'notes.txt');
    const text = evidence.getDocument(p, { id: document.id }).pages[0]!.text;
    const word = text.split(/\s+/).find((w) => w.length > 4)!;
    const excerpt = evidence.createExcerpt(p, { sourceId: document.sourceId, documentId: document.id, page: 1, startOffset: text.indexOf(word), endOffset: text.indexOf(word) + word.length, text: word });
    evidence.removeDocument(p, { id: document.id });
    expect(evidence.requireExcerpt(p, excerpt.id)).toMatchObject({ documentId: null, text: word, locator: excerpt.locator });
    expect(errorOf(() => evidence.removeSource(p, { id: document.sourceId })).message).toMatch(/has 1 excerpt/);
    p.close();
  });

  it('codes excerpts from a hierarchical codebook', () => {
    const { p } = sample();
    const discourse = evidence.createCode(p, { name: 'Discourse' });
    const doubleStandards = evidence.createCode(p, { name: 'Double standards', parentId: discourse.id });
    expect(errorOf(() => evidence.updateCode(p, { id: discourse.id, parentId: doubleStandards.id })).message).toMatch(/under itself/);
    expect(errorOf(() => evidence.createCode(p, { name: 'double STANDARDS', parentId: discourse.id })).code).toBe('CONFLICT');
    const excerpt = evidence.listExcerpts(p, {}).find((e) => e.text.includes('double standards'))!;
    const coded = evidence.updateExcerpt(p, { id: excerpt.id, codeIds: [doubleStandards.id] });
    expect(coded.codeIds).toEqual([doubleStandards.id]);
    expect(errorOf(() => evidence.removeCode(p, { id: discourse.id })).message).toMatch(/sub-codes/);
    evidence.removeCode(p, { id: doubleStandards.id });
    expect(evidence.requireExcerpt(p, excerpt.id).codeIds).toEqual([]);
    p.history.undo();
    expect(evidence.requireExcerpt(p, excerpt.id).codeIds).toEqual([doubleStandards.id]);
    p.close();
  });
});

describe('participants', () => {
  it('keeps a recorded real name out of lists and search, and shows it only on request', () => {
    const { p } = sample();
    const participant = evidence.listParticipants(p).find((x) => x.pseudonym === 'CEC member 1')!;
    evidence.setIdentity(p, { id: participant.id, realName: 'Aigerim Seitkali', contact: '+7 701 000 0000' });
    expect(JSON.stringify(evidence.listParticipants(p))).not.toContain('Aigerim');
    expect(evidence.listParticipants(p).find((x) => x.id === participant.id)?.hasIdentity).toBe(true);
    expect(search(p, { q: 'Aigerim' }).total).toBe(0);
    expect(search(p, { q: 'Seitkali' }).total).toBe(0);
    expect(evidence.getIdentity(p, { id: participant.id })).toEqual({ realName: 'Aigerim Seitkali', contact: '+7 701 000 0000', identifiers: [] });
    expect(recordedIdentities(p.db).map((i) => i.value).sort()).toEqual(['+7 701 000 0000', 'A. Seitkali', 'Aigerim Seitkali', 'Seitkali Aigerim', 'Seitkali, A.', 'Seitkali, Aigerim']);
    expect(errorOf(() => evidence.createParticipant(p, { pseudonym: 'cec MEMBER 1' })).code).toBe('CONFLICT');
    expect(errorOf(() => evidence.removeParticipant(p, { id: participant.id })).message).toMatch(/attributed to/);
    evidence.setIdentity(p, { id: participant.id, realName: null });
    expect(evidence.getIdentity(p, { id: participant.id })).toBeNull();
    p.close();
  });
});

describe('bibliography', () => {
  it('previews a Zotero BibTeX export, marks duplicates, imports the chosen entries and exports them back', () => {
    const { p } = sample();
    const bib = path.join(fixtures, 'bibliography', 'zotero.bib');
    const preview = evidence.previewBibliography(p, { format: 'bibtex', path: bib });
    expect(preview.length).toBeGreaterThanOrEqual(3);
    expect(preview.every((i) => i.duplicateOf === null)).toBe(true);
    const imported = evidence.importBibliography(p, { format: 'bibtex', path: bib, include: preview.map((i) => i.index) });
    expect(imported).toHaveLength(preview.length);
    const again = evidence.previewBibliography(p, { format: 'bibtex', path: bib });
    expect(again.every((i) => i.duplicateOf !== null)).toBe(true);
    const cyrillic = imported.find((s) => /[А-Яа-я]/.test(s.title))!;
    expect(cyrillic).toBeDefined();
    const exported = evidence.exportBibliography(p, { format: 'bibtex', sourceIds: [cyrillic.id] }).text;
    expect(exported).toContain(cyrillic.title.split(' ')[0]);
    expect(exported).toContain(`{${cyrillic.citationKey},`);
    const csl = JSON.parse(evidence.exportBibliography(p, { format: 'csl-json', sourceIds: [cyrillic.id] }).text) as { title: string }[];
    expect(csl[0]?.title).toBe(cyrillic.title);
    p.close();
  });

  it('refuses a malformed file with a message that names it, writing nothing', () => {
    const { p } = sample();
    const before = p.counts().sources;
    const error = errorOf(() => evidence.previewBibliography(p, { format: 'bibtex', path: path.join(fixtures, 'bibliography', 'malformed.bib') }));
    expect(error.message).toMatch(/malformed\.bib/);
    expect(() => evidence.importBibliography(p, { format: 'ris', path: path.join(fixtures, 'bibliography', 'malformed.ris'), include: [0] })).toThrow(/malformed\.ris/);
    expect(p.counts().sources).toBe(before);
    p.close();
  });
});

describe('search', () => {
  it('turns anything typed into a valid query', () => {
    expect(toFtsQuery('Kazakh path')).toBe('"Kazakh" "path"');
    expect(toFtsQuery('"double standards" OR selectivity')).toBe('"double standards" OR "selectivity"');
    expect(toFtsQuery('observ*')).toBe('"observ"*');
    expect(toFtsQuery('Copenhagen-Document')).toBe('"Copenhagen Document"');
    expect(toFtsQuery('   ')).toBeNull();
    expect(toFtsQuery('OR')).toBe('"OR"'); // alone, it is just a word
    const { p } = sample();
    for (const q of ['"unbalanced', 'AND (', 'NEAR(a b)', '*', '^col:', "it's", 'a OR', '"" ""', '\u0000', 'ё е']) {
      expect(() => search(p, { q }), q).not.toThrow();
    }
    p.close();
  });

  it('ranks hits by bm25, best first, and keeps the best `limit` of them', () => {
    const { p } = sample();
    const result = search(p, { q: 'OSCE', kinds: ['excerpt'], limit: 7 });
    const ranked = (p.db.prepare('SELECT e.id FROM fts_excerpts JOIN excerpts e ON e.rowid = fts_excerpts.rowid WHERE fts_excerpts MATCH ? ORDER BY bm25(fts_excerpts), e.rowid').all('"OSCE"') as { id: string }[]).map((r) => r.id);
    expect(ranked.length).toBeGreaterThan(7);
    // Hits are grouped by source in order of each source's best hit; within a group, best first.
    const hits = result.groups.flatMap((g) => g.hits.map((h) => h.refId));
    expect(new Set(hits)).toEqual(new Set(ranked.slice(0, 7)));
    for (const group of result.groups) {
      const order = group.hits.map((h) => ranked.indexOf(h.refId));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    p.close();
  });

  it('says what a memo found is written on (a cell with its place in the matrix)', () => {
    const { p, kaz, obs, stages } = sample();
    const cell = p.cells(obs.id).find((c) => c.caseId === kaz.id && c.stageId === stages[0]!.id)!;
    evidence.createMemo(p, { targetType: 'cell', targetId: cell.id, text: 'Hornwort on the diffusion cell' });
    evidence.createMemo(p, { targetType: 'norm', targetId: obs.id, text: 'Hornwort on the norm' });
    const hits = search(p, { q: 'hornwort', kinds: ['memo'] }).groups.flatMap((g) => g.hits);
    expect(hits).toHaveLength(2);
    expect(hits.find((h) => h.memoTarget?.type === 'cell')).toMatchObject({ memoTarget: { id: cell.id }, cell: { caseId: kaz.id, normId: obs.id, stageId: stages[0]!.id } });
    expect(hits.find((h) => h.memoTarget?.type === 'norm')).toMatchObject({ memoTarget: { id: obs.id }, cell: null });
    p.close();
  });

  it('finds phrases and prefixes in excerpts and cells, grouped by source', () => {
    const { p, kaz, obs } = sample();
    const phrase = search(p, { q: '"double standards"' });
    expect(phrase.total).toBeGreaterThanOrEqual(2);
    expect(phrase.groups.at(-1)?.source).toBeNull(); // the cell hits come last
    const prefix = search(p, { q: 'transplant*', kinds: ['excerpt'] });
    expect(prefix.groups.flatMap((g) => g.hits).every((h) => /transplant/i.test(plain(h.snippet)))).toBe(true);
    const cells = search(p, { q: 'Karusel', kinds: ['cell'], caseIds: [kaz.id] });
    expect(cells.groups[0]?.hits[0]?.cell).toMatchObject({ caseId: kaz.id });
    expect(search(p, { q: 'Karusel', kinds: ['cell'], normIds: [obs.id] }).total).toBe(0);
    expect(search(p, { q: 'ODIHR', sourceKinds: ['observer-report'] }).groups.every((g) => g.source?.kind === 'observer-report')).toBe(true);
    p.close();
  });

  it('stays correct after edits and deletes', () => {
    const { p } = sample();
    const excerpt = evidence.listExcerpts(p, {}).find((e) => e.textKind === 'paraphrase')!;
    evidence.updateExcerpt(p, { id: excerpt.id, translation: 'Смысл: наблюдатели не нужны' });
    expect(search(p, { q: 'наблюдатели' }).total).toBe(1);
    evidence.updateExcerpt(p, { id: excerpt.id, translation: '' });
    expect(search(p, { q: 'наблюдатели' }).total).toBe(0);
    const memo = evidence.createMemo(p, { targetType: 'project', targetId: 'project', text: 'Check the Poland claim against ODIHR NAM reports' });
    expect(search(p, { q: 'Poland claim', kinds: ['memo'] }).total).toBe(1);
    evidence.removeMemo(p, { id: memo.id });
    expect(search(p, { q: 'Poland claim', kinds: ['memo'] }).total).toBe(0);
    p.close();
  });

  it('locates a whole word, ignoring case and diacritics', () => {
    expect(findFolded('Қазақстандағы сайлау. Қазақстан Республикасы', 'қазақстан')).toBe(22);
    expect(findFolded('Élections à Almaty', 'elections')).toBe(0);
    expect(findFolded('no match here', 'absent')).toBe(-1);
    // The first whole-word match, whether it needs folding or not; offsets in the original text.
    expect(findFolded('Türkiye, turkiye', 'turkiye')).toBe(0);
    expect(findFolded('İstanbul: Selçuk-Türkiye', 'turkiye')).toBe(17);
    expect(findFolded('районный район', 'район')).toBe(9);
  });
});

describe('excerpts in bulk', () => {
  it('gives each cell’s excerpts in one go exactly as one cell at a time does', () => {
    const { p, obs } = sample();
    const cells = p.cells(obs.id);
    const bulk = evidence.excerptsOfCells(p, cells.map((c) => c.id));
    expect([...bulk.keys()].sort()).toEqual(cells.map((c) => c.id).sort());
    let linked = 0;
    for (const cell of cells) {
      const one = evidence.listExcerpts(p, { cellId: cell.id });
      linked += one.length;
      expect(bulk.get(cell.id)).toEqual(one);
    }
    expect(linked).toBeGreaterThan(10);
    p.close();
  });

  it('lists more excerpts than SQLite binds parameters (32,766), with their codes and cells', () => {
    const { p, obs } = sample();
    const before = evidence.listExcerpts(p, {}).length;
    const source = evidence.listSources(p)[0]!;
    const cell = p.cells(obs.id)[0]!;
    const code = evidence.createCode(p, { name: 'Bulk' }).id;
    const insert = p.db.prepare("INSERT INTO excerpts (id, source_id, text, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-01-01')");
    p.db.transaction(() => {
      for (let i = 0; i < 33_000; i++) insert.run(`bulk-${i}`, source.id, `Excerpt ${i}`);
      p.db.prepare("INSERT INTO excerpt_codes (excerpt_id, code_id) VALUES ('bulk-7', ?)").run(code);
      p.db.prepare("INSERT INTO excerpt_cells (excerpt_id, cell_id, position) VALUES ('bulk-9', ?, 99)").run(cell.id);
    })();
    const all = evidence.listExcerpts(p, {});
    expect(all.length).toBe(before + 33_000);
    expect(all.find((e) => e.id === 'bulk-7')!.codeIds).toEqual([code]);
    expect(all.find((e) => e.id === 'bulk-9')!.cellIds).toEqual([cell.id]);
    expect(all.find((e) => e.id === 'bulk-8')!).toMatchObject({ codeIds: [], cellIds: [] });
    p.close();
  });
});
