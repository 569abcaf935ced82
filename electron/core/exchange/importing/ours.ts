/** The steps of the write phase that restore what only a file written by Comparanda carries (in its notes). */
import crypto from 'node:crypto';
import { stmt } from '../../db/statements';
import { RECORD_TABLES } from '../export';
import type { NormStageTarget } from './types';
import { type Row, said, skip, sameName, asString, asNullableString, asNullableInt, isRow, rowsOf } from './helpers';
import { ImporterBase } from './base';

export abstract class OwnSteps extends ImporterBase {
  // ---- Frameworks and stages (ours)

  protected frameworks(): void {
    const frameworks = rowsOf(this.own.project?.frameworks);
    const hasDefault = () => !!stmt(this.db, 'SELECT 1 FROM frameworks WHERE is_default = 1').get();
    for (const f of frameworks) {
      const id = asString(f.id);
      if (!id) continue;
      const stages = rowsOf(f.stages).sort((a, b) => Number(a.position) - Number(b.position));
      let localId: string | undefined;
      if (this.exists('frameworks', id)) {
        localId = id;
        stmt(this.db, 'UPDATE frameworks SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(asString(f.name), asString(f.description), this.now, id);
        this.count('frameworks', false);
      } else {
        const liveLabels = stages.filter((s) => s.archived_at === null || s.archived_at === undefined).map((s) => asString(s.label));
        for (const local of stmt(this.db, 'SELECT id FROM frameworks WHERE name = ?').all(asString(f.name)) as { id: string }[]) {
          const labels = (stmt(this.db, 'SELECT label FROM stages WHERE framework_id = ? AND archived_at IS NULL ORDER BY position').all(local.id) as { label: string }[]).map((s) => s.label);
          if (labels.length === liveLabels.length && labels.every((l, i) => l === liveLabels[i])) {
            localId = local.id;
            this.notes.push(said('frameworkMatched', { framework: asString(f.name) }));
            break;
          }
        }
        if (!localId) {
          localId = id;
          this.upsert('frameworks', { ...f, is_default: f.is_default && !hasDefault() ? 1 : 0 });
          this.count('frameworks', true);
        }
      }
      this.frameworkMap.set(id, localId);
      for (const s of stages) {
        const stageId = asString(s.id);
        const local = stmt(this.db, 'SELECT id, framework_id FROM stages WHERE id = ?').get(stageId) as { id: string; framework_id: string } | undefined;
        if (local && local.framework_id === localId) {
          this.stageMap.set(stageId, stageId);
          continue;
        }
        const byLabel = stmt(this.db, 'SELECT id FROM stages WHERE framework_id = ? AND label = ? AND (archived_at IS NULL) = ? ORDER BY position')
          .all(localId, asString(s.label), s.archived_at === null || s.archived_at === undefined ? 1 : 0) as { id: string }[];
        const free = byLabel.find((b) => ![...this.stageMap.values()].includes(b.id));
        if (free) {
          this.stageMap.set(stageId, free.id);
          continue;
        }
        const newId = local ? crypto.randomUUID() : stageId;
        const taken = stmt(this.db, 'SELECT 1 FROM stages WHERE framework_id = ? AND position = ?').get(localId, s.position);
        this.upsert('stages', { ...s, id: newId, framework_id: localId, position: taken ? this.nextPosition('stages', 'WHERE framework_id = ?', localId) : s.position });
        this.stageMap.set(stageId, newId);
      }
      for (const status of rowsOf(f.statuses)) {
        const key = asString(status.key);
        if (!key || stmt(this.db, 'SELECT 1 FROM status_levels WHERE framework_id = ? AND key = ?').get(localId, key)) continue;
        stmt(this.db, 'INSERT INTO status_levels (framework_id, key, label, position, palette) VALUES (?, ?, ?, ?, ?)')
          .run(localId, key, asString(status.label, key), this.nextPosition('status_levels', 'WHERE framework_id = ?', localId), asNullableInt(status.palette) ?? 0);
      }
    }
  }

  // ---- Norms (ours) and the recognition of norm and stage codes

  protected norms(): void {
    for (const row of this.own.norms.values()) {
      const id = asString(row.id);
      const frameworkId = this.frameworkMap.get(asString(row.framework_id)) ?? asString(row.framework_id);
      if (!this.exists('frameworks', frameworkId)) {
        this.skipped.push(skip('code', asString(row.label), said('normNoFramework', { norm: asString(row.label) })));
        continue;
      }
      const existing = stmt(this.db, 'SELECT framework_id FROM norms WHERE id = ?').get(id) as { framework_id: string } | undefined;
      const fields = {
        label: asString(row.label),
        short_label: asString(row.short_label),
        description: asString(row.description),
        instrument: asString(row.instrument),
        paragraph: asString(row.paragraph),
        diffusing_agent: asString(row.diffusing_agent),
        archived_at: asNullableString(row.archived_at),
      };
      if (existing) {
        if (existing.framework_id !== frameworkId) this.notes.push(said('normKeepsFramework', { norm: fields.label }));
        stmt(this.db, 
            'UPDATE norms SET label = @label, short_label = @short_label, description = @description, instrument = @instrument, paragraph = @paragraph, diffusing_agent = @diffusing_agent, archived_at = @archived_at, updated_at = @now WHERE id = @id',
          )
          .run({ ...fields, id, now: this.now });
        this.count('norms', false);
      } else {
        stmt(this.db, 
            `INSERT INTO norms (id, label, short_label, description, instrument, paragraph, diffusing_agent, framework_id, position, created_at, updated_at, archived_at)
             VALUES (@id, @label, @short_label, @description, @instrument, @paragraph, @diffusing_agent, @framework, @position, @created, @now, @archived_at)`,
          )
          .run({ ...fields, id, framework: frameworkId, position: this.nextPosition('norms'), created: asString(row.created_at, this.now), now: this.now });
        this.count('norms', true);
      }
      const normFramework = existing?.framework_id ?? frameworkId;
      for (const note of rowsOf(row.stageNotes)) {
        const stageId = this.stageMap.get(asString(note.stage_id)) ?? asString(note.stage_id);
        if (!stmt(this.db, 'SELECT 1 FROM stages WHERE id = ? AND framework_id = ?').get(stageId, normFramework)) continue;
        stmt(this.db, 'INSERT INTO norm_stage_notes (norm_id, stage_id, description) VALUES (?, ?, ?) ON CONFLICT (norm_id, stage_id) DO UPDATE SET description = excluded.description')
          .run(id, stageId, asString(note.description));
      }
    }
    for (const code of this.qda.codes) {
      const marker = code.marker;
      if (!marker) continue;
      const norm = stmt(this.db, 'SELECT id, framework_id FROM norms WHERE id = ?').get(marker.normId) as { id: string; framework_id: string } | undefined;
      if (!norm) {
        if (this.codebookOnly) {
          this.skippedCodes.add(code.guid);
          this.skipped.push(skip('code', code.name, said('ourCodeInCodebook', { code: code.name, marker: marker.kind })));
        } else {
          this.notes.push(said('normCodeOrdinary', { code: code.name }));
        }
        continue;
      }
      if (marker.kind === 'norm') {
        this.normCodes.set(code.guid, norm.id);
        continue;
      }
      const stageId = this.stageMap.get(marker.stageId) ?? marker.stageId;
      if (stmt(this.db, 'SELECT 1 FROM stages WHERE id = ? AND framework_id = ?').get(stageId, norm.framework_id)) {
        this.stageCodes.set(code.guid, { normId: norm.id, stageId });
      } else {
        // The stage code of another project with the same framework: match the stage by its name.
        const byLabel = stmt(this.db, 'SELECT id FROM stages WHERE framework_id = ? AND label = ? AND archived_at IS NULL').get(norm.framework_id, code.name) as { id: string } | undefined;
        if (byLabel) this.stageCodes.set(code.guid, { normId: norm.id, stageId: byLabel.id });
        else this.notes.push(said('stageCodeOrdinary', { code: code.name }));
      }
    }
  }

  // ---- Participants (ours; by pseudonym only)

  protected participants(): void {
    for (const row of this.own.participants) {
      const id = asString(row.id);
      const pseudonym = asString(row.pseudonym).trim();
      if (!id || !pseudonym) continue;
      const clash = (stmt(this.db, 'SELECT id, pseudonym FROM participants WHERE id != ?').all(id) as { id: string; pseudonym: string }[]).find((x) => sameName(x.pseudonym, pseudonym));
      if (clash && !this.exists('participants', id)) {
        this.participantMap.set(id, clash.id);
        this.notes.push(said('participantMatched', { pseudonym }));
        continue;
      }
      const consent = ['given', 'given-with-restrictions', 'withdrawn', 'unknown'].includes(asString(row.consent)) ? asString(row.consent) : 'unknown';
      const dated: Row = { interview_date: asNullableString(row.interview_date) };
      this.checkDates('participants', dated, pseudonym);
      const created = this.upsert('participants', {
        id,
        pseudonym: clash ? (stmt(this.db, 'SELECT pseudonym FROM participants WHERE id = ?').get(id) as { pseudonym: string }).pseudonym : pseudonym,
        role_category: asString(row.role_category),
        interview_date: dated.interview_date,
        place: asString(row.place),
        language: asString(row.language),
        consent,
        restrictions: asString(row.restrictions),
        created_at: asString(row.created_at, this.now),
        updated_at: this.now,
      });
      this.participantMap.set(id, id);
      this.count('participants', created);
    }
  }

  // ---- Cells (ours)

  protected statusFor(normId: string, wanted: string | null): string {
    const framework = (stmt(this.db, 'SELECT framework_id FROM norms WHERE id = ?').get(normId) as { framework_id: string }).framework_id;
    if (wanted && stmt(this.db, 'SELECT 1 FROM status_levels WHERE framework_id = ? AND key = ?').get(framework, wanted)) return wanted;
    const noData = stmt(this.db, "SELECT key FROM status_levels WHERE framework_id = ? AND key = 'no-data'").get(framework) as { key: string } | undefined;
    if (noData) return noData.key;
    const last = stmt(this.db, 'SELECT key FROM status_levels WHERE framework_id = ? ORDER BY position DESC LIMIT 1').get(framework) as { key: string } | undefined;
    return last?.key ?? 'no-data';
  }

  protected ownCells(): void {
    for (const row of this.own.cells) {
      const caseId = this.caseMap.get(asString(row.case_id));
      const normId = asString(row.norm_id);
      const stageId = this.stageMap.get(asString(row.stage_id)) ?? asString(row.stage_id);
      if (!caseId || !this.exists('norms', normId) || !this.exists('stages', stageId)) {
        this.skipped.push(skip('record', asString(row.id), said('assessmentOrphan')));
        continue;
      }
      const fields = {
        status: this.statusFor(normId, asNullableString(row.status)),
        mode: ['discourse', 'practice', 'both'].includes(asString(row.mode)) ? asString(row.mode) : null,
        period_from: asNullableInt(row.period_from),
        period_to: asNullableInt(row.period_to),
        summary: asString(row.summary),
        confidence: ['low', 'medium', 'high'].includes(asString(row.confidence)) ? asString(row.confidence) : null,
        memo: asString(row.memo),
      };
      if (fields.period_from !== null && fields.period_to !== null && fields.period_from > fields.period_to) fields.period_to = null;
      const archived = asNullableString(row.archived_at);
      const live = archived
        ? undefined
        : (stmt(this.db, 'SELECT id FROM cells WHERE case_id = ? AND norm_id = ? AND stage_id = ? AND archived_at IS NULL').get(caseId, normId, stageId) as { id: string } | undefined);
      const byId = this.exists('cells', row.id) ? asString(row.id) : undefined;
      const target = live?.id ?? byId;
      if (target) {
        stmt(this.db, 
            'UPDATE cells SET status = @status, mode = @mode, period_from = @period_from, period_to = @period_to, summary = @summary, confidence = @confidence, memo = @memo, updated_at = @now WHERE id = @id',
          )
          .run({ ...fields, now: this.now, id: target });
        this.cellMap.set(asString(row.id), target);
        this.count('cells', false);
      } else {
        const id = asString(row.id) || crypto.randomUUID();
        stmt(this.db, 
            `INSERT INTO cells (id, case_id, norm_id, stage_id, status, mode, period_from, period_to, summary, confidence, memo, created_at, updated_at, archived_at)
             VALUES (@id, @case, @norm, @stage, @status, @mode, @period_from, @period_to, @summary, @confidence, @memo, @created, @now, @archived)`,
          )
          .run({ ...fields, id, case: caseId, norm: normId, stage: stageId, created: asString(row.created_at, this.now), now: this.now, archived });
        this.cellMap.set(asString(row.id), id);
        this.count('cells', true);
      }
    }
  }

  /** The live cell of a case, norm and stage, made (status "no data") when it does not exist yet. */
  protected cellFor(caseId: string, target: NormStageTarget): string {
    const live = stmt(this.db, 'SELECT id FROM cells WHERE case_id = ? AND norm_id = ? AND stage_id = ? AND archived_at IS NULL').get(caseId, target.normId, target.stageId) as
      | { id: string }
      | undefined;
    if (live) return live.id;
    const id = crypto.randomUUID();
    this.db
      .prepare('INSERT INTO cells (id, case_id, norm_id, stage_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, caseId, target.normId, target.stageId, this.statusFor(target.normId, null), this.now, this.now);
    this.count('cells', true);
    return id;
  }

  // ---- Observation record, regional context, indicators, views (ours)

  protected recordTables(): void {
    const tables = isRow(this.own.record?.tables) ? (this.own.record.tables as Row) : null;
    if (!tables) return;
    const natural: Record<string, { column: string; map?: 'dimension' | 'organisation' | 'indicator' }> = {
      finding_dimensions: { column: 'label', map: 'dimension' },
      organisations: { column: 'name', map: 'organisation' },
      indicators: { column: 'name', map: 'indicator' },
      views: { column: 'name' },
    };
    const keys: Record<string, string[]> = {
      mission_findings: ['mission_id', 'dimension_id'],
      instrument_norms: ['instrument_id', 'regional_norm_id'],
      regional_norm_cells: ['regional_norm_id', 'cell_id'],
      indicator_values: ['indicator_id', 'case_id', 'year'],
    };
    // column → how to remap it and whether the row is useless without it.
    const refs: Record<string, [string, 'case' | 'cell' | 'dimension' | 'organisation' | 'indicator' | 'table', string, boolean][]> = {
      elections: [['case_id', 'case', 'cases', true]],
      missions: [
        ['election_id', 'table', 'elections', true],
        ['verdict_source_id', 'table', 'sources', false],
        ['verdict_excerpt_id', 'table', 'excerpts', false],
      ],
      mission_findings: [
        ['mission_id', 'table', 'missions', true],
        ['dimension_id', 'dimension', 'finding_dimensions', true],
      ],
      regional_norms: [['organisation_id', 'organisation', 'organisations', false]],
      instruments: [
        ['organisation_id', 'organisation', 'organisations', false],
        ['source_id', 'table', 'sources', false],
      ],
      instrument_norms: [
        ['instrument_id', 'table', 'instruments', true],
        ['regional_norm_id', 'table', 'regional_norms', true],
      ],
      memberships: [
        ['case_id', 'case', 'cases', true],
        ['organisation_id', 'organisation', 'organisations', true],
      ],
      regional_norm_cells: [
        ['regional_norm_id', 'table', 'regional_norms', true],
        ['cell_id', 'cell', 'cells', true],
      ],
      indicators: [['source_id', 'table', 'sources', false]],
      indicator_values: [
        ['indicator_id', 'indicator', 'indicators', true],
        ['case_id', 'case', 'cases', true],
        ['source_id', 'table', 'sources', false],
      ],
    };
    let dropped = 0;
    for (const table of RECORD_TABLES) {
      if (table === 'verification_flags') continue;
      for (const original of rowsOf(tables[table])) {
        const row: Row = { ...original };
        const nat = natural[table];
        if (nat) {
          const local = stmt(this.db, `SELECT id FROM ${table} WHERE ${nat.column} = ?`).get(row[nat.column]) as { id: string } | undefined;
          if (local && local.id !== row.id) {
            if (nat.map) this.naturalMaps[nat.map].set(asString(row.id), local.id);
            continue;
          }
          if (nat.map) this.naturalMaps[nat.map].set(asString(row.id), asString(row.id));
        }
        let ok = true;
        for (const [column, how, target, required] of refs[table] ?? []) {
          const value = row[column];
          if (value === null || value === undefined) continue;
          let mapped: string | undefined = asString(value);
          if (how === 'case') mapped = this.caseMap.get(mapped);
          else if (how === 'cell') mapped = this.cellMap.get(mapped);
          else if (how !== 'table') mapped = this.naturalMaps[how].get(mapped) ?? mapped;
          if (!mapped || !this.exists(target, mapped)) {
            if (required) ok = false;
            else row[column] = null;
          } else row[column] = mapped;
        }
        if (!ok) {
          dropped++;
          continue;
        }
        if (table === 'views') {
          for (const column of ['case_ids', 'norm_ids']) {
            const ids = typeof row[column] === 'string' ? (JSON.parse(row[column]) as unknown[]) : [];
            row[column] = JSON.stringify(ids.map((i) => (column === 'case_ids' ? this.caseMap.get(String(i)) : String(i))).filter((i) => i && this.exists(column === 'case_ids' ? 'cases' : 'norms', i)));
          }
        }
        this.checkDates(table, row, asString(row.label ?? row.title) || asString(row.date_from) || asString(row.id));
        const created = this.upsert(table, row, keys[table] ?? ['id']);
        this.count('records', created);
      }
    }
    if (dropped) this.skipped.push(skip('record', said('madeName', { what: 'record' }), said('recordRowsDropped', { count: dropped })));
  }

  protected flags(): void {
    const tables = isRow(this.own.record?.tables) ? (this.own.record.tables as Row) : null;
    for (const original of rowsOf(tables?.verification_flags)) {
      const row: Row = { ...original };
      if (row.target_type === 'cell' && typeof row.target_id === 'string') row.target_id = this.cellMap.get(row.target_id) ?? row.target_id;
      const created = this.upsert('verification_flags', row);
      this.count('records', created);
    }
  }

  // ---- Claims (ours)

  protected claims(): void {
    for (const original of this.own.claims) {
      const id = asString(original.id);
      if (!id) continue;
      const caseOf = (value: unknown) => (typeof value === 'string' ? (this.caseMap.get(value) ?? null) : null);
      const existing = (table: string, value: unknown) => (typeof value === 'string' && this.exists(table, value) ? value : null);
      const stage = typeof original.stage_id === 'string' ? (this.stageMap.get(original.stage_id) ?? original.stage_id) : null;
      const dimension = typeof original.dimension_id === 'string' ? (this.naturalMaps.dimension.get(original.dimension_id) ?? original.dimension_id) : null;
      const row: Row = {
        ...original,
        claimant_case_id: caseOf(original.claimant_case_id),
        focal_case_id: caseOf(original.focal_case_id),
        excerpt_id: existing('excerpts', original.excerpt_id),
        dimension_id: existing('finding_dimensions', dimension),
        norm_id: existing('norms', original.norm_id),
        stage_id: existing('stages', stage),
        updated_at: this.now,
      };
      delete row.comparators;
      delete row.missions;
      this.checkDates('claims', row, asString(row.claimant) || id);
      const created = this.upsert('claims', row);
      this.count('claims', created);
      stmt(this.db, 'DELETE FROM claim_comparators WHERE claim_id = ?').run(id);
      for (const c of Array.isArray(original.comparators) ? original.comparators : []) {
        const caseId = caseOf(c);
        if (caseId) stmt(this.db, 'INSERT OR IGNORE INTO claim_comparators (claim_id, case_id) VALUES (?, ?)').run(id, caseId);
      }
      stmt(this.db, 'DELETE FROM claim_missions WHERE claim_id = ?').run(id);
      for (const m of Array.isArray(original.missions) ? original.missions : []) {
        if (existing('missions', m)) stmt(this.db, 'INSERT OR IGNORE INTO claim_missions (claim_id, mission_id) VALUES (?, ?)').run(id, m);
      }
    }
  }

}
