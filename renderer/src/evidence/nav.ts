import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { currentLanguage } from '../i18n/current';

/**
 * The evidence pages of the workbench and their places in the navigation. Kept free of React and of the views, so
 * that the sidebar and the workbench can import it without pulling the evidence UI into their modules.
 */

export type EvidencePage = 'sources' | 'reader' | 'search' | 'participants' | 'codebook' | 'code-matrix' | 'memos';

export interface EvidenceNavItem {
  page: EvidencePage;
  labelId: MessageId;
  /** Other pages during which this item is the current one (the reader belongs to Sources). */
  also: readonly EvidencePage[];
}

export const EVIDENCE_NAV: readonly EvidenceNavItem[] = [
  { page: 'sources', labelId: 'evidence.navSources', also: ['reader'] },
  { page: 'search', labelId: 'evidence.navSearch', also: [] },
  { page: 'participants', labelId: 'evidence.navParticipants', also: [] },
  { page: 'codebook', labelId: 'evidence.navCodebook', also: [] },
  { page: 'code-matrix', labelId: 'evidence.navCodeMatrix', also: [] },
  { page: 'memos', labelId: 'evidence.navMemos', also: [] },
];

const PAGES: readonly string[] = ['sources', 'reader', 'search', 'participants', 'codebook', 'code-matrix', 'memos'];

export function isEvidencePage(page: string): page is EvidencePage {
  return PAGES.includes(page);
}

/** Whether a navigation item is the current page. */
export function isCurrentNav(item: EvidenceNavItem, page: string): boolean {
  return item.page === page || (item.also as readonly string[]).includes(page);
}

/** The centre pane's accessible name on an evidence page. */
export function evidencePageLabel(page: EvidencePage): string {
  const id = page === 'reader' ? 'evidence.navReader' : (EVIDENCE_NAV.find((n) => n.page === page)?.labelId ?? 'evidence.navEvidence');
  return formatMessage(currentLanguage(), id);
}
