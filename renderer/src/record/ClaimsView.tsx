/**
 * The double-standards claims register: every claim that an observer judged a comparator more leniently, with its
 * assessment and verification, filterable; the selected claim opens as its comparison card below the register.
 */
import { useMemo, useRef, useState } from 'react';
import type { ClaimAssessment, Verification } from '../../../electron/contract/api';
import { CLAIM_ASSESSMENTS, VERIFICATION_STATUSES } from '../../../electron/contract/api';
import { useT } from '../i18n/use-t';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { ClaimCard } from './ClaimCard';
import { ClaimsRegister, useColumnWidths } from './ClaimsRegister';
import { NewClaimDialog } from './ClaimDialogs';
import { CsvActions } from './CsvDialog';
import { assessmentId, verificationId } from './labels';
import { useObservationIndex } from './lookups';
import { RecordPageHeader, useCases } from './RecordBits';
import { useProject } from '../workbench-context';
import { useRecord, useRecordUi } from './record-store';

type Filter<T extends string> = T | 'all';

export function ClaimsView() {
  const t = useT();
  const columns = useColumnWidths(useProject().overview?.project.path);
  const claims = useRecord('claims');
  const { index } = useObservationIndex();
  const { live, byId } = useCases();
  const [ui, setUi] = useRecordUi();
  const [query, setQuery] = useState('');
  const [assessment, setAssessment] = useState<Filter<ClaimAssessment>>('all');
  const [verification, setVerification] = useState<Filter<Verification>>('all');
  const [caseId, setCaseId] = useState<string>('all');
  const [creating, setCreating] = useState(false);
  const cardRef = useRef<HTMLDivElement>(null);

  const all = useMemo(() => claims.data ?? [], [claims.data]);
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return all.filter(
      (c) =>
        (assessment === 'all' || c.assessment === assessment) &&
        (verification === 'all' || c.verification === verification) &&
        (caseId === 'all' || c.focalCaseId === caseId || c.comparatorCaseIds.includes(caseId)) &&
        (q === '' || `${c.claimant} ${c.claimantRole} ${c.statement} ${c.comparatorNote} ${c.dimensionNote}`.toLocaleLowerCase().includes(q)),
    );
  }, [all, query, assessment, verification, caseId]);
  const selected = all.find((c) => c.id === ui.claimId);

  const select = (id: string) => setUi({ claimId: id });

  const open = (id: string) => {
    select(id);
    // Enter opens the card: the focus goes to its assessment, the researcher's test of the claim.
    requestAnimationFrame(() => cardRef.current?.querySelector<HTMLElement>('select')?.focus());
  };


  return (
    <section className="rec-view rec-claims" aria-labelledby="claims-title" data-testid="claims-view">
      <RecordPageHeader
        id="claims-title"
        title={t('register.title')}
        lede={t('register.lede')}
        actions={
          <>
            <button type="button" className="button button-small" onClick={() => setCreating(true)}>
              <PlusIcon /> {t('register.newClaim')}
            </button>
            <CsvActions kind="claims" />
          </>
        }
      />

      <div className="rec-filters" role="search" aria-label={t('register.filters')}>
        <input
          className="text-input rec-search"
          type="search"
          placeholder={t('register.filterPlaceholder')}
          aria-label={t('register.filterText')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="toolbar-field">
          <span className="toolbar-label">{t('register.assessment')}</span>
          <select className="native-select" value={assessment} onChange={(e) => setAssessment(e.target.value as Filter<ClaimAssessment>)}>
            <option value="all">{t('register.all')}</option>
            {CLAIM_ASSESSMENTS.map((a) => (
              <option key={a} value={a}>
                {t(assessmentId(a))}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('register.verification')}</span>
          <select className="native-select" value={verification} onChange={(e) => setVerification(e.target.value as Filter<Verification>)}>
            <option value="all">{t('register.all')}</option>
            {VERIFICATION_STATUSES.map((v) => (
              <option key={v} value={v}>
                {t(verificationId(v))}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('register.case')}</span>
          <select className="native-select" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            <option value="all">{t('register.all')}</option>
            {live.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <span className="rec-count muted" role="status">
          {shown.length === all.length ? t('register.count', { count: all.length }) : t('register.countOf', { shown: shown.length, count: all.length })}
        </span>
        {columns.changed ? (
          <button type="button" className="button button-small" onClick={columns.reset}>
            {t('register.resetWidths')}
          </button>
        ) : null}
      </div>

      {claims.error ? <InlineAlert message={claims.error.message} actionLabel={t('register.tryAgain')} onAction={claims.reload} /> : null}

      <ClaimsRegister
        claims={shown}
        loaded={claims.data !== undefined}
        empty={all.length === 0 ? t('register.empty') : t('register.noMatch')}
        selectedId={ui.claimId}
        onSelect={select}
        onOpen={open}
        byId={byId}
        index={index}
        columns={columns}
        hasCard={selected !== undefined}
      />

      <div className="rec-card-scroll" ref={cardRef}>
        {selected ? <ClaimCard key={selected.id} claim={selected} /> : <p className="muted rec-hint">{t('register.selectHint')}</p>}
      </div>

      {creating ? (
        <NewClaimDialog
          onClose={() => setCreating(false)}
          onCreated={(claim) => {
            setCreating(false);
            select(claim.id);
          }}
        />
      ) : null}
    </section>
  );
}
