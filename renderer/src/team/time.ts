import { LANGUAGE_TAGS } from '../../../electron/contract/i18n/languages';
import { currentLanguage } from '../i18n/current';

/** "14:32" today, "6 Dec, 14:32" on another day: when a sync happened or is due, in the interface language. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const today = new Date().toDateString() === date.toDateString();
  return date.toLocaleString(LANGUAGE_TAGS[currentLanguage()], today ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
