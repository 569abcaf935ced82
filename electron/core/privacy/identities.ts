/**
 * What identifies an interviewee: the real name and contact recorded for a participant, and the identifiers the
 * researcher marks (another name, a phone number, an e-mail address, a place). These are what every output of a
 * project is checked against; none of them may leave it.
 */
import type Database from 'better-sqlite3';
import type { IdentifierKind } from '../../contract/api';
import type { CatalogueText } from '../../contract/errors';
import { textOf } from '../../contract/i18n/format';
import { Haystack, foldNeedle } from './match';

export interface Identity {
  participantId: string;
  pseudonym: string;
  /** What it is, for messages that must name the kind of identifier and never the identifier itself. */
  kind: 'real name' | 'contact' | IdentifierKind;
  value: string;
  needle: { spaced: string; tight: string | null };
  /** A form made from another (the real name family name first), not recorded as such. */
  derived?: boolean | undefined;
}

/** How a refusal names an identity without quoting it: "the real name recorded for participant “P-03”". */
export function identityText(identity: Pick<Identity, 'kind' | 'pseudonym'>): CatalogueText {
  return textOf('errorsPrivacy.identity', { kind: identity.kind === 'real name' ? 'realName' : identity.kind, pseudonym: identity.pseudonym });
}

/** The parts of a free-text contact line ("+7 701 555 0101, aigerim@example.kz") that identify on their own. */
function contactParts(contact: string): string[] {
  const parts = contact
    .split(/[,;\n]|\s\/\s/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 5);
  return parts.length > 1 ? [contact.trim(), ...parts] : [contact.trim()];
}

/** Every recorded identity of the project, longest first (so a full name is reported before a part of it). */
export function recordedIdentities(db: Database.Database): Identity[] {
  const out: Identity[] = [];
  const add = (participantId: string, pseudonym: string, kind: Identity['kind'], value: string, derived = false) => {
    const trimmed = value.trim();
    if (!trimmed) return;
    const needle = foldNeedle(trimmed);
    // One or two letters would match everywhere; such an "identifier" identifies no one.
    if (needle.spaced.length < 3) return;
    if (out.some((i) => i.participantId === participantId && i.needle.spaced === needle.spaced)) return;
    out.push({ participantId, pseudonym, kind, value: trimmed, needle, ...(derived ? { derived } : {}) });
  };
  const identities = db
    .prepare('SELECT i.participant_id AS id, p.pseudonym, i.real_name AS realName, i.contact FROM participant_identities i JOIN participants p ON p.id = i.participant_id')
    .all() as { id: string; pseudonym: string; realName: string; contact: string }[];
  for (const row of identities) {
    add(row.id, row.pseudonym, 'real name', row.realName);
    // Bibliographies and lists print names family name first: "Bekova, Aigerim", "Bekova Aigerim".
    const words = row.realName.trim().split(/\s+/);
    if (words.length >= 2) {
      const family = words.at(-1)!;
      const given = words.slice(0, -1).join(' ');
      add(row.id, row.pseudonym, 'real name', `${family}, ${given}`, true);
      add(row.id, row.pseudonym, 'real name', `${family} ${given}`, true);
      // Citation styles initialise given names (APA: "Bekova, A."; Chicago notes: "A. Bekova").
      const initials = words
        .slice(0, -1)
        .map((w) => `${[...w][0]!}.`)
        .join(' ');
      add(row.id, row.pseudonym, 'real name', `${family}, ${initials}`, true);
      add(row.id, row.pseudonym, 'real name', `${initials} ${family}`, true);
    }
    for (const part of contactParts(row.contact)) add(row.id, row.pseudonym, 'contact', part);
  }
  const marked = db
    .prepare('SELECT m.participant_id AS id, p.pseudonym, m.kind, m.value FROM participant_identifiers m JOIN participants p ON p.id = m.participant_id')
    .all() as { id: string; pseudonym: string; kind: IdentifierKind; value: string }[];
  for (const row of marked) add(row.id, row.pseudonym, row.kind, row.value);
  return out.sort((a, b) => b.needle.spaced.length - a.needle.spaced.length);
}

/** Replaces every recorded identity in a text with the participant's pseudonym in brackets. */
export function redactWith(identities: readonly Identity[], text: string): string {
  if (!text || identities.length === 0) return text;
  const hay = new Haystack(text);
  const spans: { start: number; end: number; pseudonym: string }[] = [];
  for (const identity of identities) {
    for (const at of hay.find(identity.needle, 1000)) {
      if (!spans.some((s) => s.start < at.end && at.start < s.end)) spans.push({ ...at, pseudonym: identity.pseudonym });
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => b.start - a.start);
  let out = text;
  for (const span of spans) out = `${out.slice(0, span.start)}[${span.pseudonym}]${out.slice(span.end)}`;
  return out;
}


/** Every string in a value, at any depth, with identities replaced (for JSON values and structured answers). */
export function redactDeep<T>(identities: readonly Identity[], value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactWith(identities, v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * The tables whose text an identity may have been typed into, with their text columns and primary key: every table
 * but SQLite's own, the search indexes (derived from the tables listed), the identities themselves and the original
 * files (bytes, handled apart).
 */
export function textTables(db: Database.Database): { name: string; columns: string[]; key: string[] }[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => t !== 'participant_identities' && t !== 'participant_identifiers' && t !== 'document_files')
    .map((name) => {
      const info = db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(name) as { name: string; type: string; pk: number }[];
      return {
        name,
        columns: info.filter((c) => c.type.toUpperCase() === 'TEXT').map((c) => c.name),
        key: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      };
    })
    .filter((t) => t.columns.length > 0);
}
