import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../electron/contract/i18n/catalogue';
import { lacksKazakhNumbers, withKazakhNumbers } from '../../renderer/src/i18n/numbers';

const Native = Intl.NumberFormat;

/** Intl as Chromium's ICU has it: Kazakh is accepted and written in the root locale's form. */
const ChromiumLike = function (locales?: string | string[], options?: Intl.NumberFormatOptions) {
  const locale = typeof locales === 'string' ? locales : locales?.[0];
  return new Native(locale && /^kk/.test(locale) ? 'und' : locales, options);
} as unknown as typeof Intl.NumberFormat;
Object.defineProperty(ChromiumLike, 'supportedLocalesOf', { value: Native.supportedLocalesOf.bind(Native) });

describe('Kazakh numbers where Intl has no Kazakh', () => {
  it('are grouped with a non-breaking space and take a decimal comma', () => {
    expect(lacksKazakhNumbers(ChromiumLike)).toBe(true);
    expect(new ChromiumLike('kk-KZ').format(12345.5)).toBe('12,345.5');
    const Kazakh = withKazakhNumbers(ChromiumLike);
    expect(new Kazakh('kk-KZ').format(12345.5)).toBe('12\u00a0345,5');
    expect(new Kazakh(['kk-KZ', 'en-GB'], { maximumFractionDigits: 0 }).format(1234567)).toBe('1\u00a0234\u00a0567');
    // Other languages are as they were.
    expect(new Kazakh('en-GB').format(12345.5)).toBe('12,345.5');
    expect(new Kazakh('ru-RU').format(12345.5)).toBe('12\u00a0345,5');
  });

  it('reach a catalogue message’s count', () => {
    try {
      Intl.NumberFormat = withKazakhNumbers(ChromiumLike);
      const message = new IntlMessageFormat(catalogue('kk')['errorsCore.csvBadRows'], 'kk-KZ');
      expect(String(message.format({ count: 12345, file: '«e.csv»', lines: '' }))).toMatch(/^Ештеңе импортталмады: «e\.csv» ішінде 12\u00a0345 қате жол бар/);
    } finally {
      Intl.NumberFormat = Native;
    }
  });

  it('are left to Intl where it has Kazakh (Node’s full ICU)', () => {
    expect(lacksKazakhNumbers(Intl.NumberFormat)).toBe(false);
    expect(withKazakhNumbers(Intl.NumberFormat)).toBe(Intl.NumberFormat);
  });
});
