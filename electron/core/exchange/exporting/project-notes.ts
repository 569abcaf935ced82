/** The project's own data as machine notes (frameworks, the record, participants by pseudonym, claims), and the norms and cells. */
import { APP_NAME, APP_VERSION } from '../../project';
import type { ExportContext } from './context';
import { all, group, RECORD_TABLES, stageCodeGuid, noteGuid, type CellRow, type Row } from './rows';

export function writeProjectNotes(x: ExportContext) {
  const { p, projectNoteRefs, addRef, addLink, machine, caseName, normRows, normLabel, stageRows, stageLabel, participants, memos, memosOf } = x;
  // ---- Project-level machine notes
  const frameworks = all<Row & { id: string }>(p, 'SELECT * FROM frameworks ORDER BY is_default DESC, name');
  const statuses = group(all<Row & { framework_id: string }>(p, 'SELECT * FROM status_levels ORDER BY framework_id, position'), (s) => s.framework_id);
  const stagesByFramework = group(stageRows, (s) => s.framework_id);
  projectNoteRefs.push(
    machine(
      'project',
      'project',
      'Comparanda project data',
      {
        app: `${APP_NAME} ${APP_VERSION}`,
        title: p.title,
        frameworks: frameworks.map((f) => ({ ...f, stages: stagesByFramework.get(f.id) ?? [], statuses: statuses.get(f.id) ?? [] })),
        attributes: all(p, 'SELECT * FROM case_attributes ORDER BY position'),
        memos: memos.map((m) => ({ id: m.id, target_type: m.target_type, target_id: m.target_id, created_at: m.created_at, updated_at: m.updated_at })),
      },
      'Written by Comparanda so that the project survives a round trip through REFI-QDA (see docs/refi-qda.md in Comparanda). Please keep this note.',
    ),
  );
  const record: Record<string, Row[]> = {};
  for (const table of RECORD_TABLES) record[table] = all(p, `SELECT * FROM ${table} ORDER BY rowid`);
  projectNoteRefs.push(
    machine('record', 'record', 'Comparanda observation record and regional context', { tables: record }, 'Elections and observer missions, findings, regional context, indicators, verification flags and saved views of the Comparanda project.'),
  );
  for (const x of participants) {
    projectNoteRefs.push(
      machine('participant', x.id, `Participant: ${x.pseudonym}`, x, `Interviewee known by the pseudonym “${x.pseudonym}”${x.role_category ? ` (${String(x.role_category)})` : ''}. Consent: ${String(x.consent)}.`, {
        created: x.created_at,
        modified: x.updated_at,
      }),
    );
  }
  for (const claim of all<Row & { id: string; claimant: string; statement: string }>(p, 'SELECT * FROM claims ORDER BY created_at, rowid')) {
    const comparators = all<{ case_id: string }>(p, 'SELECT case_id FROM claim_comparators WHERE claim_id = ?', claim.id).map((r) => r.case_id);
    const missions = all<{ mission_id: string }>(p, 'SELECT mission_id FROM claim_missions WHERE claim_id = ?', claim.id).map((r) => r.mission_id);
    projectNoteRefs.push(
      machine('claim', claim.id, `Claim by ${claim.claimant}`, { ...claim, comparators, missions }, `${claim.claimant}: ${claim.statement}\n\nAssessment: ${String(claim.assessment)}. ${String(claim.reasoning)}`.trim(), {
        created: claim.created_at,
        modified: claim.updated_at,
      }),
    );
  }

  // ---- Norms and cells (notes referenced from the norm and stage codes)
  const stageNotes = all<{ norm_id: string; stage_id: string; description: string }>(p, 'SELECT norm_id, stage_id, description FROM norm_stage_notes');
  for (const norm of normRows) {
    addRef(norm.id, machine('norm', norm.id, `Norm: ${norm.label}`, { ...norm, stageNotes: stageNotes.filter((s) => s.norm_id === norm.id) }, norm.description, { created: norm.created_at, modified: norm.updated_at }));
  }
  const cells = all<CellRow>(p, 'SELECT * FROM cells ORDER BY rowid');
  for (const cell of cells) {
    const label = `${caseName.get(cell.case_id) ?? 'Case'} · ${normLabel.get(cell.norm_id) ?? 'Norm'} · ${stageLabel.get(cell.stage_id) ?? 'Stage'}`;
    const facts = [
      `Status: ${cell.status}`,
      cell.mode ? `mode: ${cell.mode}` : '',
      cell.period_from !== null || cell.period_to !== null ? `period: ${cell.period_from ?? '…'}–${cell.period_to ?? '…'}` : '',
      cell.confidence ? `confidence: ${cell.confidence}` : '',
    ].filter(Boolean);
    for (const memo of memosOf.get(`cell:${cell.id}`) ?? []) addRef(noteGuid('cell', cell.id), memo.id);
    const guid = machine('cell', cell.id, `Cell: ${label}`, cell, [cell.summary, cell.memo ? `Memo: ${cell.memo}` : ''].filter(Boolean).join('\n\n'), {
      created: cell.created_at,
      modified: cell.updated_at,
      description: facts.join('; '),
    });
    addRef(stageCodeGuid(cell.norm_id, cell.stage_id), guid);
    addLink(guid, cell.case_id, 'Cell of this case');
  }
  for (const norm of normRows) for (const memo of memosOf.get(`norm:${norm.id}`) ?? []) addRef(norm.id, memo.id);
}
