/**
 * XML for QDA-XML: a small writer that escapes everything it is given (and drops the characters XML 1.0 cannot
 * carry), and a forgiving reader on fast-xml-parser that answers plain element objects.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from '../documents/import-error';

// ---------------------------------------------------------------------------------------------------------------
// Writing

export type XmlAttrs = Record<string, string | number | boolean | null | undefined>;

export interface XmlNode {
  name: string;
  attrs?: XmlAttrs;
  children?: (XmlNode | null | undefined | false)[];
  /** Text content (for elements without children). */
  text?: string;
}

// Characters XML 1.0 does not allow, even as character references.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text without the characters XML 1.0 cannot carry (form feeds, other control characters, lone surrogates). */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '');
}

export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function el(name: string, attrs?: XmlAttrs, children?: XmlNode['children']): XmlNode {
  return { name, attrs, children };
}

export function textEl(name: string, text: string, attrs?: XmlAttrs): XmlNode {
  return { name, attrs, text };
}

function renderAttrs(attrs: XmlAttrs | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    out += ` ${key}="${escapeAttr(String(value))}"`;
  }
  return out;
}

function* linesOf(node: XmlNode, depth: number): Generator<string> {
  const pad = '  '.repeat(depth);
  const children = (node.children ?? []).filter((c): c is XmlNode => !!c);
  if (node.text !== undefined) {
    yield `${pad}<${node.name}${renderAttrs(node.attrs)}>${escapeText(node.text)}</${node.name}>`;
  } else if (children.length === 0) {
    yield `${pad}<${node.name}${renderAttrs(node.attrs)}/>`;
  } else {
    yield `${pad}<${node.name}${renderAttrs(node.attrs)}>`;
    for (const child of children) yield* linesOf(child, depth + 1);
    yield `${pad}</${node.name}>`;
  }
}

/**
 * The document as UTF-8 XML text, with its declaration, in pieces of at least `size` characters (the last may be
 * shorter), each ending with a line break after a whole element or tag: a text is never cut. Joined, the pieces are
 * renderXml's text. A large project's REFI-QDA export is longer than the longest string JavaScript can hold.
 */
export function* renderXmlPieces(root: XmlNode, size = 1 << 20): Generator<string> {
  let lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  let length = lines[0]!.length;
  for (const line of linesOf(root, 0)) {
    lines.push(line);
    length += line.length + 1;
    if (length >= size) {
      yield `${lines.join('\n')}\n`;
      lines = [];
      length = 0;
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

/** The document as UTF-8 XML text, with its declaration. */
export function renderXml(root: XmlNode): string {
  return [...renderXmlPieces(root)].join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** An element as the parser gives it: attributes by name, child elements by name (always arrays), text as #text. */
export type XElement = Record<string, unknown>;

/** Decodes the bytes of an XML file: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  textNodeName: '#text',
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

/**
 * Parses XML text into element objects. Refuses a DOCTYPE (QDA-XML has none; entity declarations are how XML
 * "billion laughs" bombs work) and XML that is not well-formed, naming the file and the line.
 */
export function parseXml(xml: string, fileName: string, entryName: string): XElement {
  // XML's own end-of-line handling: CRLF and lone CR become LF.
  const text = xml.replace(/\r\n?/g, '\n');
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) {
    throw new ImportError('corrupt', fileName, 'errorsFiles.xmlDoctype', { file: fileName, entry: entryName, doctype: 'DOCTYPE' });
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // Elements left open at the end (a file cut short) are reported by the validator at "line 1, column 1" with a
    // list of their names: say where the file really ends instead.
    const open = /^Invalid '\[([^\]]*)\]' found\.?$/.exec(valid.err.msg.replace(/\s+/g, ' '));
    if (open) {
      const lines = text.split('\n');
      const tags = [...open[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`).join(', ');
      throw new ImportError('corrupt', fileName, 'errorsFiles.xmlCutShort', {
        file: fileName,
        entry: entryName,
        line: lines.length,
        column: Array.from(lines[lines.length - 1]!).length + 1,
        tags,
      });
    }
    throw new ImportError('corrupt', fileName, 'errorsFiles.xmlMalformed', {
      file: fileName,
      entry: entryName,
      line: valid.err.line,
      column: valid.err.col,
      detail: valid.err.msg.replace(/\.$/, ''),
    });
  }
  return parser.parse(text) as XElement;
}

/** The child elements called `name` (an element's text-only children come back as `{ '#text': … }`). */
export function kids(node: XElement | undefined, name: string): XElement[] {
  const value = node?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'object' && v !== null ? (v as XElement) : { '#text': String(v) }));
}

export function kid(node: XElement | undefined, name: string): XElement | undefined {
  return kids(node, name)[0];
}

export function attr(node: XElement | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The text of an element (all its text nodes), or undefined when it is absent. */
export function textOf(node: XElement | undefined): string | undefined {
  if (!node) return undefined;
  const value = node['#text'];
  if (Array.isArray(value)) return value.map(String).join('');
  if (value === undefined) return '';
  return String(value);
}

/** The text of the first child element called `name`. */
export function childText(node: XElement | undefined, name: string): string | undefined {
  return textOf(kid(node, name));
}
