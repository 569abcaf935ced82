import { describe, expect, it } from 'vitest';
import { formatDay } from '../../renderer/src/evidence/day';

describe('a day in the evidence views', () => {
  it('is written by Intl where it knows the language', () => {
    expect(formatDay('en-GB', '2026-12-07T10:00:00Z')).toBe('7 Dec 2026');
    expect(formatDay('ru-RU', '2026-12-07T10:00:00Z')).toBe('7 дек. 2026 г.');
  });

  it('is written as dd.mm.yyyy where Intl has no data for the language (Chromium and Kazakh), never as "2026 M12 7"', () => {
    // Node's ICU knows Kazakh; a language no ICU knows stands in for Chromium's missing Kazakh data.
    expect(formatDay('tlh', '2026-12-07T10:00:00Z')).toBe('07.12.2026');
    expect(formatDay('kk-KZ', '2026-12-07T10:00:00Z')).not.toMatch(/M12/);
  });
});
