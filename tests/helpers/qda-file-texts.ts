import { loadFile } from '../../electron/core/exchange/load';

/**
 * Every string a REFI-QDA file holds (names, paths, GUIDs, values, texts, its maker): the researcher's data, which an
 * import report quotes as written in any language. The language checker (i18n-text.ts) reads a sentence in runs
 * between punctuation, so a name's runs ("Kellogg's ®.pdf" of "Pay de Limón … | Kellogg's ®.pdf") are data too.
 */
export function qdaFileTexts(file: string): string[] {
  const texts = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!/[A-Za-z]{2}/.test(value)) return;
      texts.add(value);
      for (const run of value.split(/[«»“”"„()[\]:;·|—–…]+/)) if (/[A-Za-z]{2}/.test(run)) texts.add(run.trim());
    } else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
      // The model's own keys ("text", "pdf", "Integer") are not the researcher's words: as data they would hide English.
      for (const [key, child] of Object.entries(value)) if (key !== 'kind' && key !== 'type') add(child);
    }
  };
  add(loadFile(file, 'project').qda);
  return [...texts];
}
