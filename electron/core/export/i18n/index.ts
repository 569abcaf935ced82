/**
 * The export language: which catalogue an export's own words come from, and which CSL locale its citations use.
 *
 * Default: the language of the CSL locale asked for (ru-RU → ru), else English. Kazakh has no CSL locale in
 * citeproc-js or the CSL locales repository: a Kazakh export sets its own words in Kazakh and formats citations
 * with the ru-RU locale (the terms "ред.", "с.", "дата обращения" of Russian, usual in Kazakhstani journals),
 * unless another locale is asked for, and says so in its warnings.
 */
import type { Notice } from '../../../contract/errors';
import { localError, localText } from '../../../contract/i18n/format';
import { en } from './en';
import { kk } from './kk';
import { EXPORT_LANGUAGES, type DefaultStatusKey, type ExportLanguage, type ExportMessages } from './messages';
import { ru } from './ru';

export { EXPORT_LANGUAGES, plural, type ExportLanguage, type ExportMessages } from './messages';

const CATALOGUES: Record<ExportLanguage, ExportMessages> = { en, ru, kk };

export function messagesFor(language: string | undefined): ExportMessages {
  return CATALOGUES[(language ?? 'en') as ExportLanguage] ?? en;
}

export interface ResolvedLanguage {
  language: ExportLanguage;
  /** The CSL locale to format citations with (undefined: the style's default). */
  locale: string | undefined;
  warnings: Notice[];
}

/** The export's language and citation locale from the options (see the module's comment). */
export function resolveExportLanguage(language: string | undefined, locale: string | undefined, styleLocale: string | null): ResolvedLanguage {
  if (language !== undefined && !(EXPORT_LANGUAGES as readonly string[]).includes(language)) {
    throw localError('VALIDATION_FAILED', 'errorsExport.languageOneOf', { languages: EXPORT_LANGUAGES.join(', '), value: language });
  }
  const fromLocale = (locale ?? styleLocale ?? 'en-US').split('-')[0]!.toLowerCase();
  const chosen: ExportLanguage = (language as ExportLanguage | undefined) ?? ((EXPORT_LANGUAGES as readonly string[]).includes(fromLocale) ? (fromLocale as ExportLanguage) : 'en');
  const warnings: Notice[] = [];
  let cslLocale = locale;
  if (!cslLocale && chosen === 'ru') cslLocale = 'ru-RU';
  if (chosen === 'kk' && (!cslLocale || cslLocale.toLowerCase().startsWith('kk'))) {
    cslLocale = 'ru-RU';
    warnings.push(localText({ id: 'exportWarnings.noKazakhLocale', values: { locale: 'ru-RU', option: '--locale' } }));
  }
  return { language: chosen, locale: cslLocale, warnings };
}

const DEFAULT_STATUS_ENGLISH: Record<DefaultStatusKey, string> = en.defaultStatuses;

/**
 * A status label in the export language: the default scale's labels are translated while the framework keeps the
 * English default; a label the researcher wrote is theirs and stays as written.
 */
export function statusLabelIn(m: ExportMessages, key: string, label: string): string {
  const english = DEFAULT_STATUS_ENGLISH[key as DefaultStatusKey];
  return english !== undefined && english === label ? m.defaultStatuses[key as DefaultStatusKey] : label;
}

/** A bundled framework's text (framework name, stage label or description) in the export language while unchanged. */
export function builtInIn(m: ExportMessages, value: string): string {
  return m.builtInText[value] ?? value;
}

/** "2012-04-25" → the language's date ("25 апреля 2012 г."); partial dates as far as given; anything else as given. */
export function formatRecordDate(m: ExportMessages, value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return value.trim();
  const month = match[2] ? Number(match[2]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return value.trim();
  return m.date(Number(match[1]), month, match[3] ? Number(match[3]) : undefined);
}
