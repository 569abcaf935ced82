/**
 * `npx tsx scripts/bench/ocr.ts [--runs N]`: seconds per page of text recognition on this machine (issue 19), with
 * the app's engine (tesseract.js 7, languages kaz+rus+eng, trained data from the folder the app would use):
 * the committed fixtures (a 900x420 screenshot, a photographed JPEG, the scanned page of a PDF) and a full A4 page of
 * Russian and Kazakh text rendered by Chromium at 200 dpi (1654x2339), as a flatbed scanner would give it.
 * Needs /usr/bin/chromium (or CHROMIUM_PATH) for the A4 page.
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractDocument } from '../../electron/core/documents/extract';
import { OcrEngine } from '../../electron/core/ocr/engine';
import { recogniseScanned } from '../../electron/core/ocr/job';
import { DEFAULT_OCR_LANGUAGES, tessdataDir } from '../../electron/core/ocr/tessdata';
import { OCR_TEXT } from '../make-ocr-fixtures';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(root, 'tests/fixtures/ocr');

async function a4Page(): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 827, height: 1170 }, deviceScaleFactor: 2 });
    const paragraphs = Array.from({ length: 9 }, (_, i) => `<p>${i % 2 === 0 ? OCR_TEXT.ru : OCR_TEXT.kk} ${OCR_TEXT.en}</p>`).join('');
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body{margin:60px 70px;font-family:'Noto Sans',sans-serif;font-size:15px;line-height:1.5}</style></head><body><h1>Протокол № 17</h1>${paragraphs}</body></html>`);
    return await page.screenshot({ type: 'png' });
  } finally {
    await browser.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Math.max(1, Number(values.runs));
  console.log(`Text recognition, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; data from ${tessdataDir(DEFAULT_OCR_LANGUAGES)}; ${runs} run(s), median`);

  let t = performance.now();
  const engine = await OcrEngine.create(DEFAULT_OCR_LANGUAGES);
  console.log(`  engine start (kaz+rus+eng)          ${((performance.now() - t) / 1000).toFixed(2)} s`);
  const images: [string, Uint8Array][] = [
    ['ru-kk.png (900x420)', fs.readFileSync(path.join(fixtures, 'ru-kk.png'))],
    ['ru-kk-photo.jpg (900x420, tilted)', fs.readFileSync(path.join(fixtures, 'ru-kk-photo.jpg'))],
    ['A4 page at 200 dpi (1654x2339)', await a4Page()],
  ];
  for (const [label, image] of images) {
    const samples: number[] = [];
    let confidence = 0;
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      confidence = (await engine.recognise(image)).confidence;
      samples.push((performance.now() - t) / 1000);
    }
    console.log(`  ${label.padEnd(36)} ${median(samples).toFixed(2)} s/page  (confidence ${confidence})`);
  }
  await engine.close();

  // The whole path of an import: pdf.js finds the scanned page's picture, the engine starts and reads it.
  const bytes = new Uint8Array(fs.readFileSync(path.join(fixtures, 'ru-kk-scan.pdf')));
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const extracted = await extractDocument({ fileName: 'ru-kk-scan.pdf', bytes });
    t = performance.now();
    await recogniseScanned(extracted, bytes, {});
    samples.push((performance.now() - t) / 1000);
  }
  console.log(`  ru-kk-scan.pdf page 2, with start    ${median(samples).toFixed(2)} s/page`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
