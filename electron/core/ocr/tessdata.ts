/**
 * Where the trained data for text recognition is. tesseract.js reads `<language>.traineddata` files from a folder
 * (`gzip: false`: Debian's files are not compressed), fully offline. In order:
 * 1. COMPARANDA_TESSDATA, a folder the user or an administrator chose;
 * 2. `tessdata/` in the app's resources: an installer copies the files there (electron-builder `extraResources`);
 * 3. the system's Tesseract data, e.g. Debian's tesseract-ocr-rus/-kaz/-eng (how development and CI get them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { localError, textOf } from '../../contract/i18n/format';
import { OCR_LANGUAGES, type OcrLanguage } from '../../contract/api';
import { resourcesDir } from '../paths';

export { OCR_LANGUAGES, type OcrLanguage };

/**
 * Kazakh first: its alphabet holds all of Russian's letters plus ә, ғ, қ, ң, ө, ұ, ү, һ, і, so Russian words still
 * read right, whereas with Russian first "Қазақстан" comes out as "Казакстан". English last, so that Latin words
 * are tried after both Cyrillic models (TOOLCHAIN.md: with the order wrong, "The" was read as Cyrillic "Тһе").
 */
export const DEFAULT_OCR_LANGUAGES: readonly OcrLanguage[] = ['kaz', 'rus', 'eng'];

const SYSTEM_DIRS = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata', '/usr/share/tessdata', '/usr/local/share/tessdata', '/opt/homebrew/share/tessdata'];

function candidates(): string[] {
  const dirs: string[] = [];
  if (process.env.COMPARANDA_TESSDATA) dirs.push(process.env.COMPARANDA_TESSDATA);
  try {
    dirs.push(path.join(resourcesDir(), 'tessdata'));
  } catch {
    // No resources folder (a bare core in a test): the system folders remain.
  }
  return [...dirs, ...SYSTEM_DIRS];
}

/** The first folder that holds every language asked for; throws a sentence saying what to install otherwise. */
export function tessdataDir(languages: readonly OcrLanguage[], dirs: readonly string[] = candidates()): string {
  for (const dir of dirs) {
    if (languages.every((lang) => fs.existsSync(path.join(dir, `${lang}.traineddata`)))) return dir;
  }
  const names = languages.map((language) => textOf('errorsCore.ocrLanguage', { language, file: `${language}.traineddata` }));
  const install = { variable: 'COMPARANDA_TESSDATA', install: 'apt-get install tesseract-ocr-kaz tesseract-ocr-rus tesseract-ocr-eng' };
  throw dirs[0]
    ? localError('UNSUPPORTED', 'errorsCore.ocrNoData', { languages: names, folder: dirs[0], ...install })
    : localError('UNSUPPORTED', 'errorsCore.ocrNoDataAnywhere', { languages: names, ...install });
}
