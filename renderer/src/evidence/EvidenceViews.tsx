/** The evidence pages in the workbench's two right-hand panes: the work in the centre, the selected thing's editor on the right. */
import { useT } from '../i18n/use-t';
import { CodebookView, CodeDetails } from './CodebookView';
import { AutoCodePanel, CodeMatrixView } from './CodeMatrixView';
import { MemoOverview } from './MemoOverview';
import { ExcerptDetails } from './ExcerptEditor';
import type { EvidencePage } from './nav';
import { ParticipantDetails, ParticipantsView } from './ParticipantsView';
import { ReaderView } from './Reader';
import { SearchHelp, SearchView } from './SearchView';
import { SourceDetails } from './SourceDetails';
import { SourcesView } from './SourcesView';
import { useEvidenceState } from './store';
import './evidence.css';

export function EvidenceCentre({ page }: { page: EvidencePage }) {
  switch (page) {
    case 'sources':
      return <SourcesView />;
    case 'reader':
      return <ReaderView />;
    case 'search':
      return <SearchView />;
    case 'participants':
      return <ParticipantsView />;
    case 'codebook':
      return <CodebookView />;
    case 'code-matrix':
      return <CodeMatrixView />;
    case 'memos':
      return <MemoOverview />;
  }
}

export function EvidenceDetails({ page }: { page: EvidencePage }) {
  const sourceId = useEvidenceState((s) => s.sourceId);
  const participantId = useEvidenceState((s) => s.participantId);
  const codeId = useEvidenceState((s) => s.codeId);
  switch (page) {
    case 'sources':
      return <SourceDetails sourceId={sourceId} />;
    case 'reader':
      return <ExcerptDetails />;
    case 'search':
      return <SearchHelp />;
    case 'participants':
      return <ParticipantDetails participantId={participantId} />;
    case 'codebook':
      return <CodeDetails codeId={codeId} />;
    case 'code-matrix':
      return <AutoCodePanel />;
    case 'memos':
      return <MemoHelp />;
  }
}

function MemoHelp() {
  const t = useT();
  return (
    <div className="details">
      <h2 className="pane-heading">{t('evidence.memos')}</h2>
      <p className="muted small">{t('evidence.memoHelp')}</p>
    </div>
  );
}
