/**
 * A round trip through our own REFI-QDA export loses nothing: the sample project, enriched with what the sample does
 * not have (documents — a two-page text and a PDF —, excerpts located by page and offsets, a paraphrase, a
 * hierarchical codebook, typed case attributes, memos on every kind of target, a saved view, an interviewee with a
 * recorded real name), is exported to .qdpx and imported into a new empty project. Every table is compared, with
 * the ids that a new project gives of its own (frameworks, stages, finding dimensions) replaced by their labels and
 * timestamps left out.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { ApiError } from '../../electron/contract/errors';
import { extractDocument } from '../../electron/core/documents/extract';
import * as edit from '../../electron/core/edit';
import * as evidence from '../../electron/core/evidence';
import { exportQdpx, importQdpx } from '../../electron/core/exchange';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

const fixtures = path.join(__dirname, '..', 'fixtures');
// An invented name: the identity behind the pseudonym "Observer 7", which must never leave the project.
const REAL_NAME = 'Gulnara Zhaksylykova';
const CONTACT = 'g.zh@example.invalid';

async function validate(xml: string, schema: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'project.qde', contents: xml }],
    schema: [{ fileName: schema, contents: fs.readFileSync(path.join(fixtures, 'refi-qda', schema), 'utf8') }],
    initialMemoryPages: 512,
    maxMemoryPages: 16384,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** The sample project plus everything a round trip must carry that the sample lacks. */
async function enrichedSample(dir: string) {
  const file = path.join(dir, 'sample.comparanda');
  writeSampleProject(file);
  const p = Project.open(file);
  const o = p.overview();
  const [kaz, blr] = [o.cases[0]!, o.cases[1]!];
  const [observation, voting] = [o.norms[0]!, o.norms[1]!];
  const stages = o.frameworks[0]!.stages;

  const access = evidence.createCode(p, { name: 'Observer access', description: 'Where observers may stand and what they may see', palette: 3 });
  const ballotBox = evidence.createCode(p, { name: 'Наблюдатели у урн', parentId: access.id, palette: 6 });
  const doubleStandards = evidence.createCode(p, { name: 'Double standards', palette: 1 });
  evidence.createCode(p, { name: 'Kazakh path', parentId: doubleStandards.id });

  const region = edit.createAttribute(p, { name: 'Region', type: 'text' });
  const since = edit.createAttribute(p, { name: 'OSCE participant since', type: 'date' });
  const turnout = edit.createAttribute(p, { name: 'Turnout 2021 (%)', type: 'number' });
  const sco = edit.createAttribute(p, { name: 'SCO member', type: 'boolean' });
  const regime = edit.createAttribute(p, { name: 'Regime type', type: 'choice', choices: ['authoritarian', 'hybrid'] });
  for (const [caseId, attributeId, value] of [
    [kaz.id, region.id, 'Центральная Азия'],
    [kaz.id, since.id, '1992-01-30'],
    [kaz.id, turnout.id, 63.3],
    [kaz.id, sco.id, true],
    [kaz.id, regime.id, 'authoritarian'],
    [blr.id, turnout.id, 49],
    [blr.id, sco.id, false],
  ] as const) {
    edit.setCaseAttribute(p, { caseId, attributeId, value });
  }

  const observer = evidence.createParticipant(p, { pseudonym: 'Observer 7', roleCategory: 'Domestic observer', consent: 'given-with-restrictions', restrictions: 'Quote by pseudonym only' });
  evidence.setIdentity(p, { id: observer.id, realName: REAL_NAME, contact: CONTACT });

  // A two-page interview transcript (text), and the bilingual PDF fixture.
  const interview = evidence.createSource(p, { kind: 'interview', csl: { type: 'interview', title: 'Interview with Observer 7, Almaty', issued: { 'date-parts': [[2021, 1, 12]] } }, participantId: observer.id });
  const pages = [
    { number: 1, text: 'Вопрос: как вас допустили?\n\nОтвет: нас допустили, но держали далеко от урн.' },
    { number: 2, text: 'Second page.\n\n“We were asked to stand five metres from the ballot box.” 🗳 Then the count began.' },
  ];
  const transcript = evidence.storeDocument(
    p,
    { fileName: 'interview-7.txt', bytes: new TextEncoder().encode(pages.map((x) => x.text).join('\f')) },
    { format: 'txt', mimeType: 'text/plain', pages, title: null, warnings: [] },
    { sourceId: interview.id },
  );
  const at = (page: number, text: string) => {
    const start = pages[page - 1]!.text.indexOf(text);
    return { documentId: transcript.id, page, startOffset: start, endOffset: start + text.length, text };
  };
  const standBack = evidence.createExcerpt(p, {
    sourceId: interview.id,
    ...at(2, 'We were asked to stand five metres from the ballot box.'),
    participantId: observer.id,
    language: 'en',
    codeIds: [ballotBox.id],
  });
  const afterEmoji = evidence.createExcerpt(p, { sourceId: interview.id, ...at(2, 'Then the count began.'), participantId: observer.id });
  const keptAway = evidence.createExcerpt(p, {
    sourceId: interview.id,
    ...at(1, 'нас допустили, но держали далеко от урн'),
    language: 'ru',
    translation: 'we were admitted, but kept far from the ballot boxes',
    translationLanguage: 'en',
    codeIds: [access.id, doubleStandards.id],
  });
  const paraphrase = evidence.createExcerpt(p, {
    sourceId: interview.id,
    ...at(1, 'Ответ: нас допустили, но держали далеко от урн.'),
    text: 'The observer says they were admitted but kept at a distance.',
    textKind: 'paraphrase',
  });

  const pdfBytes = new Uint8Array(fs.readFileSync(path.join(fixtures, 'documents', 'ru-kk.pdf')));
  const extracted = await extractDocument({ fileName: 'ru-kk.pdf', bytes: pdfBytes });
  const report = evidence.storeDocument(p, { fileName: 'ru-kk.pdf', bytes: pdfBytes }, extracted, { kind: 'observer-report' });
  const pdfPage = extracted.pages[1]!.text;
  const pdfQuote = pdfPage.slice(0, Math.min(60, pdfPage.length)).trimEnd();
  const pdfExcerpt = evidence.createExcerpt(p, { sourceId: report.sourceId, documentId: report.id, page: 2, startOffset: 0, endOffset: pdfQuote.length, text: pdfQuote });
  const pageOnly = evidence.createExcerpt(p, { sourceId: report.sourceId, documentId: report.id, page: 1, text: 'Page one describes the deployment of long-term observers.', textKind: 'paraphrase' });

  evidence.linkExcerpt(p, { excerptId: standBack.id, caseId: kaz.id, normId: observation.id, stageId: stages[3]!.id });
  evidence.linkExcerpt(p, { excerptId: keptAway.id, caseId: kaz.id, normId: observation.id, stageId: stages[2]!.id });
  evidence.linkExcerpt(p, { excerptId: keptAway.id, caseId: kaz.id, normId: observation.id, stageId: stages[3]!.id });
  evidence.linkExcerpt(p, { excerptId: pdfExcerpt.id, caseId: blr.id, normId: voting.id, stageId: stages[0]!.id });
  evidence.linkExcerpt(p, { excerptId: paraphrase.id, caseId: blr.id, normId: observation.id, stageId: stages[1]!.id });

  const cell = p.cells(observation.id).find((c) => c.caseId === kaz.id && c.stageId === stages[3]!.id)!;
  evidence.createMemo(p, { targetType: 'project', targetId: 'project', text: 'Project memo: check the 2021 figures.' });
  evidence.createMemo(p, { targetType: 'case', targetId: kaz.id, text: 'Kazakhstan: focal case.\nSecond line & <angle brackets>.' });
  evidence.createMemo(p, { targetType: 'norm', targetId: voting.id, text: 'Paras 5.1 and 7.' });
  evidence.createMemo(p, { targetType: 'cell', targetId: cell.id, text: 'Compare with 2016.' });
  evidence.createMemo(p, { targetType: 'source', targetId: interview.id, text: 'Recorded with consent.' });
  evidence.createMemo(p, { targetType: 'excerpt', targetId: standBack.id, text: 'Checked against the recording.' });
  edit.updateCell(p, { caseId: kaz.id, normId: observation.id, stageId: stages[3]!.id, patch: { summary: 'Observers **kept away** from ballot boxes;\r\nsee the interview.', mode: null } });
  edit.saveView(p, { name: 'Observation, both cases', normIds: [observation.id], caseIds: [blr.id, kaz.id], orientation: 'stages-as-columns', differences: true });

  const sampleExcerpt = evidence.listExcerpts(p, {}).find((e) => e.documentId === null && e.cellIds.length > 0)!;
  evidence.updateExcerpt(p, { id: sampleExcerpt.id, codeIds: [doubleStandards.id] });
  return { p, file, kaz, blr, observation, voting, stages, observer, standBack, afterEmoji, keptAway, paraphrase, pdfExcerpt, pageOnly, transcript, report };
}

const TABLES = [
  'frameworks',
  'stages',
  'status_levels',
  'cases',
  'case_attributes',
  'case_attribute_values',
  'norms',
  'norm_stage_notes',
  'cells',
  'participants',
  'sources',
  'documents',
  'document_pages',
  'document_files',
  'codes',
  'excerpts',
  'excerpt_codes',
  'excerpt_cells',
  'memos',
  'claims',
  'claim_comparators',
  'claim_missions',
  'finding_dimensions',
  'elections',
  'missions',
  'mission_findings',
  'organisations',
  'regional_norms',
  'instruments',
  'instrument_norms',
  'memberships',
  'regional_norm_cells',
  'indicators',
  'indicator_values',
  'verification_flags',
  'views',
] as const;

/**
 * Every table as sorted rows, without timestamps; ids a new project makes for itself (frameworks, stages, finding
 * dimensions) replaced by names; code positions replaced by the order of codes under their parent.
 */
function snapshot(p: Project): Record<string, unknown[]> {
  const db = p.db;
  const names = new Map<string, string>();
  for (const f of db.prepare('SELECT id, name FROM frameworks').all() as { id: string; name: string }[]) names.set(f.id, `framework:${f.name}`);
  for (const s of db.prepare('SELECT id, label FROM stages').all() as { id: string; label: string }[]) names.set(s.id, `stage:${s.label}`);
  for (const d of db.prepare('SELECT id, label FROM finding_dimensions').all() as { id: string; label: string }[]) names.set(d.id, `dimension:${d.label}`);
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = (db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).map((row) => {
      const copy: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (key === 'created_at' || key === 'updated_at') continue;
        if (table === 'codes' && key === 'position') continue;
        if (value instanceof Buffer) copy[key] = crypto.createHash('sha256').update(value).digest('hex');
        else copy[key] = typeof value === 'string' && names.has(value) ? names.get(value) : value;
      }
      return copy;
    });
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  out.codeOrder = (db.prepare('SELECT parent_id, name FROM codes ORDER BY position').all() as { parent_id: string | null; name: string }[]).map((c) => `${c.parent_id ?? ''}/${c.name}`);
  return out;
}

describe('a round trip through REFI-QDA (.qdpx)', () => {
  it('restores everything in a new empty project, and never exports a real name', async () => {
    const dir = tempDir();
    const original = await enrichedSample(dir);
    const out = path.join(dir, 'export.qdpx');
    const { counts } = await exportQdpx(original.p, { out });
    expect(counts).toMatchObject({ users: 1, cases: 2, normCodes: 2, stageCodes: 8, codes: 4, variables: 5, documents: 2 });

    const entries = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const xml = new TextDecoder().decode(entries['project.qde']);
    expect(await validate(xml, 'Project.xsd')).toEqual([]);
    // The interviewee appears by pseudonym; the recorded name and contact are nowhere in the archive.
    expect(xml).toContain('Observer 7');
    for (const [name, bytes] of Object.entries(entries)) {
      const text = Buffer.from(bytes).toString('utf8');
      expect(text.includes(REAL_NAME), name).toBe(false);
      expect(text.includes(CONTACT), name).toBe(false);
    }

    const copy = Project.create(path.join(dir, 'copy.comparanda'));
    const { report } = await importQdpx(copy, { path: out });
    expect(report.madeByComparanda).toBe(true);
    expect(report.skipped).toEqual([]);
    expect(report.created).toMatchObject({ cases: 2, norms: 2, cells: original.p.counts().cells, sources: 107, documents: 2, excerpts: 51, participants: 12, claims: 7, memos: 6 });
    expect(copy.counts()).toEqual(original.p.counts());
    expect(copy.db.prepare('SELECT count(*) AS n FROM participant_identities').get()).toEqual({ n: 0 });

    const before = snapshot(original.p);
    const after = snapshot(copy);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

    // Spot checks in the terms a researcher uses.
    const standBack = evidence.listExcerpts(copy, {}).find((e) => e.id === original.standBack.id)!;
    expect(standBack).toMatchObject({ documentId: original.transcript.id, page: 2, text: 'We were asked to stand five metres from the ballot box.', textKind: 'quote', participantId: original.observer.id });
    const afterEmoji = evidence.listExcerpts(copy, {}).find((e) => e.id === original.afterEmoji.id)!;
    expect([afterEmoji.startOffset, afterEmoji.endOffset]).toEqual([original.afterEmoji.startOffset, original.afterEmoji.endOffset]);
    const paraphrase = evidence.listExcerpts(copy, {}).find((e) => e.id === original.paraphrase.id)!;
    expect(paraphrase).toMatchObject({ textKind: 'paraphrase', text: 'The observer says they were admitted but kept at a distance.', page: 1 });
    const cell = copy.cells(original.observation.id).find((c) => c.caseId === original.kaz.id && c.summary.startsWith('Observers **kept away**'))!;
    expect(cell.summary).toBe('Observers **kept away** from ballot boxes;\r\nsee the interview.');
    expect(evidence.listExcerpts(copy, { cellId: cell.id }).map((e) => e.id)).toEqual(evidence.listExcerpts(original.p, { cellId: cell.id }).map((e) => e.id));
    original.p.close();
    copy.close();
  });

  it('updates rather than duplicates when the same file is imported again, into the copy or into the original', async () => {
    const dir = tempDir();
    const original = await enrichedSample(dir);
    const out = path.join(dir, 'export.qdpx');
    await exportQdpx(original.p, { out });
    const copy = Project.create(path.join(dir, 'copy.comparanda'));
    await importQdpx(copy, { path: out });
    const first = snapshot(copy);

    const { report } = await importQdpx(copy, { path: out });
    expect(Object.values(report.created).every((n) => n === 0)).toBe(true);
    expect(report.updated).toMatchObject({ cases: 2, norms: 2, sources: 107, excerpts: 51, claims: 7 });
    expect(snapshot(copy)).toEqual(first);

    const before = snapshot(original.p);
    const again = await importQdpx(original.p, { path: out });
    expect(Object.values(again.report.created).every((n) => n === 0)).toBe(true);
    expect(snapshot(original.p)).toEqual(before);
    original.p.close();
    copy.close();
  });

  it('refuses to export when a real name would be written, and writes nothing', async () => {
    const dir = tempDir();
    const { p, standBack } = await enrichedSample(dir);
    evidence.createMemo(p, { targetType: 'excerpt', targetId: standBack.id, text: `Said by ${REAL_NAME}.` });
    const out = path.join(dir, 'leak.qdpx');
    const error = await exportQdpx(p, { out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('IDENTITY_IN_OUTPUT');
    expect((error as ApiError).message).toMatch(/real name recorded for participant/);
    expect((error as ApiError).message).toMatch(/a memo on excerpt/);
    expect((error as ApiError).message).not.toContain(REAL_NAME);
    expect(fs.readdirSync(dir).filter((f) => f.includes('leak'))).toEqual([]);
    p.close();
  });
});
