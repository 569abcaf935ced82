/**
 * The double-standards claims register: every claim that an observer judged a comparator more leniently, with its
 * assessment and verification, filterable; the selected claim opens as its comparison card below the register.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ClaimAssessment, Verification } from '../../../electron/contract/api';
import { CLAIM_ASSESSMENTS, VERIFICATION_STATUSES } from '../../../electron/contract/api';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { ClaimCard } from './ClaimCard';
import { ClaimStatement, versus } from './ClaimText';
import { NewClaimDialog } from './ClaimDialogs';
import { CsvActions } from './CsvDialog';
import { ASSESSMENT_LABELS, formatDate, VERIFICATION_LABELS } from './labels';
import { useObservationIndex } from './lookups';
import { AssessmentTag, RecordPageHeader, useCases, VerificationTag } from './RecordBits';
import { useRecord, useRecordUi } from './record-store';

type Filter<T extends string> = T | 'all';

export function ClaimsView() {
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

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-claim-id]');
    if (!row) return;
    const rows = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('tr[data-claim-id]'));
    const at = rows.indexOf(row);
    let next = at;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, rows.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = rows.length - 1;
    else if (event.key === 'Enter') {
      event.preventDefault();
      select(row.dataset.claimId!);
      // Enter opens the card: the focus goes to its assessment, the researcher's test of the claim.
      requestAnimationFrame(() => cardRef.current?.querySelector<HTMLElement>('select')?.focus());
      return;
    } else return;
    event.preventDefault();
    const target = rows[next];
    if (!target) return;
    target.focus();
    select(target.dataset.claimId!);
  };

  const tabStop = shown.some((c) => c.id === ui.claimId) ? ui.claimId : (shown[0]?.id ?? null);

  return (
    <section className="rec-view rec-claims" aria-labelledby="claims-title" data-testid="claims-view">
      <RecordPageHeader
        id="claims-title"
        title="Double-standards claims"
        lede="Claims that the observers judged a comparator more leniently, tested against the verdicts they compare."
        actions={
          <>
            <button type="button" className="button button-small" onClick={() => setCreating(true)}>
              <PlusIcon /> New claim…
            </button>
            <CsvActions kind="claims" />
          </>
        }
      />

      <div className="rec-filters" role="search" aria-label="Filter claims">
        <input className="text-input rec-search" type="search" placeholder="Filter by claimant or words…" aria-label="Filter claims by text" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="toolbar-field">
          <span className="toolbar-label">Assessment</span>
          <select className="native-select" value={assessment} onChange={(e) => setAssessment(e.target.value as Filter<ClaimAssessment>)}>
            <option value="all">all</option>
            {CLAIM_ASSESSMENTS.map((a) => (
              <option key={a} value={a}>
                {ASSESSMENT_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">Verification</span>
          <select className="native-select" value={verification} onChange={(e) => setVerification(e.target.value as Filter<Verification>)}>
            <option value="all">all</option>
            {VERIFICATION_STATUSES.map((v) => (
              <option key={v} value={v}>
                {VERIFICATION_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">Case</span>
          <select className="native-select" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            <option value="all">all</option>
            {live.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <span className="rec-count muted" role="status">
          {shown.length === all.length ? `${all.length} claim${all.length === 1 ? '' : 's'}` : `${shown.length} of ${all.length} claim${all.length === 1 ? '' : 's'}`}
        </span>
      </div>

      {claims.error ? <InlineAlert message={claims.error.message} actionLabel="Try again" onAction={claims.reload} /> : null}

      <div className={`rec-register-scroll${selected ? ' has-card' : ''}`} data-testid="claims-register-scroll">
        <table className="rec-table rec-register" aria-label="Claims register" data-testid="claims-register">
          <colgroup>
            <col style={{ width: '15%' }} />
            <col style={{ width: 76 }} />
            <col />
            <col style={{ width: '13%' }} />
            <col style={{ width: '12%' }} />
            <col style={{ width: 108 }} />
            <col style={{ width: 140 }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Claimant</th>
              <th scope="col">Date</th>
              <th scope="col">Claim</th>
              <th scope="col">Focal vs comparator</th>
              <th scope="col">Dimension</th>
              <th scope="col">Assessment</th>
              <th scope="col">Verification</th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {claims.data === undefined ? (
              <tr>
                <td colSpan={7} className="muted">
                  Loading the claims…
                </td>
              </tr>
            ) : shown.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  {all.length === 0 ? 'No claims yet — add one (New claim…) or import a CSV.' : 'No claim matches these filters.'}
                </td>
              </tr>
            ) : (
              shown.map((c) => (
                <tr
                  key={c.id}
                  data-claim-id={c.id}
                  tabIndex={c.id === tabStop ? 0 : -1}
                  aria-selected={c.id === ui.claimId}
                  className={c.id === ui.claimId ? 'is-selected' : undefined}
                  onClick={() => select(c.id)}
                >
                  <td>
                    <span className="rec-claimant">{c.claimant}</span>
                    {c.claimantRole ? <span className="rec-sub muted">{c.claimantRole}</span> : null}
                  </td>
                  <td className="numeric">{c.date ? formatDate(c.date) : <span className="muted">undated</span>}</td>
                  <td>
                    <ClaimStatement claim={c} clamp />
                  </td>
                  <td>
                    <span className="rec-clamp">{versus(c, byId)}</span>
                  </td>
                  <td>
                    {c.dimensionId && index?.dimensionById.get(c.dimensionId) ? (
                      index.dimensionById.get(c.dimensionId)!.label
                    ) : c.dimensionNote ? (
                      <span className="muted rec-clamp">{c.dimensionNote}</span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    <AssessmentTag value={c.assessment} />
                  </td>
                  <td>
                    <VerificationTag value={c.verification} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <div className="rec-card-scroll" ref={cardRef}>
        {selected ? (
          <ClaimCard key={selected.id} claim={selected} />
        ) : (
          <p className="muted rec-hint">Select a claim (click, or arrows and Enter) to compare the verdicts it is about.</p>
        )}
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
