/** The QCA page as an item of the sidebar's PROJECT list. */
import { useT } from '../i18n/use-t';

export const QCA_NAV_ID = 'page:qca';

interface QcaNavItemProps {
  page: string;
  onPage: (page: 'qca') => void;
  /** The sidebar's props for one of its items (roving Tab stop). */
  itemProps: (id: string) => object;
}

export function QcaNavItem({ page, onPage, itemProps }: QcaNavItemProps) {
  const t = useT();
  return (
    <li>
      <button type="button" className="nav-item" aria-current={page === 'qca' ? 'page' : undefined} onClick={() => onPage('qca')} {...itemProps(QCA_NAV_ID)}>
        <span className="nav-label">{t('qca.navLabel')}</span>
      </button>
    </li>
  );
}
