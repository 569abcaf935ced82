/** A claim's comparison in words, outside React so that tests reach it without the renderer. */
import type { ClaimDto } from '../../../electron/contract/api';
import type { Translate } from './dates';

/** "Kazakhstan vs Belarus"; a comparator that is not a case of the project is named from the note. */
export function versus(claim: ClaimDto, byId: Map<string, { name: string }>, t?: Translate): string {
  const unknown = t ? t('record.unknownCase') : '?';
  const focal = claim.focalCaseId ? (byId.get(claim.focalCaseId)?.name ?? unknown) : '—';
  const comparators = claim.comparatorCaseIds.map((id) => byId.get(id)?.name ?? unknown);
  const other = comparators.length === 0 && claim.comparatorNote ? claim.comparatorNote : '';
  if (comparators.length === 0 && !other) return focal;
  const others = comparators.length > 0 ? comparators.join(', ') : other;
  return t ? t('record.versus', { focal, others }) : `${focal} vs ${others}`;
}
