/**
 * A QDA-XML project (or codebook) read into plain objects, forgivingly: unknown elements are ignored, optional
 * attributes may be missing, GUIDs may carry braces or upper case (they are normalised here), colours may be
 * "#RRGGBB", "#RGB", "RRGGBB" or "RGB(r, g, b)". What cannot be used is noted in `problems`, never thrown.
 */
import type { CatalogueText } from '../../contract/errors';
import { textOf } from '../../contract/i18n/format';
import { normaliseGuid } from './guid';
import { readMarker, type CodeMarker } from './notes';
import { attr, childText, kid, kids, type XElement } from './xml';

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface QdaCode {
  guid: string;
  name: string;
  description: string;
  /** #RRGGBB, or null. */
  color: string | null;
  isCodable: boolean;
  parentGuid: string | null;
  depth: number;
  noteRefs: string[];
  marker: CodeMarker | null;
}

export interface QdaVariable {
  guid: string;
  name: string;
  type: VariableType;
  description: string;
}

export interface QdaVariableValue {
  variableGuid: string;
  /** Which value element was present. */
  type: VariableType;
  value: string;
}

export interface QdaCase {
  guid: string;
  name: string;
  description: string;
  codeRefs: string[];
  values: QdaVariableValue[];
  sourceRefs: string[];
  selectionRefs: string[];
}

export interface QdaCoding {
  guid: string | null;
  codeGuid: string | null;
  noteRefs: string[];
}

export interface QdaSelection {
  guid: string;
  name: string;
  description: string;
  kind: 'text' | 'pdf' | 'picture' | 'audio' | 'video' | 'transcript';
  /** Code points into the plain text (text selections). */
  start: number | null;
  end: number | null;
  /** PDF selections: the page as written in the file, and the text of their Representation if they carry one. */
  page: number | null;
  /**
   * PDF selections: the area's corners in points from the page's upper left corner (REFI-QDA's firstX/firstY,
   * secondX/secondY), ordered so that (x1, y1) is the upper left; null when the file gives no usable numbers.
   */
  area: { x1: number; y1: number; x2: number; y2: number } | null;
  text: string | null;
  codings: QdaCoding[];
  noteRefs: string[];
  /** The GUID of the user who made the selection, as written (normalised). */
  creatingUser: string | null;
  creationDateTime: string | null;
}

export type SourceKindName = 'text' | 'pdf' | 'picture' | 'audio' | 'video';

export interface QdaTextRef {
  guid: string | null;
  name: string;
  plainTextPath: string | null;
  richTextPath: string | null;
  inlineText: string | null;
  selections: QdaSelection[];
}

export interface QdaSource {
  kind: SourceKindName;
  guid: string;
  name: string;
  description: string;
  /** Text sources: the text itself. PDF sources: their Representation. */
  text: QdaTextRef | null;
  /** The file of a PDF, picture, audio or video source. */
  path: string | null;
  /** PDF, picture, audio and video selections (not those of the text). */
  selections: QdaSelection[];
  /** Codings of the whole source. */
  codings: QdaCoding[];
  noteRefs: string[];
  values: QdaVariableValue[];
  transcripts: number;
  /** When the source was added, and by whom (a user GUID), as the program recorded it. */
  creationDateTime: string | null;
  creatingUser: string | null;
}

export interface QdaNote {
  guid: string;
  name: string;
  description: string;
  inlineText: string | null;
  plainTextPath: string | null;
  noteRefs: string[];
}

export interface QdaSet {
  guid: string;
  name: string;
  memberCodes: string[];
  memberSources: string[];
  memberNotes: string[];
}

export interface QdaLink {
  guid: string | null;
  name: string;
  originGuid: string | null;
  targetGuid: string | null;
}

export interface QdaProject {
  kind: 'project' | 'codebook';
  name: string;
  origin: string | null;
  namespace: string | null;
  users: { guid: string; name: string }[];
  codes: QdaCode[];
  variables: QdaVariable[];
  cases: QdaCase[];
  sources: QdaSource[];
  notes: QdaNote[];
  links: QdaLink[];
  sets: QdaSet[];
  graphs: number;
  description: string;
  noteRefs: string[];
  /** Things that could not be read at all (e.g. an element without a usable GUID), for the import's report. */
  problems: CatalogueText[];
}

/** #RRGGBB from the colour notations found in real files, or null. */
export function normaliseColor(raw: string | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  let match = /^#?([0-9a-fA-F]{6})$/.exec(value);
  if (match) return `#${match[1]!.toUpperCase()}`;
  match = /^#?([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(value);
  if (match) return `#${match[1]}${match[1]}${match[2]}${match[2]}${match[3]}${match[3]}`.toUpperCase();
  match = /^(?:rgba?\s*\()?\s*(\d{1,3})\s*[,; ]\s*(\d{1,3})\s*[,; ]\s*(\d{1,3})\s*(?:[,;]\s*[\d.]+\s*)?\)?$/i.exec(value);
  if (match) {
    const parts = [match[1], match[2], match[3]].map(Number);
    if (parts.every((n) => n <= 255)) return `#${parts.map((n) => n.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
  }
  return null;
}

/** A name attribute, trimmed and in Unicode NFC (macOS programs write accented names decomposed). */
function nameOf(node: XElement | undefined): string {
  return (attr(node, 'name') ?? '').trim().normalize('NFC');
}

function refs(node: XElement | undefined, name: string): string[] {
  return kids(node, name)
    .map((r) => normaliseGuid(attr(r, 'targetGUID')))
    .filter((g): g is string => g !== null);
}

function bool(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  return !/^(false|0|no)$/i.test(raw.trim());
}

function int(raw: string | undefined): number | null {
  if (raw === undefined || !/^\s*[+-]?\d+\s*$/.test(raw)) return null;
  return Number(raw);
}

class Reader {
  readonly problems: CatalogueText[] = [];
  private anonymous = 0;

  guid(node: XElement, what: 'selection' | 'code' | 'variable' | 'case' | 'note' | SourceKindName): string | null {
    const raw = attr(node, 'guid');
    const guid = normaliseGuid(raw);
    if (!guid) {
      const name = attr(node, 'name') ?? '';
      this.problems.push(textOf('exchangeReport.badGuid', { what, named: name ? 'yes' : 'no', name, invalid: raw ? 'yes' : 'no', raw: raw ?? '' }));
    }
    return guid;
  }

  name(node: XElement, fallback: string): string {
    const name = nameOf(node);
    if (name) return name;
    this.anonymous++;
    return `${fallback} ${this.anonymous}`;
  }

  codings(node: XElement): QdaCoding[] {
    return kids(node, 'Coding').map((c) => ({
      guid: normaliseGuid(attr(c, 'guid')),
      codeGuid: normaliseGuid(attr(kid(c, 'CodeRef'), 'targetGUID')),
      noteRefs: refs(c, 'NoteRef'),
    }));
  }

  values(node: XElement): QdaVariableValue[] {
    const out: QdaVariableValue[] = [];
    for (const v of kids(node, 'VariableValue')) {
      const variableGuid = normaliseGuid(attr(kid(v, 'VariableRef'), 'targetGUID'));
      if (!variableGuid) continue;
      for (const type of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'] as const) {
        const value = childText(v, type);
        if (value !== undefined) {
          out.push({ variableGuid, type: type.replace('Value', '') as VariableType, value });
          break;
        }
      }
    }
    return out;
  }

  selection(node: XElement, kind: QdaSelection['kind']): QdaSelection | null {
    const guid = this.guid(node, 'selection');
    if (!guid) return null;
    const representation = kid(node, 'Representation');
    return {
      guid,
      name: nameOf(node),
      description: childText(node, 'Description') ?? '',
      kind,
      start: int(attr(node, 'startPosition')),
      end: int(attr(node, 'endPosition')),
      page: int(attr(node, 'page')),
      area: kind === 'pdf' ? readArea(node) : null,
      text: representation ? (childText(representation, 'PlainTextContent') ?? null) : null,
      codings: this.codings(node),
      noteRefs: refs(node, 'NoteRef'),
      creatingUser: normaliseGuid(attr(node, 'creatingUser')),
      creationDateTime: attr(node, 'creationDateTime') ?? null,
    };
  }

  textRef(node: XElement): QdaTextRef {
    return {
      guid: normaliseGuid(attr(node, 'guid')),
      name: nameOf(node),
      plainTextPath: attr(node, 'plainTextPath')?.trim() || null,
      richTextPath: attr(node, 'richTextPath')?.trim() || null,
      inlineText: childText(node, 'PlainTextContent') ?? null,
      selections: kids(node, 'PlainTextSelection')
        .map((s) => this.selection(s, 'text'))
        .filter((s): s is QdaSelection => s !== null),
    };
  }

  codes(list: XElement[], parentGuid: string | null, depth: number, out: QdaCode[]): void {
    for (const node of list) {
      const guid = this.guid(node, 'code');
      if (!guid) continue;
      const { description, marker } = readMarker(childText(node, 'Description'));
      out.push({
        guid,
        name: this.name(node, 'Code'),
        description,
        color: normaliseColor(attr(node, 'color')),
        isCodable: bool(attr(node, 'isCodable'), true),
        parentGuid,
        depth,
        noteRefs: refs(node, 'NoteRef'),
        marker,
      });
      this.codes(kids(node, 'Code'), guid, depth + 1, out);
    }
  }

  source(node: XElement, kind: SourceKindName): QdaSource | null {
    const guid = this.guid(node, kind);
    if (!guid) return null;
    const selectionTag = { text: null, pdf: 'PDFSelection', picture: 'PictureSelection', audio: 'AudioSelection', video: 'VideoSelection' }[kind];
    const representation = kind === 'pdf' ? kid(node, 'Representation') : kind === 'text' ? node : undefined;
    const selections = selectionTag
      ? kids(node, selectionTag)
          .map((s) => this.selection(s, kind))
          .filter((s): s is QdaSelection => s !== null)
      : [];
    for (const transcript of kids(node, 'Transcript')) {
      for (const s of kids(transcript, 'TranscriptSelection')) {
        const selection = this.selection(s, 'transcript');
        if (selection) selections.push(selection);
      }
    }
    const file = (attr(representation === node ? node : undefined, 'plainTextPath') ?? attr(node, 'path') ?? '').split(/[\\/]/).pop()?.trim();
    return {
      kind,
      guid,
      name: nameOf(node) || file?.normalize('NFC') || this.name(node, 'Source'),
      description: childText(node, 'Description') ?? '',
      text: representation ? this.textRef(representation) : null,
      path: attr(node, 'path')?.trim() || attr(node, 'currentPath')?.trim() || null,
      selections,
      codings: this.codings(node),
      noteRefs: refs(node, 'NoteRef'),
      values: this.values(node),
      transcripts: kids(node, 'Transcript').length,
      creationDateTime: attr(node, 'creationDateTime') ?? null,
      creatingUser: normaliseGuid(attr(node, 'creatingUser')),
    };
  }
}

function readArea(node: XElement): QdaSelection['area'] {
  const [ax, ay, bx, by] = ['firstX', 'firstY', 'secondX', 'secondY'].map((name) => Number(attr(node, name)));
  if (![ax, ay, bx, by].every((v) => Number.isFinite(v))) return null;
  const area = { x1: Math.max(0, Math.min(ax!, bx!)), y1: Math.max(0, Math.min(ay!, by!)), x2: Math.max(ax!, bx!), y2: Math.max(ay!, by!) };
  return area.x2 > area.x1 && area.y2 > area.y1 && area.x2 <= 14_400 && area.y2 <= 14_400 ? area : null;
}

/** Reads a parsed QDA-XML document: a Project (.qde) or a CodeBook (.qdc). Returns null for any other root. */
export function readQdaXml(doc: XElement): QdaProject | null {
  const r = new Reader();
  const projectNode = kid(doc, 'Project');
  const codebookNode = projectNode ? undefined : kid(doc, 'CodeBook');
  const root = projectNode ?? codebookNode;
  if (!root) return null;
  const codes: QdaCode[] = [];
  const codeBook = projectNode ? kid(projectNode, 'CodeBook') : codebookNode;
  r.codes(kids(kid(codeBook, 'Codes'), 'Code'), null, 0, codes);

  const variables: QdaVariable[] = [];
  for (const v of kids(kid(projectNode, 'Variables'), 'Variable')) {
    const guid = r.guid(v, 'variable');
    if (!guid) continue;
    const raw = attr(v, 'typeOfVariable')?.trim() ?? 'Text';
    const type = (['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'] as const).find((t) => t.toLowerCase() === raw.toLowerCase()) ?? 'Text';
    variables.push({ guid, name: r.name(v, 'Variable'), type, description: childText(v, 'Description') ?? '' });
  }

  const cases: QdaCase[] = [];
  for (const c of kids(kid(projectNode, 'Cases'), 'Case')) {
    const guid = r.guid(c, 'case');
    if (!guid) continue;
    cases.push({
      guid,
      name: r.name(c, 'Case'),
      description: childText(c, 'Description') ?? '',
      codeRefs: refs(c, 'CodeRef'),
      values: r.values(c),
      sourceRefs: refs(c, 'SourceRef'),
      selectionRefs: refs(c, 'SelectionRef'),
    });
  }

  const sources: QdaSource[] = [];
  const sourcesNode = kid(projectNode, 'Sources');
  for (const [tag, kind] of [
    ['TextSource', 'text'],
    ['PDFSource', 'pdf'],
    ['PictureSource', 'picture'],
    ['AudioSource', 'audio'],
    ['VideoSource', 'video'],
  ] as const) {
    for (const node of kids(sourcesNode, tag)) {
      const source = r.source(node, kind);
      if (source) sources.push(source);
    }
  }

  const notes: QdaNote[] = [];
  for (const n of kids(kid(projectNode, 'Notes'), 'Note')) {
    const guid = r.guid(n, 'note');
    if (!guid) continue;
    notes.push({
      guid,
      name: nameOf(n),
      description: childText(n, 'Description') ?? '',
      inlineText: childText(n, 'PlainTextContent') ?? null,
      plainTextPath: attr(n, 'plainTextPath')?.trim() || null,
      noteRefs: refs(n, 'NoteRef'),
    });
  }

  const links: QdaLink[] = kids(kid(projectNode, 'Links'), 'Link').map((l) => ({
    guid: normaliseGuid(attr(l, 'guid')),
    name: nameOf(l),
    originGuid: normaliseGuid(attr(l, 'originGUID')),
    targetGuid: normaliseGuid(attr(l, 'targetGUID')),
  }));

  const sets: QdaSet[] = [];
  for (const s of kids(kid(projectNode ?? codebookNode, 'Sets'), 'Set')) {
    const guid = normaliseGuid(attr(s, 'guid'));
    if (!guid) continue;
    sets.push({
      guid,
      name: nameOf(s),
      // A codebook's MemberCode names its code with `guid`, a project's with `targetGUID`.
      memberCodes: kids(s, 'MemberCode')
        .map((m) => normaliseGuid(attr(m, 'targetGUID') ?? attr(m, 'guid')))
        .filter((g): g is string => g !== null),
      memberSources: refs(s, 'MemberSource'),
      memberNotes: refs(s, 'MemberNote'),
    });
  }

  const users = kids(kid(projectNode, 'Users'), 'User')
    .map((u) => ({ guid: normaliseGuid(attr(u, 'guid')), name: nameOf(u) }))
    .filter((u): u is { guid: string; name: string } => u.guid !== null);

  return {
    kind: projectNode ? 'project' : 'codebook',
    name: nameOf(root),
    origin: attr(root, 'origin')?.trim() || null,
    namespace: attr(root, 'xmlns') ?? null,
    users,
    codes,
    variables,
    cases,
    sources,
    notes,
    links,
    sets,
    graphs: kids(kid(projectNode, 'Graphs'), 'Graph').length,
    description: childText(projectNode, 'Description') ?? '',
    noteRefs: refs(projectNode, 'NoteRef'),
    problems: r.problems,
  };
}

