/**
 * Regenerates the OCR fixtures under tests/fixtures/ocr: a Russian and a Kazakh paragraph (and an English line)
 * rendered by Chromium to a PNG, a JPEG that looks photographed (grey paper, a slight tilt, lossy), and a two-page PDF
 * whose first page has a text layer and whose second page is only that JPEG, as a scanner would make it.
 *
 *   npx tsx scripts/make-ocr-fixtures.ts
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH). The texts are illustrative test material, not quotations.
 */
import { chromium, type Browser } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'tests/fixtures/ocr');
const fontDir = path.join(root, 'node_modules/@fontsource/noto-sans');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const OCR_TEXT = {
  ru: 'Центральная избирательная комиссия объявила итоги выборов. Наблюдатели отметили, что подсчёт голосов на многих участках проходил закрыто.',
  kk: 'Орталық сайлау комиссиясы сайлау қорытындысын жариялады. Бақылаушылар көптеген учаскелерде дауыс санау жабық өткенін атап өтті.',
  en: 'The mission observed the count in 2005.',
};

function fontFaces(): string {
  return ['latin', 'cyrillic', 'cyrillic-ext']
    .map((subset) => {
      const css = fs.readFileSync(path.join(fontDir, `${subset}-400.css`), 'utf8');
      return css.replace(/src: url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)(, url\([^)]+\) format\('woff'\))?/g, (_m, file: string) => {
        const data = fs.readFileSync(path.join(fontDir, 'files', file)).toString('base64');
        return `src: url(data:font/woff2;base64,${data}) format('woff2')`;
      });
    })
    .join('\n');
}

function write(name: string, data: Uint8Array): void {
  fs.writeFileSync(path.join(outDir, name), data);
  console.log(`  tests/fixtures/ocr/${name} (${fs.statSync(path.join(outDir, name)).size} bytes)`);
}

async function shot(browser: Browser, photographed: boolean): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 900, height: 420 } });
  try {
    const tilt = photographed ? 'transform: rotate(0.6deg);' : '';
    const paper = photographed ? '#ecebe4' : '#fff';
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>${fontFaces()}
        body{margin:0;background:${paper};color:#111;font-family:'Noto Sans';font-size:22px;line-height:1.45}
        main{padding:24px 32px;${tilt}} p{margin:0 0 14px 0}</style></head>
        <body><main><p>${OCR_TEXT.ru}</p><p>${OCR_TEXT.kk}</p><p>${OCR_TEXT.en}</p></main></body></html>`,
      { waitUntil: 'load' },
    );
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    return photographed ? await page.screenshot({ type: 'jpeg', quality: 70 }) : await page.screenshot({ type: 'png' });
  } finally {
    await page.close();
  }
}

async function scannedPdf(browser: Browser, jpeg: Buffer): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><title>Scanned protocol</title><style>${fontFaces()}
        @page { size: A5 landscape; margin: 12mm; } body { margin: 0; font-family: 'Noto Sans'; font-size: 12pt; }
        section { break-after: page; } section:last-child { break-after: auto; } img { width: 100%; }</style></head>
        <body><section><p>Cover page with a text layer: protocol of the precinct commission.</p></section>
        <section><img alt="" src="data:image/jpeg;base64,${jpeg.toString('base64')}"></section></body></html>`,
      { waitUntil: 'load' },
    );
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    write('ru-kk.png', await shot(browser, false));
    const jpeg = await shot(browser, true);
    write('ru-kk-photo.jpg', jpeg);
    write('ru-kk-scan.pdf', await scannedPdf(browser, jpeg));
  } finally {
    await browser.close();
  }
}

if (require.main === module) void main();
