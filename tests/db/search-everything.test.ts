/**
 * Issue 19.8: claims, elections, missions (verdicts and findings), sources' metadata and codes are searchable, kept
 * in step with every save, delete and undo; hits show plain text, not raw Markdown. Issue 22: a word found in more
 * rows than are ranked says so.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SEARCH_CANDIDATES, SNIPPET_CLOSE, SNIPPET_OPEN } from '../../electron/contract/api';
import { importCsv } from '../../electron/core/csv-data';
import { updateCell } from '../../electron/core/edit';
import * as evidence from '../../electron/core/evidence';
import { Project } from '../../electron/core/project';
import * as record from '../../electron/core/record';
import { writeSampleProject } from '../../electron/core/sample';
import { plainSnippet, search } from '../../electron/core/search';
import { tempDir } from '../helpers/temp';

function sample() {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  return Project.open(file);
}

/** The hits as "kind: [matched] text", markers made visible. */
const hits = (p: Project, q: string, kinds?: Parameters<typeof search>[1]['kinds']) =>
  search(p, { q, ...(kinds ? { kinds } : {}) })
    .groups.flatMap((g) => g.hits)
    .map((h) => ({ ...h, text: h.snippet.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']') }));

describe('issue 19.8: search everything a researcher records', () => {
  it('finds a claim by a prefix ("lenient*" finds "leniently"), follows its edits, deletion and undo', () => {
    const p = sample();
    const claim = record.saveClaim(p, { claimant: 'Foreign Ministry of Belarus', statement: 'The observers judged our neighbours **leniently** and us _harshly_.' });
    const found = hits(p, 'lenient*', ['claim']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'claim', refId: claim.id, label: 'Foreign Ministry of Belarus', sourceId: null });
    // Plain text: the Markdown emphasis is gone, the match is marked.
    expect(found[0]!.text).toMatch(/^The observers judged our neighbours \[leniently\] and us harshly\. OSCE\/ODIHR$/);
    // Found by its claimant too, the snippet then showing the claimant.
    expect(hits(p, '"Foreign Ministry"', ['claim']).map((h) => [h.refId, h.text])).toEqual([[claim.id, '[Foreign Ministry] of Belarus']]);

    const ours = (q: string) => hits(p, q).filter((h) => h.refId === claim.id);
    record.saveClaim(p, { id: claim.id, claimant: 'Foreign Ministry of Belarus', statement: 'The observers were strict with everyone.' });
    expect(ours('lenient*')).toHaveLength(0);
    expect(ours('strict')).toHaveLength(1);
    p.history.undo();
    expect(ours('lenient*')).toHaveLength(1);
    record.removeClaim(p, { id: claim.id });
    expect(ours('lenient*')).toHaveLength(0);
    p.history.undo();
    expect(ours('lenient*')).toHaveLength(1);
    p.close();
  });

  it('finds elections, mission verdicts and findings, sources by author and publisher, and codes by name and description', () => {
    const p = sample();
    const caseId = p.overview().cases[0]!.id;
    const dimension = record.listDimensions(p)[0]!;
    const election = record.saveElection(p, { caseId, date: '2031-03-02', type: 'presidential', label: 'Snap presidential election', notes: 'Called after the carousel scandal.' });
    const mission = record.saveMission(p, {
      electionId: election.id,
      organisation: 'OSCE/ODIHR',
      missionType: 'limited-eom',
      verdict: 'Fundamental freedoms were respected, but *gerrymandering* persisted.',
      findings: [{ dimensionId: dimension.id, severity: 'serious', note: 'Pensioners were bussed to polling stations.' }],
    });
    const source = evidence.createSource(p, {
      kind: 'academic',
      csl: { type: 'book', title: 'Electoral Authoritarianism', author: [{ family: 'Schedler', given: 'Andreas' }], publisher: 'Lynne Rienner' },
    });
    const code = evidence.createCode(p, { name: 'Vote buying', description: 'Money or goods offered for a vote, e.g. [food parcels](https://example.org).' });

    expect(hits(p, 'carousel', ['election'])).toMatchObject([{ kind: 'election', refId: election.id, label: 'Snap presidential election' }]);
    expect(hits(p, 'gerrymandering')).toMatchObject([{ kind: 'mission', refId: mission.id, label: 'OSCE/ODIHR', text: expect.stringContaining('but [gerrymandering] persisted') }]);
    expect(hits(p, 'bussed', ['mission'])).toMatchObject([{ kind: 'mission', refId: mission.id }]);
    // A finding's note is kept in step when the mission is saved again without it.
    record.saveMission(p, { id: mission.id, electionId: election.id, organisation: 'OSCE/ODIHR', missionType: 'limited-eom', findings: [] });
    expect(hits(p, 'bussed', ['mission'])).toHaveLength(0);
    expect(hits(p, 'Schedler')).toMatchObject([{ kind: 'source', refId: source.id, sourceId: source.id, label: 'Electoral Authoritarianism' }]);
    expect(hits(p, 'Rienner')).toHaveLength(1);
    // A source hit is grouped under its source, as the hits in its documents are.
    expect(search(p, { q: 'Schedler' }).groups[0]!.source).toMatchObject({ id: source.id, title: 'Electoral Authoritarianism' });
    expect(hits(p, '"vote buying"')).toMatchObject([{ kind: 'code', refId: code.id, label: 'Vote buying' }]);
    expect(hits(p, 'parcels')[0]!.text).toContain('e.g. food [parcels].');
    // Only the kinds asked for; a source-kind filter keeps the sources of that kind and leaves out the other records.
    expect(hits(p, 'carousel', ['claim'])).toHaveLength(0);
    expect(search(p, { q: 'Schedler', sourceKinds: ['law'] }).total).toBe(0);
    expect(search(p, { q: 'Schedler', sourceKinds: ['academic'] }).total).toBe(1);
    expect(search(p, { q: 'carousel', sourceKinds: ['academic'] }).total).toBe(0);
    p.close();
  });

  it('shows cell summaries and memos as plain text, not Markdown', () => {
    const p = sample();
    const { cases, norms, frameworks } = p.overview();
    const norm = norms[0]!;
    const stage = frameworks.find((f) => f.id === norm.frameworkId)!.stages[0]!;
    updateCell(p, { caseId: cases[0]!.id, normId: norm.id, stageId: stage.id, patch: { summary: '## Findings\n\n- The **commission** ignored [grievances](https://example.org/c) about `Form 7`.' } });
    const [cell] = hits(p, 'grievances', ['cell']);
    expect(cell!.text).not.toMatch(/[*#`]|\]\(/);
    expect(cell!.text).toContain('The commission ignored [grievances] about Form 7.');
  });

  it('gives every hit its own snippet, not the first hit\'s, in every kind', () => {
    const p = sample();
    const { cases, norms, frameworks } = p.overview();
    const stages = frameworks.find((f) => f.id === norms[0]!.frameworkId)!.stages;
    const codes = ['alpha', 'beta', 'gamma'].map((w) => evidence.createCode(p, { name: `Code ${w}`, description: `Zebrafinch ${w} description.` }));
    stages.slice(0, 3).forEach((stage, i) => updateCell(p, { caseId: cases[0]!.id, normId: norms[0]!.id, stageId: stage.id, patch: { summary: `Zebrafinch cell number ${i}.` } }));
    const found = hits(p, 'zebrafinch');
    expect(found).toHaveLength(6);
    for (const code of codes) expect(found.find((h) => h.refId === code.id)?.text).toBe(`[Zebrafinch] ${code.name.slice(5)} description.`);
    expect(found.filter((h) => h.kind === 'cell').map((h) => h.text).sort()).toEqual([0, 1, 2].map((i) => `[Zebrafinch] cell number ${i}.`));
    p.close();
  });

  it('plainSnippet removes Markdown marks and keeps ordinary text as it is', () => {
    expect(plainSnippet('> **Bold** and _italic_ and ~~gone~~ `code`')).toBe('Bold and italic and gone code');
    expect(plainSnippet('snake_case stays, 2 * 3 = 6, e-mail stays')).toBe('snake_case stays, 2 * 3 = 6, e-mail stays');
    expect(plainSnippet('1. first\n* second\n# Title')).toBe('first\nsecond\nTitle');
  });
});

describe('issue 22: a very common word is ranked among a bounded set of rows, and the result says so', () => {
  it('marks the kinds whose matches were more than the rows it ranks', () => {
    const p = sample();
    const caseName = p.overview().cases[0]!.name;
    const rows = Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, i) => `${caseName},${1000 + i},local,Ubiquitous note ${i}.`);
    expect(importCsv(p, { kind: 'elections', text: `case,date,type,notes\n${rows.join('\n')}\n` }).created).toBe(SEARCH_CANDIDATES + 5);
    const result = search(p, { q: 'ubiquitous', limit: 50 });
    expect(result.total).toBe(50);
    expect(result.bounded).toEqual(['election']);
    expect(search(p, { q: 'carousel' }).bounded).toEqual([]);
    p.close();
  });
});

describe('issue 22: the hits shown get their snippets in one pass over each index', () => {
  it('reads each index once for the snippets and once for the details, however many hits, and every hit still gets its own snippet', () => {
    const p = sample();
    const { cases, norms, frameworks } = p.overview();
    const stages = frameworks.find((f) => f.id === norms[0]!.frameworkId)!.stages;
    // Hits with rows that do not match between them, in two indexes.
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const codes = words.map((w, i) => evidence.createCode(p, { name: `Code ${w}`, description: i % 3 === 0 ? `Zebrafinch ${w} seen.` : `Sparrow ${w} seen.` }));
    stages.forEach((stage, i) => updateCell(p, { caseId: cases[i % cases.length]!.id, normId: norms[0]!.id, stageId: stage.id, patch: { summary: i % 2 === 0 ? `Zebrafinch cell ${i}.` : `Sparrow cell ${i}.` } }));
    /** The SQL of every statement run while `fn` runs. */
    const statementsRun = <T,>(fn: () => T): { value: T; run: string[] } => {
      const statement = Object.getPrototypeOf(p.db.prepare('SELECT 1')) as { get: () => unknown; all: () => unknown[] };
      const get = vi.spyOn(statement, 'get');
      const all = vi.spyOn(statement, 'all');
      try {
        const value = fn();
        return { value, run: [...get.mock.contexts, ...all.mock.contexts].map((s) => (s as unknown as { source: string }).source) };
      } finally {
        get.mockRestore();
        all.mockRestore();
      }
    };
    const { value: found, run } = statementsRun(() => hits(p, 'zebrafinch'));
    const snippetReads = run.filter((sql) => sql.includes('snippet('));
    const matchingCodes = codes.filter((_, i) => i % 3 === 0);
    const matchingCells = stages.filter((_, i) => i % 2 === 0).length;
    expect(found.filter((h) => h.kind === 'code')).toHaveLength(matchingCodes.length);
    expect(found.filter((h) => h.kind === 'cell')).toHaveLength(matchingCells);
    for (const code of matchingCodes) expect(found.find((h) => h.refId === code.id)?.text).toBe(`[Zebrafinch] ${code.name.slice(5)} seen.`);
    expect(found.filter((h) => h.kind === 'cell').every((h) => /^\[Zebrafinch\] cell \d+\.$/.test(h.text))).toBe(true);
    // Two indexes hold hits (records and cells): two reads, not one per hit.
    expect(snippetReads).toHaveLength(2);
    // Nothing else is read hit by hit either: 2 hits or all 14, a search runs as many statements.
    const codesFound = (limit: number) => statementsRun(() => search(p, { q: 'zebrafinch', kinds: ['code'], limit }));
    expect(codesFound(14).value.total).toBe(14);
    expect(codesFound(2).run).toHaveLength(codesFound(14).run.length);
    p.close();
  });

  it('shows the column of an excerpt that holds the match: its text, else its translation, else its locator', () => {
    const p = sample();
    const [inText, inTranslation, inLocator] = evidence.listExcerpts(p, {}).filter((e) => e.textKind === 'paraphrase');
    evidence.updateExcerpt(p, { id: inText!.id, text: 'The quokka counted ballots.', translation: 'A quokka translation.' });
    evidence.updateExcerpt(p, { id: inTranslation!.id, translation: 'Смысл: the quokka stayed home.' });
    evidence.updateExcerpt(p, { id: inLocator!.id, locator: 'Quokka annex, p. 4' });
    const found = hits(p, 'quokka', ['excerpt']);
    expect(found).toHaveLength(3);
    expect(found.find((h) => h.refId === inText!.id)?.text).toBe('The [quokka] counted ballots.');
    expect(found.find((h) => h.refId === inTranslation!.id)?.text).toBe('Смысл: the [quokka] stayed home.');
    expect(found.find((h) => h.refId === inLocator!.id)?.text).toBe('[Quokka] annex, p. 4');
    p.close();
  });
});
