/**
 * The PDF the import benchmark reads: N pages of Cyrillic (Russian, Kazakh) and Latin text, printed once by Chromium
 * (page.pdf) from HTML with one page per section, and cached beside the projects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium';
import { Rng } from './rng';
import { TextGenerator } from './text';
import type { Language } from './words';

const FIXTURE_VERSION = 1;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export function fixtureHtml(pages: number, seed: number): string {
  const gen = new TextGenerator(new Rng(`pdf:${seed}`));
  const order: Language[] = ['ru', 'kk', 'ru', 'en'];
  const sections: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const lang = order[n % order.length]!;
    const paragraphs = gen
      .page(lang, 3_000)
      .split('\n\n')
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('');
    sections.push(`<section><h2>${lang === 'kk' ? 'Бет' : lang === 'ru' ? 'Страница' : 'Page'} ${n}</h2>${paragraphs}</section>`);
  }
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Отчёт миссии по наблюдению за выборами — benchmark fixture</title>
<style>
@page { size: A4; margin: 16mm 18mm; }
body { font: 10.5pt/1.35 'DejaVu Serif', serif; }
section { break-after: page; }
h2 { font-size: 12pt; margin: 0 0 6pt; }
p { margin: 0 0 5pt; text-align: justify; }
</style></head><body>${sections.join('\n')}</body></html>`;
}

/** The cached fixture's path, printing it first if needed. */
export async function ensurePdfFixture(dir: string, pages: number, seed: number, log: (m: string) => void): Promise<string> {
  const file = path.join(dir, `import-${pages}p-seed${seed}-v${FIXTURE_VERSION}.pdf`);
  if (fs.existsSync(file)) return file;
  log(`Printing the ${pages}-page PDF for the import benchmark ...`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(fixtureHtml(pages, seed), { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const temp = `${file}.${process.pid}.partial`;
    fs.writeFileSync(temp, pdf);
    fs.renameSync(temp, file);
  } finally {
    await browser.close();
  }
  return file;
}
