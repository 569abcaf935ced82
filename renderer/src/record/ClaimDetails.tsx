/** The right pane on the claims page: who made the claim, where, about whom and what, and where it sits in the matrix. */
import { useState } from 'react';
import type { ClaimDto, TextKind } from '../../../electron/contract/api';
import { AutoTextArea, AutoTextField, useAutoSave } from '../ui/fields';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { frameworkOf, orderStages } from '../matrix/matrix-model';
import { Modal } from '../ui/Modal';
import { ClaimHistory } from '../safety/CellHistory';
import { useProject } from '../workbench-context';
import { useClaimSave } from './claim-save';
import { firstSentence } from './labels';
import { sourceLine, useCitations, useObservationIndex } from './lookups';
import { AutoSelect, mustFill, useCases } from './RecordBits';
import { useRecordEdit, useRecordUi } from './record-store';
import { enteredDateProblem } from '../../../electron/contract/dates';

const validDate = (value: string) => enteredDateProblem(value);

export function ClaimDetails({ claim }: { claim: ClaimDto }) {
  const t = useT();
  const { overview } = useProject();
  const { live, byId } = useCases();
  const { index } = useObservationIndex();
  const { excerptById, sourceById } = useCitations();
  const [, setUi] = useRecordUi();
  const save = useClaimSave(claim.id);
  const remove = useRecordEdit('claims.remove');
  const [confirming, setConfirming] = useState(false);
  const where = t('claims.where', { claimant: claim.claimant });
  const key = (field: string) => `claim:${claim.id}:${field}`;

  const norms = (overview?.norms ?? []).filter((n) => !n.archived || n.id === claim.normId);
  const frameworks = overview?.frameworks ?? [];
  const norm = norms.find((n) => n.id === claim.normId);
  const stages = orderStages(frameworkOf(norm, frameworks)?.stages ?? []);

  const comparators = useAutoSave<string[]>({
    saveKey: key('comparators'),
    where,
    value: claim.comparatorCaseIds,
    send: (comparatorCaseIds) => save({ comparatorCaseIds }),
  });

  const excerpts = [...excerptById.values()];
  const excerptLabel = (id: string) => {
    const x = excerptById.get(id);
    if (!x) return t('claims.unknownExcerpt');
    const src = sourceById.get(x.sourceId);
    return `${src ? `${src.authors || src.title}${src.year ? ` ${src.year}` : ''}: ` : ''}${firstSentence(x.text, 70)}`;
  };

  return (
    <section className="details rec-details" aria-labelledby="claim-details-title" data-testid="claim-details">
      <p className="eyebrow">{t('record.utype.claim')}</p>
      <h2 id="claim-details-title" className="details-title">
        {claim.claimant}
      </h2>
      <p className="details-norm muted">{t('claims.detailsLede')}</p>

      <div className="form-stack">
        <AutoTextField label={t('claims.claimant')} saveKey={key('claimant')} where={where} value={claim.claimant} validate={mustFill(t('claims.claimantEmpty'))} send={(claimant) => save({ claimant })} />
        <AutoTextField label={t('claims.claimantRole')} saveKey={key('claimantRole')} where={where} value={claim.claimantRole} send={(claimantRole) => save({ claimantRole })} />
        <div className="inline-fields">
          <AutoSelect
            label={t('claims.claimantCountry')}
            saveKey={key('claimantCaseId')}
            where={where}
            value={claim.claimantCaseId ?? ''}
            options={[{ value: '', label: t('claims.notACase') }, ...live.map((c) => ({ value: c.id, label: c.name }))]}
            send={(id) => save({ claimantCaseId: id || null })}
          />
          <AutoTextField
            label={t('claims.date')}
            className="field-short"
            saveKey={key('date')}
            where={where}
            value={claim.date ?? ''}
            validate={validDate}
            placeholder={t('claims.yearPlaceholder')}
            send={(date) => save({ date: date.trim() === '' ? null : date.trim() })}
          />
        </div>
        <AutoTextArea label={t('claims.statement')} saveKey={key('statement')} where={where} value={claim.statement} validate={mustFill(t('claims.statementEmpty'))} send={(statement) => save({ statement })} rows={3} />
        <AutoSelect<TextKind>
          label={t('claims.statementIs')}
          saveKey={key('statementKind')}
          where={where}
          value={claim.statementKind}
          options={[
            { value: 'quote', label: t('claims.kindQuote') },
            { value: 'paraphrase', label: t('claims.kindParaphrase') },
          ]}
          send={(statementKind) => save({ statementKind })}
        />
        <AutoSelect
          label={t('claims.excerptCitation')}
          saveKey={key('excerptId')}
          where={where}
          value={claim.excerptId ?? ''}
          options={[{ value: '', label: t('record.none') }, ...excerpts.map((x) => ({ value: x.id, label: excerptLabel(x.id) }))]}
          send={(id) => save({ excerptId: id || null })}
        />
        {claim.excerptId && excerptById.get(claim.excerptId) ? (
          <p className="field-hint">{sourceLine(sourceById.get(excerptById.get(claim.excerptId)!.sourceId))}</p>
        ) : null}
        <AutoTextField label={t('claims.target')} saveKey={key('target')} where={where} value={claim.target} send={(target) => save({ target })} />
      </div>

      <h3 className="section-heading rec-details-heading">{t('claims.comparison')}</h3>
      <div className="form-stack">
        <AutoSelect
          label={t('claims.focalCase')}
          saveKey={key('focalCaseId')}
          where={where}
          value={claim.focalCaseId ?? ''}
          options={[{ value: '', label: t('record.none') }, ...live.map((c) => ({ value: c.id, label: c.name }))]}
          send={(id) => save({ focalCaseId: id || null })}
        />
        <fieldset className="field">
          <legend className="field-label">{t('claims.comparatorCases')}</legend>
          <div className="rec-inline-checks">
            {live
              .filter((c) => c.id !== claim.focalCaseId)
              .map((c) => {
                const on = comparators.shown.includes(c.id);
                return (
                  <label key={c.id} className="rec-check">
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={() => comparators.set(on ? comparators.shown.filter((x) => x !== c.id) : [...comparators.shown, c.id], { immediate: true })}
                    />
                    <span>{c.name}</span>
                  </label>
                );
              })}
            {claim.comparatorCaseIds
              .filter((id) => !live.some((c) => c.id === id))
              .map((id) => (
                <span key={id} className="muted">
                  {byId.get(id)?.name ?? t('claims.archivedCase')}
                </span>
              ))}
          </div>
        </fieldset>
        <AutoTextField
          label={t('claims.comparatorNote')}
          saveKey={key('comparatorNote')}
          where={where}
          value={claim.comparatorNote}
          placeholder={t('claims.comparatorNotePlaceholder')}
          send={(comparatorNote) => save({ comparatorNote })}
        />
        <AutoSelect
          label={t('observation.dimension')}
          saveKey={key('dimensionId')}
          where={where}
          value={claim.dimensionId ?? ''}
          options={[{ value: '', label: t('record.none') }, ...(index?.dimensions ?? []).map((d) => ({ value: d.id, label: d.label }))]}
          send={(id) => save({ dimensionId: id || null })}
        />
        <AutoTextField label={t('claims.dimensionNote')} saveKey={key('dimensionNote')} where={where} value={claim.dimensionNote} send={(dimensionNote) => save({ dimensionNote })} />
      </div>

      <h3 className="section-heading rec-details-heading">{t('claims.inMatrix')}</h3>
      <div className="form-stack">
        <AutoSelect
          label={t('claims.norm')}
          saveKey={key('normId')}
          where={where}
          value={claim.normId ?? ''}
          options={[{ value: '', label: t('record.none') }, ...norms.map((n) => ({ value: n.id, label: n.shortLabel || n.label }))]}
          send={(normId) => {
            // A stage belongs to a framework: it stays only if the new norm uses the same one.
            const next = norms.find((n) => n.id === normId);
            const keepsStage = !!next && !!frameworkOf(next, frameworks)?.stages.some((s) => s.id === claim.stageId);
            return save({ normId: normId || null, stageId: keepsStage ? claim.stageId : null });
          }}
        />
        <AutoSelect
          label={t('claims.stage')}
          saveKey={key('stageId')}
          where={where}
          value={claim.stageId ?? ''}
          options={[{ value: '', label: t('record.none') }, ...stages.map((s) => ({ value: s.id, label: `${s.position} ${s.label}` }))]}
          send={(id) => save({ stageId: id || null })}
        />
        <p className="field-hint">{t('claims.cellHint')}</p>
      </div>

      <ClaimHistory claim={claim} />

      <div className="rec-danger-zone">
        <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
          {t('claims.deleteMenu')}
        </button>
      </div>
      {remove.error ? <InlineAlert message={remove.error.message} /> : null}
      {confirming ? (
        <Modal open onOpenChange={(open) => (open ? undefined : setConfirming(false))} title={t('claims.deleteTitle')} description={t('claims.deleteHelp', { statement: firstSentence(claim.statement, 120), claimant: claim.claimant })}>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={remove.pending}
              onClick={() =>
                void remove.run({ id: claim.id }).then((done) => {
                  setConfirming(false);
                  if (done !== undefined) setUi({ claimId: null });
                })
              }
            >
              {t('claims.delete')}
            </button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}
