/**
 * The CLAIMS (n) section of a matrix cell's details: the double-standards claims made about the cell's case at its
 * norm and stage, each with the researcher's assessment and its verification; one opens its comparison card.
 */
import { useState } from 'react';
import { PlusIcon } from '../ui/icons';
import { NewClaimDialog } from './ClaimDialogs';
import { ClaimStatement } from './ClaimText';
import { claimsOfCell } from './lookups';
import { AssessmentTag, VerificationTag } from './RecordBits';
import { useRecord, useRecordStore } from './record-store';
import { useT } from '../i18n/use-t';

interface CellClaimsProps {
  normId: string;
  caseId: string;
  stageId: string;
}

export function CellClaims({ normId, caseId, stageId }: CellClaimsProps) {
  const t = useT();
  const claims = useRecord('claims');
  const record = useRecordStore();
  const [creating, setCreating] = useState(false);
  const list = claimsOfCell(claims.data ?? [], normId, caseId, stageId);

  const open = (claimId: string) => {
    record.setUi({ claimId });
    record.navigate({ kind: 'page', page: 'claims' });
  };

  return (
    <section className="details-section rec-cell-claims" aria-labelledby="cell-claims-title" data-testid="cell-claims">
      <div className="section-head">
        <h3 id="cell-claims-title" className="section-heading">
          {claims.data ? t('claims.cellTitle', { count: list.length }) : t('claims.cellTitleLoading')}
        </h3>
        <button type="button" className="button button-small button-icon" aria-label={t('claims.newForCell')} title={t('claims.newForCell')} onClick={() => setCreating(true)}>
          <PlusIcon />
        </button>
      </div>
      {claims.error ? <p className="field-error">{claims.error.message}</p> : null}
      {claims.data && list.length === 0 ? <p className="muted small">{t('claims.noneInCell')}</p> : null}
      <ul className="rec-cell-claim-list">
        {list.map((c) => (
          <li key={c.id} data-claim-id={c.id}>
            <button type="button" className="rec-cell-claim" onClick={() => open(c.id)} title={t('claims.openCard')}>
              <span className="rec-cell-claim-text">
                <ClaimStatement claim={c} clamp />
              </span>
              <span className="rec-cell-claim-meta">
                <span className="muted">{c.claimant}</span>
                <AssessmentTag value={c.assessment} />
                <VerificationTag value={c.verification} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      {creating ? (
        <NewClaimDialog
          initial={{ normId, stageId, focalCaseId: caseId }}
          onClose={() => setCreating(false)}
          onCreated={(claim) => {
            setCreating(false);
            open(claim.id);
          }}
        />
      ) : null}
    </section>
  );
}
