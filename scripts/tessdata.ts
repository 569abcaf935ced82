/**
 * `npx tsx scripts/tessdata.ts`: copies the trained data an installer ships (Kazakh, Russian, English) into
 * tessdata/, from TESSDATA_SOURCE or the system's Tesseract data. Run by `npm run dist` before electron-builder.
 * The files are uncompressed `.traineddata` (the app reads them with `gzip: false`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { OCR_LANGUAGES } from '../electron/contract/api';

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'tessdata');
const sources = [process.env.TESSDATA_SOURCE, '/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata', '/usr/local/share/tessdata', '/opt/homebrew/share/tessdata'].filter(
  (dir): dir is string => Boolean(dir),
);
const source = sources.find((dir) => OCR_LANGUAGES.every((lang) => fs.existsSync(path.join(dir, `${lang}.traineddata`))));
if (!source) {
  console.error(`No folder holds ${OCR_LANGUAGES.map((l) => `${l}.traineddata`).join(', ')} (looked in ${sources.join(', ')}). Install Tesseract's kaz, rus and eng data or set TESSDATA_SOURCE.`);
  process.exit(1);
}
for (const lang of OCR_LANGUAGES) {
  fs.copyFileSync(path.join(source, `${lang}.traineddata`), path.join(target, `${lang}.traineddata`));
  console.log(`  tessdata/${lang}.traineddata (${fs.statSync(path.join(target, `${lang}.traineddata`)).size} bytes, from ${source})`);
}
