/**
 * What an audit entry changed, in the researcher's words: the fields that differ between the row before and after,
 * with short values ("Status: Reached → Partial", "Summary: “…” → “…”"). Bookkeeping columns (ids, timestamps)
 * are left out.
 */
import type { AuditEntryDto } from '../../../electron/contract/api';
import { catalogue, type MessageId } from '../../../electron/contract/i18n/catalogue';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { currentLanguage } from '../i18n/current';

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Bookkeeping, never worth showing. */
const HIDDEN = new Set(['id', 'rowid', 'created_at', 'updated_at']);

function word(id: MessageId): string {
  return formatMessage(currentLanguage(), id);
}

/** A field's name in the interface language (the catalogue's `fields` area), else the column's own name. */
export function labelOf(field: string): string {
  // Fields the catalogue's `fields` area names; any other column is named after itself.
  const id = `fields.${field}`;
  return Object.hasOwn(catalogue('en'), id) ? word(id as MessageId) : field.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export interface ValueWords {
  /** The label of a status key (the framework's word for it). */
  status?: ((key: string) => string) | undefined;
  /** The name of a record another one refers to (a case, a norm, a stage), by column and id. */
  ref?: ((field: string, id: string) => string | undefined) | undefined;
}

function show(field: string, value: unknown, words: ValueWords, max: number): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status' && typeof value === 'string' && words.status) return words.status(value);
  if (field === 'archived_at') return word('fields.archivedValue');
  if (field.endsWith('_id') && typeof value === 'string') return words.ref?.(field, value) ?? word('fields.goneRecord');
  if (typeof value === 'string') return field === 'summary' || field === 'memo' || value.length > max ? `“${clip(value, max)}”` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return clip(JSON.stringify(value), max);
}

function period(row: Record<string, unknown> | null): string {
  if (!row) return '—';
  const from = row.period_from;
  const to = row.period_to;
  if ((from === null || from === undefined) && (to === null || to === undefined)) return '—';
  if (from === to) return String(from);
  return `${from ?? '…'}–${to ?? '…'}`;
}

/** The fields an entry changed (for a creation: the fields it set; for a deletion: none). */
export function changesOf(entry: AuditEntryDto, words: ValueWords = {}, hidden: readonly string[] = [], max = 90): FieldChange[] {
  const before = entry.before;
  const after = entry.after;
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  let periodDone = false;
  for (const field of fields) {
    if (HIDDEN.has(field) || hidden.includes(field)) continue;
    const a = before?.[field] ?? null;
    const b = after?.[field] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (field === 'period_from' || field === 'period_to') {
      if (periodDone) continue;
      periodDone = true;
      changes.push({ field: 'period', label: labelOf('period'), before: period(before), after: period(after) });
      continue;
    }
    if (before === null && (b === null || b === '')) continue;
    changes.push({ field, label: labelOf(field), before: show(field, a, words, max), after: show(field, b, words, max) });
  }
  return changes;
}

export type EntryKind = 'created' | 'deleted' | 'changed';

export function kindOf(entry: AuditEntryDto): EntryKind {
  if (entry.before === null) return 'created';
  if (entry.after === null) return 'deleted';
  return 'changed';
}
