/** The evidence pages in the workbench's two right-hand panes: the work in the centre, the selected thing's editor on the right. */
import { CodebookView, CodeDetails } from './CodebookView';
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
  }
}
