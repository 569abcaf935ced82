/**
 * The comparison card of one claim: the claim with its excerpt and source, the compared verdicts of the focal case
 * and of the comparator side by side, then the researcher's test of it (assessment and reasoning) and whether the
 * claim was made as recorded (verification). Every field saves itself and every save is one undoable step.
 */
import { useMemo, useState } from 'react';
import type { ClaimDto, ProjectOverview } from '../../../electron/contract/api';
import { CLAIM_ASSESSMENTS } from '../../../electron/contract/api';
import { AutoTextArea } from '../ui/fields';
import { frameworkOf } from '../matrix/matrix-model';
import { useProject } from '../workbench-context';
import { CompareVerdictsDialog } from './ClaimDialogs';
import { ClaimStatement } from './ClaimText';
import { useClaimSave } from './claim-save';
import { useOpenExcerpt } from './evidence-link';
import { useT } from '../i18n/use-t';
import { assessmentId, dateToYear, useFormatDate } from './labels';
import { sourceLine, useCitations, useObservationIndex, type MissionRef } from './lookups';
import { MissionVerdict } from './MissionVerdict';
import { AssessmentTag, AutoSelect, useCases, verificationOptions, VerificationTag } from './RecordBits';
import { useRecordStore } from './record-store';
import { DASH, DOT, parenthesised, SPACE } from './typography';

/** Where a claim sits in the matrix (norm, stage, focal case), in words; null when it is not placed. */
export function claimPlace(claim: ClaimDto, overview: ProjectOverview | undefined): { norm: string; stage: string; kase: string } | null {
  if (!overview || !claim.normId || !claim.stageId || !claim.focalCaseId) return null;
  const norm = overview.norms.find((n) => n.id === claim.normId);
  const stage = frameworkOf(norm, overview.frameworks)?.stages.find((s) => s.id === claim.stageId);
  const kase = overview.cases.find((c) => c.id === claim.focalCaseId);
  if (!norm || !stage || !kase) return null;
  return { norm: norm.label, stage: stage.label, kase: kase.name };
}

function byDate(a: MissionRef, b: MissionRef): number {
  return (dateToYear(a.election.date) ?? 0) - (dateToYear(b.election.date) ?? 0) || a.mission.organisation.localeCompare(b.mission.organisation);
}

export function ClaimCard({ claim }: { claim: ClaimDto }) {
  const t = useT();
  const date = useFormatDate();
  const { overview } = useProject();
  const { index } = useObservationIndex();
  const { excerptById, sourceById, participantName } = useCitations();
  const { byId } = useCases();
  const record = useRecordStore();
  const save = useClaimSave(claim.id);
  const [comparing, setComparing] = useState(false);
  const openExcerpt = useOpenExcerpt();

  const excerpt = claim.excerptId ? excerptById.get(claim.excerptId) : undefined;
  const source = excerpt ? sourceById.get(excerpt.sourceId) : undefined;
  const place = claimPlace(claim, overview);
  const dimension = claim.dimensionId ? index?.dimensionById.get(claim.dimensionId) : undefined;
  const where = t('claims.where', { claimant: claim.claimant });

  const { focal, comparators, others } = useMemo(() => {
    const refs = claim.missionIds.map((id) => index?.missionById.get(id)).filter((r): r is MissionRef => r !== undefined);
    return {
      focal: refs.filter((r) => r.election.caseId === claim.focalCaseId).sort(byDate),
      comparators: claim.comparatorCaseIds.map((caseId) => ({ caseId, refs: refs.filter((r) => r.election.caseId === caseId).sort(byDate) })),
      others: refs.filter((r) => r.election.caseId !== claim.focalCaseId && !claim.comparatorCaseIds.includes(r.election.caseId)).sort(byDate),
    };
  }, [claim, index]);

  const focalCase = claim.focalCaseId ? byId.get(claim.focalCaseId) : undefined;

  return (
    <article className="rec-card" aria-labelledby="claim-card-title" data-testid="claim-card">
      <header className="rec-card-head">
        <p className="eyebrow">{t('claims.cardEyebrow')}</p>
        <h3 id="claim-card-title" className="rec-card-title">
          {claim.claimant}
          <span className="rec-card-meta muted">
            {[claim.claimantRole, claim.date ? date(claim.date) : t('claims.undated'), claim.target ? t('claims.about', { target: claim.target }) : ''].filter(Boolean).join(' · ')}
          </span>
        </h3>
        <p className="rec-statement">
          <ClaimStatement claim={claim} />
        </p>
        {excerpt ? (
          <p className="rec-cite" data-testid="claim-excerpt">
            {excerpt.text.trim() !== claim.statement.trim() ? (
              <>
                <span className="rec-kind">{excerpt.textKind === 'quote' ? t('claims.excerpt') : t('claims.excerptParaphrase')}</span>{' '}
                {excerpt.textKind === 'quote' ? t('record.quoted', { text: excerpt.text }) : excerpt.text}{' '}
              </>
            ) : null}
            <span className="muted">
              {t('claims.citeSource', { source: source ? sourceLine(source) : t('claims.unknownSource') })}
              {excerpt.locator ? t('claims.citeLocator', { locator: excerpt.locator }) : ''}
              {excerpt.speaker ? t('claims.citeSpeaker', { speaker: excerpt.speaker }) : ''}
              {excerpt.participantId ? t('claims.citeInterviewee', { name: participantName.get(excerpt.participantId) ?? '' }).trimEnd() : ''}
            </span>
            {SPACE}
            <button type="button" className="rec-link" onClick={() => openExcerpt(excerpt.id)}>
              {t('claims.openInSource')}
            </button>
          </p>
        ) : (
          <p className="rec-cite muted">{t('claims.noExcerpt')}</p>
        )}
        <p className="rec-card-place">
          {place ? (
            <>
              <span className="muted">{t('claims.inMatrixColon')}</span> {[place.norm, place.stage, place.kase].join(DOT)}
              {SPACE}
              <button
                type="button"
                className="button button-small"
                onClick={() => record.navigate({ kind: 'cell', normId: claim.normId!, stageId: claim.stageId!, caseId: claim.focalCaseId! })}
              >
                {t('claims.showInMatrix')}
              </button>
            </>
          ) : (
            <span className="muted">{t('claims.notPlaced')}</span>
          )}
          <span className="rec-dot" aria-hidden="true">
            {DOT}
          </span>
          <span className="muted">{t('claims.dimensionColon')}</span> {dimension ? dimension.label : null}
          {claim.dimensionNote ? (
            <span className="muted">{dimension ? SPACE + parenthesised(claim.dimensionNote) : claim.dimensionNote}</span>
          ) : dimension ? null : (
            <span className="muted">{DASH}</span>
          )}
        </p>
      </header>

      <section className="rec-compare" aria-label={t('claims.verdictsCompared')} data-testid="verdicts-compared">
        <div className="rec-compare-col" data-side="focal" data-testid="focal-verdicts" aria-labelledby="focal-verdicts-title">
          <h4 id="focal-verdicts-title" className="rec-col-title">
            {focalCase?.name ?? t('claims.focalCase')} <span className="rec-role">{t('claims.roleFocal')}</span>
            <span className="muted">
              {DOT}
              {t('record.verdictsCount', { count: focal.length })}
            </span>
          </h4>
          {focal.length === 0 ? <p className="muted rec-sub">{t('claims.noFocalVerdict')}</p> : null}
          {focal.map((r) => (
            <MissionVerdict key={r.mission.id} mission={r.mission} election={r.election} dimensionById={index?.dimensionById ?? new Map()} />
          ))}
        </div>
        {comparators.length > 0 ? (
          comparators.map(({ caseId, refs }) => (
            <div key={caseId} className="rec-compare-col" data-side="comparator" data-testid="comparator-verdicts" aria-label={t('claims.comparatorVerdicts', { kase: byId.get(caseId)?.name ?? t('claims.comparator') })}>
              <h4 className="rec-col-title">
                {byId.get(caseId)?.name ?? t('claims.comparator')} <span className="rec-role">{t('claims.roleComparator')}</span>
                <span className="muted">
                  {DOT}
                  {t('record.verdictsCount', { count: refs.length })}
                </span>
              </h4>
              {refs.length === 0 ? <p className="muted rec-sub">{t('claims.noCaseVerdict')}</p> : null}
              {refs.map((r) => (
                <MissionVerdict key={r.mission.id} mission={r.mission} election={r.election} dimensionById={index?.dimensionById ?? new Map()} />
              ))}
            </div>
          ))
        ) : (
          <div className="rec-compare-col" data-side="comparator" data-testid="comparator-verdicts">
            <h4 className="rec-col-title">
              {claim.comparatorNote || t('claims.noComparatorNamed')} <span className="rec-role">{t('claims.roleComparator')}</span>
            </h4>
            <p className="muted rec-sub">
              {claim.comparatorNote ? t('claims.comparatorOutside') : t('claims.noComparatorCase')}
            </p>
          </div>
        )}
      </section>
      {others.length > 0 ? (
        <section className="rec-compare-others" aria-label={t('claims.otherVerdicts')}>
          <h4 className="rec-col-title">{t('claims.otherVerdicts')}</h4>
          {others.map((r) => (
            <MissionVerdict key={r.mission.id} mission={r.mission} election={r.election} dimensionById={index?.dimensionById ?? new Map()} />
          ))}
        </section>
      ) : null}
      <p className="rec-card-actions">
        <button type="button" className="button button-small" onClick={() => setComparing(true)}>
          {t('claims.compareMore')}
        </button>
        <span className="muted small">{t('claims.verdictsComparedCount', { count: claim.missionIds.length })}</span>
      </p>

      <section className="rec-judgement" aria-label={t('claims.researcherTest')}>
        <div className="rec-judgement-col">
          <div className="rec-judgement-head">
            <AutoSelect
              label={t('claims.assessment')}
              saveKey={`claim:${claim.id}:assessment`}
              where={where}
              value={claim.assessment}
              options={CLAIM_ASSESSMENTS.map((a) => ({ value: a, label: t(assessmentId(a)) }))}
              send={(assessment) => save({ assessment })}
            />
            <AssessmentTag value={claim.assessment} />
          </div>
          <AutoTextArea
            label={t('claims.reasoning')}
            saveKey={`claim:${claim.id}:reasoning`}
            where={where}
            value={claim.reasoning}
            send={(reasoning) => save({ reasoning })}
            rows={4}
            placeholder={t('claims.reasoningPlaceholder')}
          />
        </div>
        <div className="rec-judgement-col">
          <div className="rec-judgement-head">
            <AutoSelect
              label={t('observation.verification')}
              saveKey={`claim:${claim.id}:verification`}
              where={where}
              value={claim.verification}
              options={verificationOptions(t)}
              send={(verification) => save({ verification })}
            />
            <VerificationTag value={claim.verification} />
          </div>
          <AutoTextArea
            label={t('observation.verificationNote')}
            saveKey={`claim:${claim.id}:verificationNote`}
            where={where}
            value={claim.verificationNote}
            send={(verificationNote) => save({ verificationNote })}
            rows={4}
            placeholder={t('claims.verificationPlaceholder')}
          />
        </div>
      </section>

      {comparing ? <CompareVerdictsDialog claim={claim} onClose={() => setComparing(false)} /> : null}
    </article>
  );
}
