import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDay } from '../../renderer/src/evidence/day';

describe('a day in the evidence views', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is written by Intl where it knows the language', () => {
    expect(formatDay('en-GB', '2026-12-07T10:00:00Z')).toBe('7 Dec 2026');
    expect(formatDay('ru-RU', '2026-12-07T10:00:00Z')).toBe('7 дек. 2026 г.');
    expect(formatDay('kk-KZ', '2026-12-07T10:00:00Z')).not.toMatch(/M12/);
  });

  it('is written as dd.mm.yyyy where Intl has no data for the language, never as "2026 M12 7"', () => {
    // Chromium's Intl has no Kazakh: it claims the locale and writes the root locale's pattern, months as "M12".
    // Node's ICU has Kazakh, so that Intl is played here by a formatter that answers as Chromium's does.
    const chromiumWithoutKazakh = function (_locale: string, options?: Intl.DateTimeFormatOptions) {
      return { format: () => (options?.day ? '2026 M12 7' : 'M12') };
    };
    vi.stubGlobal('Intl', { ...Intl, DateTimeFormat: chromiumWithoutKazakh });
    expect(formatDay('kk-Chromium', new Date(2026, 11, 7, 12))).toBe('07.12.2026');
  });
});
