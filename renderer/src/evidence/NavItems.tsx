/** The evidence pages as items of the sidebar's PROJECT list (Sources, Search, Participants, Codebook). */
import { useT } from '../i18n/use-t';
import { EVIDENCE_NAV, isCurrentNav, type EvidencePage } from './nav';

export const EVIDENCE_NAV_IDS = EVIDENCE_NAV.map((n) => `page:${n.page}`);

interface NavItemsProps {
  page: string;
  onPage: (page: EvidencePage) => void;
  /** The sidebar's props for one of its items (roving Tab stop). */
  itemProps: (id: string) => object;
}

export function EvidenceNavItems({ page, onPage, itemProps }: NavItemsProps) {
  const t = useT();
  return (
    <>
      {EVIDENCE_NAV.map((n) => (
        <li key={n.page}>
          <button
            type="button"
            className="nav-item"
            aria-current={isCurrentNav(n, page) ? 'page' : undefined}
            onClick={() => onPage(n.page)}
            {...itemProps(`page:${n.page}`)}
          >
            <span className="nav-label">{t(n.labelId)}</span>
          </button>
        </li>
      ))}
    </>
  );
}
