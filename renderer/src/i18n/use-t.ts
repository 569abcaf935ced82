import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import type { MessageValues } from '../../../electron/contract/i18n/format';

/** The typed way to show a message: `t('common.claimsCount', { count })`. An unknown id does not compile. */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
