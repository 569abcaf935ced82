/**
 * A second .qdpx reader, written against Project.xsd and the standard's archive layout only — it shares no code with
 * electron/core/exchange — so that tests check our exports the way another program would read them: strictly.
 * It validates project.qde against the schema, then refuses what readers stumble on: a GUID used twice, a reference
 * to nothing, an `internal://` file missing from `Sources/` (exact case), a file in `Sources/` that nothing names,
 * a selection outside its text. It answers the quoted text of every text selection, counting positions in code
 * points as the standard's characters, and the area of every PDF selection (page from 0, whole points, the first
 * corner above and left of the second).
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';

const SCHEMA = path.join(__dirname, '..', 'fixtures', 'refi-qda', 'Project.xsd');

type Node = Record<string, unknown>;

export interface IndependentReading {
  problems: string[];
  sources: number;
  /** Selection GUID → the text it selects. */
  quoted: Map<string, string>;
  userGuids: string[];
  /** PDF selection GUID → its page, corners and the text of its Representation (null without one). */
  areas: Map<string, { page: number; firstX: number; firstY: number; secondX: number; secondY: number; text: string | null }>;
}

function walk(node: unknown, visit: (name: string, element: Node) => void, name = ''): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit, name);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const element = node as Node;
  if (name) visit(name, element);
  for (const [key, value] of Object.entries(element)) if (!key.startsWith('@_') && key !== '#text') walk(value, visit, key);
}

export async function readIndependently(file: string): Promise<IndependentReading> {
  const problems: string[] = [];
  const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const qde = entries['project.qde'];
  if (!qde) return { problems: ['no project.qde at the root of the archive'], sources: 0, quoted: new Map(), userGuids: [], areas: new Map() };
  const xml = new TextDecoder('utf-8', { fatal: true }).decode(qde);
  const valid = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project.xsd', contents: fs.readFileSync(SCHEMA, 'utf8') }], initialMemoryPages: 512, maxMemoryPages: 16384 });
  if (!valid.valid) problems.push(...valid.errors.map((e) => `schema: ${e.rawMessage}`));
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute, trimValues: false }).parse(xml) as Node;

  const guids = new Map<string, string>();
  const referenced: { target: string; by: string }[] = [];
  const named = new Set<string>();
  const quoted = new Map<string, string>();
  const userGuids: string[] = [];
  const areas: IndependentReading['areas'] = new Map();
  let sources = 0;
  const textOf = (pathAttr: unknown): string | null => {
    if (typeof pathAttr !== 'string' || !pathAttr.startsWith('internal://')) return null;
    const entry = `Sources/${pathAttr.slice('internal://'.length)}`;
    named.add(entry);
    const bytes = entries[entry];
    if (!bytes) {
      problems.push(`${pathAttr} is not in the archive as ${entry}`);
      return null;
    }
    return new TextDecoder().decode(bytes);
  };
  walk(doc, (name, element) => {
    const guid = element['@_guid'];
    if (typeof guid === 'string') {
      if (guids.has(guid)) problems.push(`GUID ${guid} is used by a ${guids.get(guid)} and a ${name}`);
      guids.set(guid, name);
    }
    for (const attr of ['@_targetGUID', '@_originGUID', '@_creatingUser', '@_modifyingUser']) {
      if (typeof element[attr] === 'string') referenced.push({ target: element[attr], by: `${name} ${attr.slice(2)}` });
    }
    if (name === 'User' && typeof guid === 'string') userGuids.push(guid);
    for (const attr of ['@_path', '@_richTextPath']) textOf(element[attr]);
    if (name === 'TextSource' || name === 'PDFSource' || name === 'PictureSource' || name === 'AudioSource' || name === 'VideoSource') sources++;
    if (name === 'PDFSelection') {
      const [page, firstX, firstY, secondX, secondY] = ['page', 'firstX', 'firstY', 'secondX', 'secondY'].map((a) => Number(element[`@_${a}`])) as [number, number, number, number, number];
      if (![page, firstX, firstY, secondX, secondY].every((v) => Number.isInteger(v) && v >= 0)) problems.push(`PDF selection ${String(guid)} has a page or corner that is not a whole number ≥ 0`);
      else if (!(firstX < secondX && firstY < secondY)) problems.push(`PDF selection ${String(guid)}: its first corner is not above and left of its second`);
      const representation = (element.Representation as Node[] | undefined)?.[0];
      const content = (representation?.PlainTextContent as unknown[] | undefined)?.[0];
      const text = typeof content === 'string' ? content : content && typeof content === 'object' ? String((content as Node)['#text'] ?? '') : null;
      areas.set(String(guid), { page, firstX, firstY, secondX, secondY, text });
    }
    if (name === 'TextSource' || name === 'Representation') {
      const text = textOf(element['@_plainTextPath']);
      const points = text === null ? null : Array.from(text);
      for (const selection of (element.PlainTextSelection as Node[] | undefined) ?? []) {
        const start = Number(selection['@_startPosition']);
        const end = Number(selection['@_endPosition']);
        if (!points) continue;
        if (!(start >= 0 && start <= end && end <= points.length)) problems.push(`selection ${String(selection['@_guid'])} (${start}–${end}) lies outside its text (${points.length} characters)`);
        else quoted.set(String(selection['@_guid']), points.slice(start, end).join(''));
      }
    }
  });
  for (const { target, by } of referenced) if (!guids.has(target)) problems.push(`${by} refers to ${target}, which is nothing in the file`);
  for (const entry of Object.keys(entries)) {
    if (/^sources\//i.test(entry) && !entry.endsWith('/') && !named.has(entry)) problems.push(`${entry} is in the archive but nothing names it`);
  }
  return { problems, sources, quoted, userGuids, areas };
}
