/**
 * The project's QCA sets and, for the one chosen, its calibrated table: raw value → membership per case, with the
 * evidence behind the value (the case opens in the details pane). A set scored by hand takes each score with its
 * reason here.
 */
import { useEffect, useState } from 'react';
import type { QcaCalibratedRowDto, QcaCalibration, QcaSetDto, QcaSetSource } from '../../../electron/contract/qca';
import { useApiQuery } from '../api';
import { useEvidenceStore } from '../evidence/store';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { useEdit, useProject } from '../workbench-context';
import { MARK, parseNumber, useValue } from './format';
import { SetEditor } from './SetEditor';

interface SetsPanelProps {
  sets: QcaSetDto[];
  onOpenCase: (caseId: string) => void;
}

export function SetsPanel({ sets, onOpenCase }: SetsPanelProps) {
  const t = useT();
  const remove = useEdit('qca.removeSet');
  const [editing, setEditing] = useState<QcaSetDto | 'new' | null>(sets.length === 0 ? 'new' : null);
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = sets.find((s) => s.id === shownId) ?? null;
  const describe = useDescribe();

  return (
    <section className="qca-section" aria-labelledby="qca-sets-title">
      <div className="qca-section-head">
        <h3 id="qca-sets-title" className="qca-subheading">
          {t('qca.setsTitle')}
        </h3>
        <button type="button" className="button button-small" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          {t('qca.addSet')}
        </button>
      </div>
      {sets.length === 0 ? <p className="muted">{t('qca.noSets')}</p> : null}
      {sets.length > 0 ? (
        <div className="qca-scroll" tabIndex={0} role="region" aria-labelledby="qca-sets-title">
          <table className="qca-table" data-testid="qca-sets">
            <thead>
              <tr>
                <th scope="col">{t('qca.setName')}</th>
                <th scope="col">{t('qca.role')}</th>
                <th scope="col">{t('qca.source')}</th>
                <th scope="col">{t('qca.calibration')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('qca.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={s.id} className={s.id === shownId ? 'is-chosen' : undefined}>
                  <th scope="row" className="qca-setname">
                    {s.name}
                  </th>
                  <td>{t(s.role === 'outcome' ? 'qca.roleOutcome' : 'qca.roleCondition')}</td>
                  <td>{describe.source(s.source)}</td>
                  <td>{describe.calibration(s.calibration)}</td>
                  <td>
                    <div className="qca-actions">
                      <button type="button" className="button button-small" aria-pressed={s.id === shownId} onClick={() => setShownId(s.id === shownId ? null : s.id)} aria-label={t('qca.showMembershipOf', { name: s.name })}>
                        {t('qca.showMembership')}
                      </button>
                      <button type="button" className="button button-small" onClick={() => setEditing(s)} aria-label={t('qca.editSet', { name: s.name })}>
                        {t('qca.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={remove.pending}
                        onClick={() => {
                          if (shownId === s.id) setShownId(null);
                          void remove.run({ id: s.id });
                        }}
                        aria-label={t('qca.removeSetNamed', { name: s.name })}
                      >
                        {t('qca.remove')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {remove.error ? <InlineAlert message={remove.error.message} actionLabel={t('qca.dismiss')} onAction={remove.clearError} /> : null}
      {editing ? (
        <SetEditor
          key={editing === 'new' ? 'new' : editing.id}
          set={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setShownId(saved.id);
          }}
        />
      ) : null}
      {shown ? <CalibratedTable set={shown} onOpenCase={onOpenCase} /> : null}
    </section>
  );
}

/** A set's source and calibration in words, with the project's own names. */
function useDescribe() {
  const t = useT();
  const { overview } = useProject();
  const value = useValue();
  const normName = (id: string | undefined) => {
    const n = overview?.norms.find((x) => x.id === id);
    return n ? n.shortLabel || n.label : '';
  };
  return {
    source(s: QcaSetSource): string {
      switch (s.kind) {
        case 'cell': {
          const stage = overview?.frameworks.flatMap((f) => f.stages).find((x) => x.id === s.stageId)?.label ?? '';
          const framework = overview?.frameworks.find((f) => f.stages.some((x) => x.id === s.stageId));
          const statuses = s.statuses.map((k) => framework?.statuses.find((x) => x.key === k)?.label ?? k).join(', ');
          return t('qca.describeCell', { norm: normName(s.normId), stage, statuses });
        }
        case 'attribute':
          return t('qca.describeAttribute', { name: overview?.attributes.find((a) => a.id === s.attributeId)?.name ?? '' });
        case 'indicator':
          return t('qca.sourceIndicator');
        case 'claims':
          return s.normId ? t('qca.describeClaimsNorm', { norm: normName(s.normId) }) : t('qca.sourceClaims');
        case 'manual':
          return t('qca.sourceManual');
      }
    },
    calibration(c: QcaCalibration): string {
      switch (c.method) {
        case 'crisp':
          return c.thresholds.length === 1 ? t('qca.describeCrisp', { threshold: value(c.thresholds[0]!) }) : t('qca.describeMulti', { thresholds: c.thresholds.map(value).join('; ') });
        case 'fuzzy':
          return t('qca.describeFuzzy', { exclusion: value(c.exclusion), crossover: value(c.crossover), inclusion: value(c.inclusion) });
        case 'direct':
          return t('qca.methodDirect');
        case 'manual':
          return t('qca.methodManual');
      }
    },
  };
}

function CalibratedTable({ set, onOpenCase }: { set: QcaSetDto; onOpenCase: (caseId: string) => void }) {
  const t = useT();
  const value = useValue();
  const { overview } = useProject();
  const rows = useApiQuery('qca.calibrated', { setId: set.id });
  const reload = rows.reload;
  // Every edit (here, in the matrix, or an undo) refreshes the overview: the raw values may have changed with it.
  useEffect(() => reload(), [overview, reload]);
  const titleId = `qca-calibrated-${set.id}`;
  return (
    <section className="qca-calibrated" aria-labelledby={titleId}>
      <h4 id={titleId} className="qca-minorheading">
        {t('qca.calibratedTitle', { name: set.name })}
      </h4>
      {rows.error ? <InlineAlert message={rows.error.message} actionLabel={t('qca.tryAgain')} onAction={reload} /> : null}
      {!rows.data ? (
        <p className="muted">{t('qca.loading')}</p>
      ) : (
        <div className="qca-scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
          <table className="qca-table" data-testid="qca-calibrated">
            <thead>
              <tr>
                <th scope="col">{t('qca.case')}</th>
                <th scope="col" className="num">
                  {t('qca.rawValue')}
                </th>
                <th scope="col" className="num">
                  {t('qca.membership')}
                </th>
                <th scope="col">{t('qca.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((r) => (
                <tr key={r.caseId}>
                  <th scope="row">
                    <button type="button" className="qca-link" onClick={() => onOpenCase(r.caseId)}>
                      {r.caseName}
                    </button>
                  </th>
                  <td className="num">{value(r.raw)}</td>
                  <td className="num">{set.calibration.method === 'manual' ? <ManualScore set={set} row={r} /> : r.score === null ? t('qca.noScore') : value(r.score)}</td>
                  <td>
                    <Evidence row={r} set={set} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Evidence({ row, set }: { row: QcaCalibratedRowDto; set: QcaSetDto }) {
  const t = useT();
  const evidence = useEvidenceStore();
  const source = set.source;
  const e = row.evidence;
  const excerpts = e.excerptIds?.length ?? 0;
  const claims = e.claimIds?.length ?? 0;
  const main =
    e.kind === 'cell'
      ? e.cellId
        ? t('qca.evidenceCell')
        : t('qca.evidenceNoCell')
      : e.kind === 'claims'
        ? t('qca.evidenceClaims', { count: claims })
        : e.kind === 'manual'
          ? row.reason
            ? t('qca.evidenceReason', { reason: row.reason })
            : t('qca.evidenceManual')
          : e.label;
  return (
    <span>
      {main}
      {source.kind === 'cell' && e.cellId ? (
        <>
          {MARK.space}
          <button type="button" className="qca-link" onClick={() => evidence.showCell({ normId: source.normId, caseId: row.caseId, stageId: source.stageId })} aria-label={t('qca.showCellOf', { name: row.caseName })}>
            {t('qca.showCell')}
          </button>
        </>
      ) : null}
      {excerpts > 0 ? <span className="muted">
          {MARK.dot}
          {t('qca.evidenceExcerpts', { count: excerpts })}
        </span> : null}
    </span>
  );
}

function ManualScore({ set, row }: { set: QcaSetDto; row: QcaCalibratedRowDto }) {
  const t = useT();
  const save = useEdit('qca.setScore');
  const [score, setScore] = useState(row.score === null ? '' : String(row.score));
  const [reason, setReason] = useState(row.reason ?? '');
  const [problem, setProblem] = useState(false);
  const submit = () => {
    const n = parseNumber(score);
    if (n === undefined) return void save.run({ setId: set.id, caseId: row.caseId, score: null });
    if (!Number.isFinite(n) || n < 0 || n > 1) return setProblem(true);
    setProblem(false);
    void save.run({ setId: set.id, caseId: row.caseId, score: n, reason });
  };
  return (
    <span className="qca-manual">
      <input className="text-input qca-number" inputMode="decimal" aria-label={t('qca.scoreOf', { name: row.caseName })} value={score} onChange={(e) => setScore(e.target.value)} aria-invalid={problem || undefined} />
      <input className="text-input" aria-label={t('qca.reasonOf', { name: row.caseName })} placeholder={t('qca.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="button" className="button button-small" onClick={submit} disabled={save.pending}>
        {t('qca.saveScore')}
      </button>
      {problem ? <span role="alert">{t('qca.scoreRange')}</span> : null}
      {save.error ? <span role="alert">{save.error.message}</span> : null}
    </span>
  );
}
