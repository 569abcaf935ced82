/**
 * Export to REFI-QDA: the sample project as a .qdpx that validates against Project.xsd and as a .qdc that validates
 * against Codebook.xsd (xmllint-wasm, with the schemas copied into tests/fixtures/refi-qda), and what other programs
 * find in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { ApiError } from '../../electron/contract/errors';
import { extractDocument } from '../../electron/core/documents/extract';
import * as edit from '../../electron/core/edit';
import * as evidence from '../../electron/core/evidence';
import { exportQdc, exportQdpx } from '../../electron/core/exchange';
import { readQdaXml } from '../../electron/core/exchange/model';
import { decodeMachineNote } from '../../electron/core/exchange/notes';
import { parseXml } from '../../electron/core/exchange/xml';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

const SCHEMAS = path.join(__dirname, '..', 'fixtures', 'refi-qda');

async function schemaErrors(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: schema, contents: fs.readFileSync(path.join(SCHEMAS, schema), 'utf8') }],
    initialMemoryPages: 512,
    maxMemoryPages: 16384,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

function sample(): { p: Project; dir: string } {
  const dir = tempDir();
  writeSampleProject(path.join(dir, 'sample.comparanda'));
  return { p: Project.open(path.join(dir, 'sample.comparanda')), dir };
}

describe('exportQdpx', () => {
  it('writes the sample project as a .qdpx that validates against Project.xsd', async () => {
    const { p, dir } = sample();
    const o = p.overview();
    const population = edit.createAttribute(p, { name: 'Population (millions)', type: 'number' });
    const member = edit.createAttribute(p, { name: 'CIS member', type: 'boolean' });
    const since = edit.createAttribute(p, { name: 'OSCE participant since', type: 'date' });
    edit.setCaseAttribute(p, { caseId: o.cases[0]!.id, attributeId: population.id, value: 19.6 });
    edit.setCaseAttribute(p, { caseId: o.cases[0]!.id, attributeId: member.id, value: true });
    edit.setCaseAttribute(p, { caseId: o.cases[1]!.id, attributeId: since.id, value: '1992-01-30' });
    evidence.createCode(p, { name: 'Contested <terms> & “quotes”', palette: 7 });

    const out = path.join(dir, 'sample.qdpx');
    const { path: written, counts } = await exportQdpx(p, { out });
    expect(written).toBe(out);
    // 105 sources without documents: one stand-in text each (its excerpts); 45 excerpts; 14 cells; 2 norms x 4 stages.
    expect(counts).toEqual({
      users: 1,
      codes: 1,
      normCodes: 2,
      stageCodes: 8,
      variables: 3,
      cases: 2,
      sources: 105,
      documents: 0,
      selections: 45,
      codings: 41,
      notes: 105 + 45 + 14 + 2 + 2 + 11 + 7 + 2,
      links: 14 + 2,
      sets: 6,
      files: 106,
    });

    const entries = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const xml = new TextDecoder().decode(entries['project.qde']);
    expect(await schemaErrors(xml, 'Project.xsd')).toEqual([]);
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<Project xmlns="urn:QDA-XML:project:1\.0" name="Kazakhstan &amp; Belarus \(sample\)" origin="Comparanda 0\.1\.0"/);

    const qda = readQdaXml(parseXml(xml, 'sample.qdpx', 'project.qde'))!;
    expect(qda.users).toEqual([{ guid: expect.any(String), name: 'Comparanda' }]);
    // Norms are codes (not codable themselves), their stages child codes, both marked for our import.
    const norms = qda.codes.filter((c) => c.marker?.kind === 'norm');
    expect(norms.map((n) => n.name)).toEqual(o.norms.map((n) => n.label));
    expect(norms.every((n) => !n.isCodable && n.guid === n.marker!.normId)).toBe(true);
    const stages = qda.codes.filter((c) => c.marker?.kind === 'stage');
    expect(stages.filter((s) => s.parentGuid === norms[0]!.guid).map((s) => s.name)).toEqual(['Diffusion', 'Acceptance', 'Reconstitution', 'Moment of contestation']);
    expect(qda.codes.find((c) => c.name === 'Contested <terms> & “quotes”')).toMatchObject({ color: '#CC79A7', isCodable: true });
    // Typed variables, and values on the cases.
    expect(qda.variables.map((v) => [v.name, v.type])).toEqual([
      ['Population (millions)', 'Float'],
      ['CIS member', 'Boolean'],
      ['OSCE participant since', 'Date'],
    ]);
    expect(qda.cases.map((c) => [c.name, c.values.map((v) => `${v.type}:${v.value}`)])).toEqual([
      ['Kazakhstan', ['Float:19.6', 'Boolean:true']],
      ['Belarus', ['Date:1992-01-30']],
    ]);

    // Every selection points into a text that is in the archive, at the excerpt's own words.
    const excerpts = new Map(evidence.listExcerpts(p, {}).map((e) => [e.id, e]));
    let checked = 0;
    for (const source of qda.sources) {
      const file = /^internal:\/\/(.+)$/.exec(source.text!.plainTextPath!)![1]!;
      const text = Array.from(new TextDecoder().decode(entries[`Sources/${file}`]));
      for (const selection of source.text!.selections) {
        expect(text.slice(selection.start!, selection.end!).join('')).toBe(excerpts.get(selection.guid)!.text);
        checked++;
      }
    }
    expect(checked).toBe(45);
    // Each case names the selections linked to its cells; each coding to a stage code is such a link.
    const kaz = qda.cases.find((c) => c.name === 'Kazakhstan')!;
    const linked = evidence.listExcerpts(p, {}).filter((e) => e.cellIds.some((id) => p.cells().find((c) => c.id === id)!.caseId === o.cases[0]!.id));
    expect(new Set(kaz.selectionRefs)).toEqual(new Set(linked.map((e) => e.id)));

    // What REFI-QDA has no element for travels in machine-readable notes.
    const kinds = qda.notes.map((n) => decodeMachineNote(n.inlineText ?? '')).map((m) => (m && 'data' in m ? m.kind : 'memo'));
    expect(Object.fromEntries([...new Set(kinds)].map((k) => [k, kinds.filter((x) => x === k).length]))).toEqual({
      project: 1,
      record: 1,
      participant: 11,
      claim: 7,
      norm: 2,
      cell: 14,
      excerpt: 45,
      source: 105,
      case: 2,
    });
    const cellNote = qda.notes.find((n) => n.name.startsWith('Cell: Kazakhstan'))!;
    const decoded = decodeMachineNote(cellNote.inlineText!)!;
    expect(decoded).toMatchObject({ kind: 'cell', version: 1, data: { case_id: o.cases[0]!.id, status: expect.any(String) } });
    p.close();
  });

  it('carries a document’s text (pages joined by form feeds) and a PDF with its original and a text representation', async () => {
    const { p, dir } = sample();
    const source = evidence.createSource(p, { kind: 'observer-report', csl: { type: 'report', title: 'Interim report' } });
    const pages = [
      { number: 1, text: 'Первая страница.' },
      { number: 2, text: 'Second page: observers were kept away.' },
    ];
    const doc = evidence.storeDocument(p, { fileName: 'report.txt', bytes: new TextEncoder().encode('original bytes') }, { format: 'txt', mimeType: 'text/plain', pages, title: null, warnings: [] }, { sourceId: source.id });
    const excerpt = evidence.createExcerpt(p, { sourceId: source.id, documentId: doc.id, page: 2, startOffset: 13, endOffset: 38, text: 'observers were kept away.'.slice(0, 25) });
    const pdfBytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'documents', 'ru-kk.pdf')));
    const pdf = evidence.storeDocument(p, { fileName: 'ru-kk.pdf', bytes: pdfBytes }, await extractDocument({ fileName: 'ru-kk.pdf', bytes: pdfBytes }), { kind: 'observer-report' });

    const out = path.join(dir, 'docs.qdpx');
    await exportQdpx(p, { out });
    const entries = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const xml = new TextDecoder().decode(entries['project.qde']);
    expect(await schemaErrors(xml, 'Project.xsd')).toEqual([]);
    const qda = readQdaXml(parseXml(xml, 'docs.qdpx', 'project.qde'))!;

    const text = qda.sources.find((s) => s.guid === doc.id)!;
    expect(text).toMatchObject({ kind: 'text', name: 'Interim report' });
    expect(new TextDecoder().decode(entries[`Sources/${doc.id}.txt`])).toBe('Первая страница.\fSecond page: observers were kept away.');
    expect(new TextDecoder().decode(entries[`Comparanda/${doc.id}.original.txt`])).toBe('original bytes');
    // Position = the first page, a form feed, then the offset within page 2.
    expect(text.text!.selections.map((s) => [s.guid, s.start, s.end])).toEqual([[excerpt.id, 16 + 1 + 13, 16 + 1 + 38]]);

    const pdfSource = qda.sources.find((s) => s.guid === pdf.id)!;
    expect(pdfSource).toMatchObject({ kind: 'pdf', path: `internal://${pdf.id}.pdf` });
    expect(Buffer.from(entries[`Sources/${pdf.id}.pdf`]!).equals(Buffer.from(pdfBytes))).toBe(true);
    const representation = /^internal:\/\/(.+)$/.exec(pdfSource.text!.plainTextPath!)![1]!;
    const pdfPages = evidence.getDocument(p, { id: pdf.id }).pages;
    expect(new TextDecoder().decode(entries[`Sources/${representation}`])).toBe(pdfPages.map((pg) => pg.text).join('\f'));
    p.close();
  });

  it('refuses to replace the project file itself or to write into a missing folder', async () => {
    const { p, dir } = sample();
    expect(((await exportQdpx(p, { out: p.path }).catch((e: unknown) => e)) as ApiError).code).toBe('FILE_EXISTS');
    expect(((await exportQdpx(p, { out: path.join(dir, 'nope', 'x.qdpx') }).catch((e: unknown) => e)) as ApiError).code).toBe('FILE_NOT_FOUND');
    p.close();
  });
});

describe('exportQdc', () => {
  it('writes the codebook alone, with the norms and their stages, valid against Codebook.xsd', async () => {
    const { p, dir } = sample();
    const parent = evidence.createCode(p, { name: 'Observer access', description: 'Where observers may stand' });
    evidence.createCode(p, { name: 'Наблюдатели у урн', parentId: parent.id });
    const out = path.join(dir, 'codebook.qdc');
    const { counts } = await exportQdc(p, { out });
    expect(counts).toEqual({ codes: 2, normCodes: 2, stageCodes: 8 });
    const xml = fs.readFileSync(out, 'utf8');
    expect(await schemaErrors(xml, 'Codebook.xsd')).toEqual([]);
    const qda = readQdaXml(parseXml(xml, 'codebook.qdc', 'codebook'))!;
    expect(qda.kind).toBe('codebook');
    expect(qda.codes.find((c) => c.name === 'Наблюдатели у урн')!.parentGuid).toBe(parent.id);
    expect(qda.codes.filter((c) => c.marker).length).toBe(10);
    p.close();
  });

  it('refuses a project without codes or norms', async () => {
    const dir = tempDir();
    const p = Project.create(path.join(dir, 'empty.comparanda'));
    const error = (await exportQdc(p, { out: path.join(dir, 'empty.qdc') }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(fs.existsSync(path.join(dir, 'empty.qdc'))).toBe(false);
    p.close();
  });
});
