/** Creating a claim, and choosing the verdicts it is tested against. */
import { useMemo, useState, type FormEvent } from 'react';
import type { ClaimDto, TextKind } from '../../../electron/contract/api';
import { InlineAlert } from '../ui/InlineAlert';
import { frameworkOf, orderStages } from '../matrix/matrix-model';
import { Modal } from '../ui/Modal';
import { useProject } from '../workbench-context';
import { useT } from '../i18n/use-t';
import { dateToYear, electionTypeId, firstSentence, missionTypeId, useFormatDate } from './labels';
import { useObservationIndex } from './lookups';
import { useCases } from './RecordBits';
import { useRecordEdit, useRecordStore, useRecordUi } from './record-store';
import { AddElectionDialog } from './ObservationView';
import { enteredDateProblem } from '../../../electron/contract/dates';

export interface ClaimPlacement {
  normId?: string | undefined;
  stageId?: string | undefined;
  focalCaseId?: string | undefined;
}

export function NewClaimDialog({ initial, onClose, onCreated }: { initial?: ClaimPlacement; onClose: () => void; onCreated: (claim: ClaimDto) => void }) {
  const t = useT();
  const { overview } = useProject();
  const { live } = useCases();
  const { index } = useObservationIndex();
  const create = useRecordEdit('claims.save');
  const norms = (overview?.norms ?? []).filter((n) => !n.archived);
  const focalDefault = initial?.focalCaseId ?? live.find((c) => c.role === 'focal')?.id ?? live[0]?.id ?? '';
  const [claimant, setClaimant] = useState('');
  const [role, setRole] = useState('');
  const [date, setDate] = useState('');
  const [statement, setStatement] = useState('');
  const [kind, setKind] = useState<TextKind>('paraphrase');
  const [focalCaseId, setFocalCaseId] = useState(focalDefault);
  // A double-standards claim is most often made from within the focal case (its officials, its press).
  const [claimantCaseId, setClaimantCaseId] = useState(focalDefault);
  const [comparators, setComparators] = useState<string[]>(() => live.filter((c) => c.id !== focalDefault).slice(0, 1).map((c) => c.id));
  const [comparatorNote, setComparatorNote] = useState('');
  const [normId, setNormId] = useState(initial?.normId ?? norms[0]?.id ?? '');
  const norm = norms.find((n) => n.id === normId);
  const stages = orderStages(frameworkOf(norm, overview?.frameworks ?? [])?.stages ?? []);
  const [stageId, setStageId] = useState(initial?.stageId ?? '');
  const [dimensionId, setDimensionId] = useState('');
  const dateError = enteredDateProblem(date);
  const dateValid = dateError === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create.run({
      claimant: claimant.trim(),
      claimantRole: role.trim(),
      claimantCaseId: claimantCaseId || null,
      date: date.trim() === '' ? null : date.trim(),
      statement: statement.trim(),
      statementKind: kind,
      focalCaseId: focalCaseId || null,
      comparatorCaseIds: comparators.filter((id) => id !== focalCaseId),
      comparatorNote: comparatorNote.trim(),
      normId: normId || null,
      stageId: normId && stageId ? stageId : null,
      dimensionId: dimensionId || null,
    });
    if (made) onCreated(made);
  };

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('claims.newClaim')}
      description={t('claims.newClaimHelp')}
      wide
      testId="new-claim-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">{t('claims.claimant')}</span>
            <input className="text-input" value={claimant} onChange={(e) => setClaimant(e.target.value)} placeholder={t('claims.claimantPlaceholder')} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-label">{t('claims.role')}</span>
            <input className="text-input" value={role} onChange={(e) => setRole(e.target.value)} placeholder={t('claims.rolePlaceholder')} autoComplete="off" />
          </label>
          <label className="field field-short">
            <span className="field-label">{t('claims.claimantCountry')}</span>
            <select className="native-select" value={claimantCaseId} onChange={(e) => setClaimantCaseId(e.target.value)}>
              {live.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              <option value="">{t('claims.noneOfTheCases')}</option>
            </select>
          </label>
          <label className="field field-short">
            <span className="field-label">{t('claims.date')}</span>
            <input className="text-input" value={date} onChange={(e) => setDate(e.target.value)} placeholder={t('observation.datePlaceholder')} aria-invalid={dateValid ? undefined : true} />
          </label>
        </div>
        {dateError ? <p className="field-error">{dateError}</p> : null}
        <label className="field">
          <span className="field-label">{t('claims.statement')}</span>
          <textarea className="text-area" rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} />
        </label>
        <fieldset className="rec-inline-choices">
          <legend className="field-label">{t('claims.statementIs')}</legend>
          <label className="choice">
            <input type="radio" name="new-claim-kind" checked={kind === 'quote'} onChange={() => setKind('quote')} />
            <span>{t('claims.kindQuoteLong')}</span>
          </label>
          <label className="choice">
            <input type="radio" name="new-claim-kind" checked={kind === 'paraphrase'} onChange={() => setKind('paraphrase')} />
            <span>{t('claims.kindParaphrase')}</span>
          </label>
        </fieldset>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">{t('claims.focalCase')}</span>
            <select className="native-select" value={focalCaseId} onChange={(e) => setFocalCaseId(e.target.value)}>
              {live.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="field">
            <legend className="field-label">{t('claims.comparatorCases')}</legend>
            <div className="rec-inline-checks">
              {live
                .filter((c) => c.id !== focalCaseId)
                .map((c) => (
                  <label key={c.id} className="rec-check">
                    <input
                      type="checkbox"
                      checked={comparators.includes(c.id)}
                      onChange={() => setComparators((ids) => (ids.includes(c.id) ? ids.filter((x) => x !== c.id) : [...ids, c.id]))}
                    />
                    <span>{c.name}</span>
                  </label>
                ))}
            </div>
          </fieldset>
          <label className="field">
            <span className="field-label">{t('claims.comparatorNote')}</span>
            <input className="text-input" value={comparatorNote} onChange={(e) => setComparatorNote(e.target.value)} placeholder={t('claims.comparatorNotePlaceholder')} />
          </label>
        </div>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">{t('claims.norm')}</span>
            <select
              className="native-select"
              value={normId}
              onChange={(e) => {
                setNormId(e.target.value);
                setStageId('');
              }}
            >
              <option value="">{t('record.none')}</option>
              {norms.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.shortLabel || n.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('claims.stage')}</span>
            <select className="native-select" value={stageId} onChange={(e) => setStageId(e.target.value)} disabled={!normId}>
              <option value="">{t('record.none')}</option>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.position} {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('observation.dimension')}</span>
            <select className="native-select" value={dimensionId} onChange={(e) => setDimensionId(e.target.value)}>
              <option value="">{t('record.none')}</option>
              {(index?.dimensions ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={claimant.trim() === '' || statement.trim() === '' || !dateValid || create.pending}>
            {t('claims.addClaim')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Ticks the missions whose verdicts the claim compares, election by election, for its focal and comparator cases. */
export function CompareVerdictsDialog({ claim, onClose }: { claim: ClaimDto; onClose: () => void }) {
  const t = useT();
  const date = useFormatDate();
  const { index } = useObservationIndex();
  const { live, byId } = useCases();
  const save = useRecordEdit('claims.save');
  const [chosen, setChosen] = useState<string[]>(claim.missionIds);
  const [everyCase, setEveryCase] = useState(false);
  // A case with no observed election yet: record one here, then add its missions on the Observation page.
  const [addingFor, setAddingFor] = useState<string | null>(null);
  const store = useRecordStore();
  const [, setUi] = useRecordUi();
  const claimCases = [claim.focalCaseId, ...claim.comparatorCaseIds].filter((id): id is string => id !== null);
  const caseIds = everyCase || claimCases.length === 0 ? live.map((c) => c.id) : claimCases;

  const columns = useMemo(
    () =>
      caseIds.map((caseId) => ({
        caseId,
        elections: (index?.elections ?? [])
          .filter((e) => e.caseId === caseId && e.missions.length > 0)
          .sort((a, b) => (dateToYear(a.date) ?? 0) - (dateToYear(b.date) ?? 0)),
      })),
    [caseIds, index],
  );

  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save.run({ id: claim.id, claimant: claim.claimant, statement: claim.statement, missionIds: chosen });
    if (done) onClose();
  };

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('claims.compareVerdicts')}
      description={t('claims.compareVerdictsHelp')}
      wide
      testId="compare-verdicts-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="rec-check">
          <input type="checkbox" checked={everyCase} onChange={() => setEveryCase((v) => !v)} />
          <span>{t('claims.everyCase')}</span>
        </label>
        <div className="rec-compare-choices">
          {columns.map(({ caseId, elections }) => (
            <fieldset key={caseId} className="rec-compare-choice-col">
              <legend className="rec-col-title">{byId.get(caseId)?.name ?? t('observation.caseFallback')}</legend>
              {elections.length === 0 ? (
                <div className="rec-empty-column">
                  <p className="muted small">{t('claims.noElection')}</p>
                  <button type="button" className="button button-small" onClick={() => setAddingFor(caseId)}>
                    {t('claims.recordElection')}
                  </button>
                </div>
              ) : null}
              {elections.map((e) => (
                <div key={e.id} className="rec-choice-election">
                  <p className="rec-choice-election-title">
                    <span className="numeric">{date(e.date)}</span> {t(electionTypeId(e.type))}
                  </p>
                  {e.missions.map((m) => (
                    <label key={m.id} className="rec-check rec-check-mission">
                      <input type="checkbox" checked={chosen.includes(m.id)} onChange={() => toggle(m.id)} />
                      <span>
                        <strong>{m.organisation}</strong> <span className="muted">{t(missionTypeId(m.missionType))}</span>
                        {m.verdict || m.reason ? <span className="rec-sub muted">{firstSentence(m.verdict || m.reason, 110)}</span> : null}
                      </span>
                    </label>
                  ))}
                </div>
              ))}
            </fieldset>
          ))}
        </div>
        {save.error ? <InlineAlert message={save.error.message} /> : null}
        {addingFor ? (
          <AddElectionDialog
            cases={[...live.filter((c) => c.id === addingFor), ...live.filter((c) => c.id !== addingFor)]}
            onClose={() => setAddingFor(null)}
            onCreated={(electionId) => {
              // The missions and their verdicts are recorded with the election, on the Observation page.
              setUi({ electionId });
              store.navigate({ kind: 'page', page: 'observation' });
              onClose();
            }}
          />
        ) : null}
        <div className="dialog-actions">
          <span className="muted small rec-grow">{t('claims.chosenCount', { count: chosen.length })}</span>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={save.pending}>
            {t('claims.saveComparison')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
