/** How a claim is written out: quotes in quotation marks, paraphrases marked and never quoted. */
import type { ClaimDto } from '../../../electron/contract/api';
import { useT } from '../i18n/use-t';

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
