/**
 * What a reader of an output file can see, as text for the egress gate (privacy/gate.ts): the text of a PDF as a
 * reader extracts it (pdf.js, no system tool), the XML inside a DOCX/XLSX (runs of a paragraph joined, attributes
 * included). The gate then searches it for every recorded identity before anything is written.
 */
import { extractDocument } from '../documents/extract';
import type { OutputPart } from '../privacy/gate';
import { decodeEntities } from './inline';
import { readZip } from './zip';

/** The text of XML: once with tags removed (runs of a Word paragraph joined), once with tags as spaces, attributes included. */
export function xmlTexts(xml: string): string[] {
  const joined = decodeEntities(xml.replace(/<\/w:p>|<\/a:p>|<\/row>|<\/si>|<br\s*\/?>/g, ' ').replace(/<[^>]*>/g, ''));
  const spaced = decodeEntities(xml.replace(/<[^>]*>/g, ' '));
  const attributes = [...xml.matchAll(/="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)).join(' ');
  return [joined, spaced, attributes];
}

/** What a reader of the file can see: the text of every XML part of a DOCX/XLSX. */
export function officeTexts(bytes: Buffer): OutputPart[] {
  return readZip(bytes)
    .filter((e) => /\.(xml|rels)$/i.test(e.name))
    .flatMap((e) => xmlTexts(e.data.toString('utf8')).map((text) => ({ text, label: e.name })));
}

/** The text of a PDF as pdf.js extracts it, page by page. */
export async function pdfTexts(bytes: Buffer, signal?: AbortSignal): Promise<string[]> {
  const extracted = await extractDocument({ fileName: 'export.pdf', bytes: new Uint8Array(bytes), signal });
  // Words may be hyphenated at a line end (hyphenate.ts): each page is searched as printed and with them joined.
  return extracted.pages.map((p) => {
    const text = p.text.replace(/\u00ad\s*-?\s*/g, '');
    return /-\n/.test(text) ? `${text}\n${text.replace(/-\n/g, '')}` : text;
  });
}

