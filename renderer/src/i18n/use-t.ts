import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import type { CatalogueText } from '../../../electron/contract/errors';
import { errorText, type MessageValues } from '../../../electron/contract/i18n/format';
import { currentLanguage } from './current';

/** The typed way to show a message: `t('common.claimsCount', { count })`. An unknown id does not compile. */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}

/**
 * A sentence the back end sent as English plus its catalogue entry (an erasure report's places, an unverified
 * record's label): shown in this window's language, the English kept where there is no entry.
 */
export function useSaid(): (english: string, text: CatalogueText | undefined) => string {
  const intl = useIntl();
  // A new function when the language changes (intl.locale), so the sentences are made again in it.
  const locale = intl.locale;
  return useCallback((english, text) => (text && locale ? errorText(currentLanguage(), { message: english, text }) : english), [locale]);
}
