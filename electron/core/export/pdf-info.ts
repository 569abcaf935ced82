/**
 * Chromium (Skia) writes the document <title> as the PDF Title and ignores <meta name="author"/"subject">. This
 * sets Title, Author, Subject, Keywords and Creator with a minimal PDF incremental update: a new Info dictionary
 * object appended after %%EOF, with an xref section for that one object and a trailer pointing back (/Prev) to the
 * original cross-reference table. The original bytes are untouched, so the page content is exactly what Chromium
 * printed. Producer and dates are kept from Chromium's Info dictionary.
 */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string | undefined;
  creator?: string | undefined;
}

/** A PDF text string: UTF-16BE with a byte-order mark, written as hex (safe for any character). */
export function pdfTextString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

interface Trailer {
  size: number;
  root: string;
  info: string | null;
  id: string | null;
  startxref: number;
}

function readTrailer(tail: string): Trailer | null {
  const trailerAt = tail.lastIndexOf('trailer');
  const startxrefAt = tail.lastIndexOf('startxref');
  if (trailerAt < 0 || startxrefAt < trailerAt) return null;
  const dict = tail.slice(trailerAt, startxrefAt);
  const size = /\/Size\s+(\d+)/.exec(dict)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1];
  const startxref = /startxref\s+(\d+)/.exec(tail.slice(startxrefAt))?.[1];
  if (!size || !root || !startxref) return null;
  return {
    size: Number(size),
    root,
    info: /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1] ?? null,
    id: /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1] ?? null,
    startxref: Number(startxref),
  };
}

/** Keeps /Producer, /CreationDate and /ModDate of the original Info dictionary, if they can be found. */
function keptEntries(pdf: Buffer, info: string | null): string {
  if (!info) return '';
  const number = info.split(/\s+/)[0];
  const text = pdf.toString('latin1');
  const match = new RegExp(`(?:^|[\\r\\n])${number}\\s+0\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text);
  if (!match) return '';
  const keep: string[] = [];
  for (const key of ['Producer', 'CreationDate', 'ModDate']) {
    const entry = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(match[1]!);
    if (entry) keep.push(`/${key} ${entry[1]}`);
  }
  return keep.join('\n');
}

/**
 * Returns the PDF with the given Info, or the PDF unchanged (and `false`) when its trailer cannot be read (for
 * example a PDF with a cross-reference stream only).
 */
export function setPdfInfo(pdf: Buffer, info: PdfInfo): { pdf: Buffer; updated: boolean } {
  const tail = pdf.subarray(Math.max(0, pdf.length - 4096)).toString('latin1');
  const trailer = readTrailer(tail);
  if (!trailer) return { pdf, updated: false };
  const objectNumber = trailer.info ? Number(trailer.info.split(/\s+/)[0]) : trailer.size;
  const size = trailer.info ? trailer.size : trailer.size + 1;
  const entries = [
    `/Title ${pdfTextString(info.title)}`,
    `/Author ${pdfTextString(info.author)}`,
    `/Subject ${pdfTextString(info.subject)}`,
    ...(info.keywords ? [`/Keywords ${pdfTextString(info.keywords)}`] : []),
    ...(info.creator ? [`/Creator ${pdfTextString(info.creator)}`] : []),
    keptEntries(pdf, trailer.info),
  ].filter(Boolean);
  const prefix = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objectText = `${prefix}${objectNumber} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const objectOffset = pdf.length + Buffer.byteLength(prefix, 'latin1');
  const xrefOffset = pdf.length + Buffer.byteLength(objectText, 'latin1');
  const xref = `xref\n${objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n`;
  const trailerText = `trailer\n<</Size ${size}\n/Root ${trailer.root}\n/Info ${objectNumber} 0 R${trailer.id ? `\n/ID ${trailer.id}` : ''}\n/Prev ${trailer.startxref}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return { pdf: Buffer.concat([pdf, Buffer.from(objectText + xref + trailerText, 'latin1')]), updated: true };
}
