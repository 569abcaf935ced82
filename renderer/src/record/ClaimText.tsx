/** How a claim is written out: quotes in quotation marks, paraphrases marked and never quoted. */
import type { ClaimDto } from '../../../electron/contract/api';
import { useT } from '../i18n/use-t';
import type { Translate } from './labels';

/** "Kazakhstan vs Belarus"; a comparator that is not a case of the project is named from the note. */
export function versus(claim: ClaimDto, byId: Map<string, { name: string }>, t?: Translate): string {
  const focal = claim.focalCaseId ? (byId.get(claim.focalCaseId)?.name ?? '?') : '—';
  const comparators = claim.comparatorCaseIds.map((id) => byId.get(id)?.name ?? '?');
  const other = comparators.length === 0 && claim.comparatorNote ? claim.comparatorNote : '';
  if (comparators.length === 0 && !other) return focal;
  const others = comparators.length > 0 ? comparators.join(', ') : other;
  return t ? t('record.versus', { focal, others }) : `${focal} vs ${others}`;
}

/** A quote in quotation marks; a paraphrase marked as such and never in quotation marks. */
export function ClaimStatement({ claim, clamp = false, lines = 2 }: { claim: Pick<ClaimDto, 'statement' | 'statementKind'>; clamp?: boolean; lines?: 2 | 3 }) {
  const t = useT();
  const cls = clamp ? `rec-clamp${lines === 3 ? ' rec-clamp-3' : ''}` : undefined;
  return claim.statementKind === 'quote' ? (
    <span className={cls} data-kind="quote">
      {t('record.quoted', { text: claim.statement })}
    </span>
  ) : (
    <span className={cls} data-kind="paraphrase">
      <span className="rec-kind">{t('record.paraphrase')}</span> {claim.statement}
    </span>
  );
}
