/**
 * How the record pages plug into the workbench: their sidebar items, the centre view and the right pane of each,
 * and the navigation hook that lets a record view (or a cell's CLAIMS section) switch the workbench's page or open
 * a matrix cell.
 */
import { useEffect, type Dispatch, type SetStateAction } from 'react';
import type { Selection } from '../matrix/selection';
import type { MatrixSettings } from '../matrix/view-state';
import { ClaimDetails } from './ClaimDetails';
import { ClaimsView } from './ClaimsView';
import { ContextBand } from './ContextBand';
import { ContextDetails } from './ContextDetails';
import { ContextView } from './ContextView';
import { ElectionDetails } from './ElectionDetails';
import { IndicatorDetails } from './IndicatorDetails';
import { IndicatorsView } from './IndicatorsView';
import { useObservationIndex } from './lookups';
import { ObservationView } from './ObservationView';
import { useCases } from './RecordBits';
import { useRecord, useRecordStore, useRecordUi, type RecordPage } from './record-store';
import { VerificationDetails } from './VerificationDetails';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { useT } from '../i18n/use-t';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { VerificationView } from './VerificationView';
import './record.css';

export type { RecordPage };
export { CellClaims } from './CellClaims';
export { ContextBand };

export const RECORD_PAGES: readonly { page: RecordPage; label: MessageId }[] = [
  { page: 'claims', label: 'record.page.claims' },
  { page: 'observation', label: 'record.page.observation' },
  { page: 'context', label: 'record.page.context' },
  { page: 'indicators', label: 'record.page.indicators' },
  { page: 'verification', label: 'record.page.verification' },
];

export function isRecordPage(page: string): page is RecordPage {
  return RECORD_PAGES.some((p) => p.page === page);
}

/** The pages' names in English, for the workbench's title until it moves to the catalogue; `RECORD_PAGES` has their ids. */
export const RECORD_PAGE_LABELS: Record<RecordPage, string> = Object.fromEntries(RECORD_PAGES.map((p) => [p.page, formatMessage('en', p.label)])) as Record<RecordPage, string>;

/** The sidebar's nav ids of the record pages (for its one-Tab-stop list). */
export const RECORD_NAV_IDS = RECORD_PAGES.map((p) => `page:${p.page}`);

interface NavItemsProps {
  page: string;
  onPage: (page: RecordPage) => void;
  /** The sidebar's props for one of its items (roving Tab stop). */
  itemProps: (id: string) => object;
}

/** The record pages as items of the sidebar's PROJECT list. */
export function RecordNavItems({ page, onPage, itemProps }: NavItemsProps) {
  const t = useT();
  return (
    <>
      {RECORD_PAGES.map((p) => (
        <li key={p.page}>
          <button type="button" className="nav-item" aria-current={page === p.page ? 'page' : undefined} onClick={() => onPage(p.page)} {...itemProps(`page:${p.page}`)}>
            <span className="nav-label">{t(p.label)}</span>
          </button>
        </li>
      ))}
    </>
  );
}

/** The centre of a record page. */
export function RecordView({ page }: { page: RecordPage }) {
  switch (page) {
    case 'claims':
      return <ClaimsView />;
    case 'observation':
      return <ObservationView />;
    case 'context':
      return <ContextView />;
    case 'indicators':
      return <IndicatorsView />;
    case 'verification':
      return <VerificationView />;
  }
}

/** The right pane of a record page: the selected claim, election, context item, indicator value or flag. */
export function RecordDetails({ page }: { page: RecordPage }) {
  const [ui] = useRecordUi();
  switch (page) {
    case 'claims':
      return <ClaimPane claimId={ui.claimId} />;
    case 'observation':
      return <ElectionPane electionId={ui.electionId} />;
    case 'context':
      return <ContextPane />;
    case 'indicators':
      return <IndicatorPane />;
    case 'verification':
      return <VerificationDetails />;
  }
}

function Empty({ message }: { message: MessageId }) {
  const t = useT();
  return (
    <div className="details" data-testid="record-details-empty">
      <h2 className="pane-heading">{t('record.details')}</h2>
      <p className="muted">{t(message)}</p>
    </div>
  );
}

function ClaimPane({ claimId }: { claimId: string | null }) {
  const claims = useRecord('claims');
  const claim = claims.data?.find((c) => c.id === claimId);
  if (!claim) return <Empty message="record.emptyClaim" />;
  return <ClaimDetails key={claim.id} claim={claim} />;
}

function ElectionPane({ electionId }: { electionId: string | null }) {
  const { index } = useObservationIndex();
  const election = electionId ? index?.electionById.get(electionId) : undefined;
  if (!election || !index) return <Empty message="record.emptyElection" />;
  return <ElectionDetails key={election.id} election={election} index={index} />;
}

function ContextPane() {
  const [ui] = useRecordUi();
  const context = useRecord('context');
  if (!ui.context || !context.data) return <Empty message="record.emptyContext" />;
  return <ContextDetails selection={ui.context} context={context.data} />;
}

function IndicatorPane() {
  const [ui] = useRecordUi();
  const indicators = useRecord('indicators');
  const { live } = useCases();
  const indicator = indicators.data?.find((i) => i.id === ui.indicatorId) ?? indicators.data?.[0];
  if (!indicator) return <Empty message="record.emptyIndicator" />;
  return <IndicatorDetails indicator={indicator} cases={live} />;
}

interface NavigationSetters {
  setPage: (page: RecordPage | 'matrix') => void;
  setSettings: Dispatch<SetStateAction<MatrixSettings>>;
  setSelection: (selection: Selection | null) => void;
}

/** Lets the record views move the workbench: to a record page, or to a cell of the matrix (its norm shown, the cell selected). */
export function useRecordNavigation({ setPage, setSettings, setSelection }: NavigationSetters): void {
  const record = useRecordStore();
  useEffect(() => {
    record.setNavigator((target) => {
      if (target.kind === 'page') {
        setPage(target.page);
        return;
      }
      setPage('matrix');
      // The cell's norm, and its case even if the researcher had hidden it.
      setSettings((s) => ({ ...s, normIds: [target.normId], hiddenCaseIds: s.hiddenCaseIds.filter((id) => id !== target.caseId), viewId: null }));
      setSelection({ kind: 'cell', normId: target.normId, caseId: target.caseId, stageId: target.stageId });
    });
    return () => record.setNavigator(undefined);
  }, [record, setPage, setSettings, setSelection]);
}

