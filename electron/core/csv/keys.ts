/**
 * Lookups by natural key (ISO code or name, date + type, label), built once per import and kept up to date as rows
 * are written. A name that matches nothing is refused with the nearest known names: a typo must not quietly become a
 * new organisation, unless the import was asked to create what is missing.
 */
import crypto from 'node:crypto';
import { ELECTION_TYPES } from '../../contract/api';
import type { Track } from '../history';
import type { Project } from '../project';
import { upsertRow } from '../record';
import { textOf } from '../../contract/i18n/format';
import { date, fold, int, nearest, oneOf, RowError } from './values';

/** An election's natural key: no round and round 0 are the same election, as the import has always read them. */
export const electionKey = (caseId: string, date: string, type: string, round: number | null) => `${caseId}\u0000${date}\u0000${type}\u0000${round ?? 0}`;

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

export class Keys {
  readonly cases = new Map<string, string>();
  readonly norms = new Map<string, { id: string; frameworkId: string }>();
  readonly dimensions = new Map<string, string>();
  /** Regional organisations (the organisations table), by folded name. */
  readonly organisations = new Map<string, { id: string; name: string }>();
  /** The organisations that observe elections: those of existing missions and the regional ones. */
  readonly missionOrganisations = new Map<string, string>();
  readonly indicators = new Map<string, string>();
  readonly regionalNorms = new Map<string, string>();
  /**
   * Elections by (case, date, type, round), claims by (claimant, statement), instruments by title: read once, on first
   * use, so that a row costs one map lookup, not a query (the claims and instruments have no index on those).
   */
  private electionIds: Map<string, string> | undefined;
  private claimIds: Map<string, string> | undefined;
  private instrumentIds: Map<string, string> | undefined;
  /** What this import added because it was asked to create what is missing, for the summary. */
  readonly createdNames: string[] = [];
  /**
   * How to forget what the current rows added, should their savepoint be rolled back: per entry a map, key, whether
   * it had the key and the value it had (flat, not a closure per entry: an import remembers a value per row).
   */
  private pending: unknown[] = [];

  constructor(
    private readonly p: Project,
    readonly createMissing: boolean,
  ) {
    for (const c of p.db.prepare('SELECT id, name, iso_code FROM cases').all() as { id: string; name: string; iso_code: string | null }[]) {
      this.cases.set(fold(c.name), c.id);
      if (c.iso_code) this.cases.set(fold(c.iso_code), c.id);
    }
    for (const n of p.db.prepare('SELECT id, label, short_label, framework_id FROM norms').all() as { id: string; label: string; short_label: string; framework_id: string }[]) {
      this.norms.set(fold(n.label), { id: n.id, frameworkId: n.framework_id });
      if (n.short_label) this.norms.set(fold(n.short_label), { id: n.id, frameworkId: n.framework_id });
    }
    for (const d of p.db.prepare('SELECT id, label FROM finding_dimensions').all() as { id: string; label: string }[]) this.dimensions.set(fold(d.label), d.id);
    for (const o of p.db.prepare('SELECT id, name FROM organisations').all() as { id: string; name: string }[]) {
      this.organisations.set(fold(o.name), o);
      this.missionOrganisations.set(fold(o.name), o.name);
    }
    for (const m of p.db.prepare('SELECT DISTINCT organisation FROM missions').all() as { organisation: string }[]) this.missionOrganisations.set(fold(m.organisation), m.organisation);
    for (const i of p.db.prepare('SELECT id, name FROM indicators').all() as { id: string; name: string }[]) this.indicators.set(fold(i.name), i.id);
    for (const r of p.db.prepare('SELECT id, label FROM regional_norms').all() as { id: string; label: string }[]) this.regionalNorms.set(fold(r.label), r.id);
  }

  /** Adds to a lookup for the rest of the file, unless the current row is refused. */
  remember<K, V>(map: Map<K, V>, key: K, value: V): void {
    const before = map.get(key);
    this.pending.push(map, key, before !== undefined || map.has(key), before);
    map.set(key, value);
  }

  rowDone(ok: boolean): void {
    const pending = this.pending;
    this.pending = [];
    if (ok) return;
    for (let i = pending.length - 4; i >= 0; i -= 4) {
      const map = pending[i] as Map<unknown, unknown> | null;
      if (map === null) this.createdNames.pop();
      else if (pending[i + 2]) map.set(pending[i + 1], pending[i + 3]);
      else map.delete(pending[i + 1]);
    }
  }

  /** Notes what this row added for the summary (forgotten if the row is refused). */
  created(what: string): void {
    this.createdNames.push(what);
    this.pending.push(null, null, false, null);
  }

  get elections(): Map<string, string> {
    this.electionIds ??= new Map(
      (this.p.db.prepare('SELECT id, case_id, date, type, round FROM elections').all() as { id: string; case_id: string; date: string; type: string; round: number | null }[]).map((e) => [
        electionKey(e.case_id, e.date, e.type, e.round),
        e.id,
      ]),
    );
    return this.electionIds;
  }

  get claims(): Map<string, string> {
    this.claimIds ??= new Map((this.p.db.prepare('SELECT id, claimant, statement FROM claims ORDER BY rowid DESC').all() as { id: string; claimant: string; statement: string }[]).map((c) => [`${c.claimant}\u0000${c.statement}`, c.id]));
    return this.claimIds;
  }

  get instruments(): Map<string, string> {
    // The first of two instruments with one title, as the query this replaces found it.
    this.instrumentIds ??= new Map((this.p.db.prepare('SELECT id, title FROM instruments ORDER BY rowid DESC').all() as { id: string; title: string }[]).map((i) => [i.title, i.id]));
    return this.instrumentIds;
  }

  caseId(value: string, column: string, required = true): string | null {
    if (value.trim() === '') {
      if (required) throw new RowError(textOf('errorsCore.csvRequired', { column }));
      return null;
    }
    const id = this.cases.get(fold(value));
    if (!id) throw new RowError(textOf('errorsCsv.notACase', { column, value }));
    return id;
  }

  election(caseValue: string, dateValue: string, typeValue: string, roundValue: string, column = 'election'): string {
    const caseId = this.caseId(caseValue, 'case')!;
    const d = date(dateValue, `${column}_date`, true);
    const type = oneOf(typeValue, ELECTION_TYPES, `${column}_type`);
    const round = int(roundValue, `${column}_round`);
    const found = this.elections.get(electionKey(caseId, d!, type, round));
    if (!found) throw new RowError(textOf('errorsCsv.noElection', { type, case: caseValue, date: d!, round: round ? String(round) : 'none' }));
    return found;
  }

  private unknown(what: 'organisation' | 'mission organisation', name: string, known: Iterable<string>): RowError {
    const near = nearest(name, known);
    return new RowError(textOf('errorsCsv.notInProject', { what: what === 'organisation' ? 'organisation' : 'mission', name: name.trim(), near: near.length ? quoted(near) : 'none' }));
  }

  /** The stored spelling of a mission's organisation; a new one only when asked to create what is missing. */
  missionOrganisation(name: string): string {
    const known = this.missionOrganisations.get(fold(name));
    if (known) return known;
    if (!this.createMissing) throw this.unknown('mission organisation', name, this.missionOrganisations.values());
    this.remember(this.missionOrganisations, fold(name), name.trim());
    this.created(`mission organisation "${name.trim()}"`);
    return name.trim();
  }

  /** A regional organisation's id; a new organisation only when asked to create what is missing. */
  organisation(track: Track, name: string): string {
    const existing = this.organisations.get(fold(name));
    if (existing) return existing.id;
    if (!this.createMissing) throw this.unknown('organisation', name, [...this.organisations.values()].map((o) => o.name));
    const id = crypto.randomUUID();
    upsertRow(this.p.db, track, 'organisations', id, { name: name.trim(), full_name: '', description: '' });
    this.remember(this.organisations, fold(name), { id, name: name.trim() });
    this.remember(this.missionOrganisations, fold(name), name.trim());
    this.created(`organisation "${name.trim()}"`);
    return id;
  }
}
