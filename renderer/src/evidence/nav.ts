/**
 * The evidence pages of the workbench and their places in the navigation. Kept free of React and of the views, so
 * that the sidebar and the workbench can import it without pulling the evidence UI into their modules.
 */

export type EvidencePage = 'sources' | 'reader' | 'search' | 'participants' | 'codebook' | 'code-matrix' | 'memos';

export interface EvidenceNavItem {
  page: EvidencePage;
  label: string;
  /** Other pages during which this item is the current one (the reader belongs to Sources). */
  also: readonly EvidencePage[];
}

export const EVIDENCE_NAV: readonly EvidenceNavItem[] = [
  { page: 'sources', label: 'Sources', also: ['reader'] },
  { page: 'search', label: 'Search', also: [] },
  { page: 'participants', label: 'Participants', also: [] },
  { page: 'codebook', label: 'Codebook', also: [] },
  { page: 'code-matrix', label: 'Code matrix', also: [] },
  { page: 'memos', label: 'Memos', also: [] },
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
  return page === 'reader' ? 'Reader' : (EVIDENCE_NAV.find((n) => n.page === page)?.label ?? 'Evidence');
}
