import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { formatDay } from './day';

/** formatDay in the interface language (day.ts stays free of React, for its tests). */
export function useFormatDay(): (when: string | number | Date) => string {
  const { locale } = useIntl();
  return useCallback((when) => formatDay(locale, when), [locale]);
}
