/**
 * One area of the interface's messages, in every language side by side. Keys are checked by TypeScript: a message
 * missing in Russian or Kazakh, or a key there that English lacks, does not compile. Messages use ICU
 * MessageFormat (plural, select, number and date arguments); tests/unit/i18n-catalogue.test.ts parses every one
 * and checks that each language uses the same arguments and the plural categories its language needs.
 */
export interface AreaMessages<K extends string> {
  en: Record<K, string>;
  ru: Record<K, string>;
  kk: Record<K, string>;
}

export function defineMessages<const K extends string>(messages: AreaMessages<K>): AreaMessages<K> {
  return messages;
}
