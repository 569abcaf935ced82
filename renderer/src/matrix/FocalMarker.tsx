import { useT } from '../i18n/use-t';
import { StarIcon } from '../ui/icons';

/** The focal case's mark: a star for the eye and the word for everyone (colour and shape are never the only signal). */
export function FocalMarker() {
  const t = useT();
  return (
    <span className="focal-tag">
      <StarIcon />
      {t('record.focal')}
    </span>
  );
}
