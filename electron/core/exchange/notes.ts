/**
 * What REFI-QDA has no element for travels in Notes whose text is machine-readable (docs/refi-qda.md):
 *
 *   comparanda:<kind> v<version>
 *   <the data as JSON, on one line>
 *
 *   <free text for people reading the note in another program (optional)>
 *
 * The JSON is authoritative; the text after the blank line is a readable copy and is ignored on import.
 * Norm and stage codes are marked on the last line of their Description: `[comparanda:norm <normId>]` and
 * `[comparanda:stage <normId> <stageId>]`, which a .qdc (no notes) carries too.
 */

export const NOTE_VERSION = 1;

export const NOTE_KINDS = ['project', 'record', 'case', 'norm', 'cell', 'source', 'excerpt', 'participant', 'claim'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface MachineNote {
  kind: string;
  version: number;
  data: unknown;
  body: string;
}

export function encodeMachineNote(kind: NoteKind, data: unknown, body = ''): string {
  // JSON.stringify escapes every control character, so the JSON line survives XML unchanged.
  const json = JSON.stringify(data).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `comparanda:${kind} v${NOTE_VERSION}\n${json}${body ? `\n\n${body}` : ''}`;
}

const HEADER = /^comparanda:([a-z-]+) v(\d+)[ \t]*\n/;

/** The machine-readable content of a note, or null when the note is an ordinary one. Throws nothing. */
export function decodeMachineNote(text: string | undefined): MachineNote | { kind: string; version: number; error: string } | null {
  if (!text) return null;
  const normalised = text.replace(/\r\n?/g, '\n').replace(/^\s+/, '');
  const header = HEADER.exec(normalised);
  if (!header) return null;
  const rest = normalised.slice(header[0].length);
  const lineEnd = rest.indexOf('\n');
  const json = lineEnd < 0 ? rest : rest.slice(0, lineEnd);
  const version = Number(header[2]);
  try {
    return { kind: header[1]!, version, data: JSON.parse(json) as unknown, body: lineEnd < 0 ? '' : rest.slice(lineEnd).replace(/^\n\n?/, '') };
  } catch (error) {
    return { kind: header[1]!, version, error: (error as Error).message };
  }
}

const MARKER = /\n*\[comparanda:(norm|stage) ([0-9a-fA-F-]{36})(?: ([0-9a-fA-F-]{36}))?\]\s*$/;

export type CodeMarker = { kind: 'norm'; normId: string } | { kind: 'stage'; normId: string; stageId: string };

export function markDescription(description: string, marker: CodeMarker): string {
  const line = marker.kind === 'norm' ? `[comparanda:norm ${marker.normId}]` : `[comparanda:stage ${marker.normId} ${marker.stageId}]`;
  return description.trim() ? `${description.trim()}\n\n${line}` : line;
}

/** Splits a code description into the text and the Comparanda marker on its last line, if any. */
export function readMarker(description: string | undefined): { description: string; marker: CodeMarker | null } {
  const text = (description ?? '').replace(/\r\n?/g, '\n');
  const match = MARKER.exec(text);
  if (!match) return { description: text, marker: null };
  const rest = text.slice(0, match.index).trimEnd();
  if (match[1] === 'norm' && !match[3]) return { description: rest, marker: { kind: 'norm', normId: match[2]!.toLowerCase() } };
  if (match[1] === 'stage' && match[3]) return { description: rest, marker: { kind: 'stage', normId: match[2]!.toLowerCase(), stageId: match[3].toLowerCase() } };
  return { description: text, marker: null };
}
