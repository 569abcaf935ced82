/**
 * Regenerates the import fixtures under tests/fixtures/documents and tests/fixtures/bibliography with real tools:
 * Chromium printing (PDFs), qpdf (encryption), the `docx` package (Word files) and plain byte writes.
 *
 *   npx tsx scripts/make-fixtures.ts
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH) and qpdf (`apt-get install -y qpdf`). The texts are illustrative
 * test material written for these fixtures, not quotations from real reports.
 */
import { chromium, type Browser } from '@playwright/test';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const docsDir = path.join(root, 'tests/fixtures/documents');
const bibDir = path.join(root, 'tests/fixtures/bibliography');
const fontDir = path.join(root, 'node_modules/@fontsource/noto-sans');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function write(dir: string, name: string, data: string | Uint8Array): void {
  fs.writeFileSync(path.join(dir, name), data);
  console.log(`  ${path.relative(root, path.join(dir, name))} (${fs.statSync(path.join(dir, name)).size} bytes)`);
}

/** The Noto Sans latin + cyrillic + cyrillic-ext faces (400) as @font-face rules with inlined woff2 data. */
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

const PAGE_CSS = `
  @page { size: A5; margin: 15mm; }
  body { font-family: 'Noto Sans', sans-serif; font-size: 11pt; line-height: 1.4; }
  section { break-after: page; }
  section:last-child { break-after: auto; }
  h1 { font-size: 14pt; font-weight: 400; }
  p { margin: 0 0 0.8em 0; }
`;

const RU_KK_PAGES = {
  en: {
    heading: 'Election observation in Kazakhstan',
    paragraphs: [
      'Test fixture, illustrative text. An OSCE/ODIHR election observation mission deployed long-term observers across the country several weeks before election day.',
      'Observers were admitted to polling stations under the 1995 election law, but in some precincts they were asked to stand far from the ballot boxes during the count.',
    ],
  },
  ru: {
    heading: 'Выборы в Казахстане',
    paragraphs: [
      'Выборы в Казахстане наблюдала миссия БДИПЧ ОБСЕ. Наблюдатели отметили случаи вбрасывания бюллетеней и давления на членов избирательных комиссий.',
      'Закон о выборах 1995 года допускает присутствие международных наблюдателей на избирательных участках.',
    ],
  },
  kk: {
    heading: 'Қазақстандағы сайлау',
    paragraphs: [
      'Қазақстан Республикасының Орталық сайлау комиссиясы сайлаудың қорытынды нәтижелерін жариялады. Халықаралық байқаушылар өз есебін ұсынды.',
      'Үміткерлер мен байқаушылардың құқықтары заңмен қорғалған. Алматы — ірі шаһар, онда сайлауға көп адам қатысты. Сайлау күні тыныш өтті.',
    ],
  },
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

async function makePdfs(browser: Browser): Promise<void> {
  const sections = (['en', 'ru', 'kk'] as const)
    .map((lang) => {
      const p = RU_KK_PAGES[lang];
      return `<section lang="${lang}"><h1>${escapeHtml(p.heading)}</h1>${p.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`).join('')}</section>`;
    })
    .join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Election observation in Kazakhstan (test fixture)</title>
<style>${fontFaces()}${PAGE_CSS}</style></head><body>${sections}</body></html>`;
  const ruKk = await printPdf(browser, html);
  write(docsDir, 'ru-kk.pdf', ruKk);

  // A "scan": the text is rendered to a PNG first, and the page holds only that image.
  const shotPage = await browser.newPage({ viewport: { width: 520, height: 140 } });
  await shotPage.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${fontFaces()} body{margin:0;font-family:'Noto Sans';font-size:20px;padding:16px;background:#fff;color:#000}</style></head>` +
      `<body>Scanned page: Выборы в Казахстане 2005.<br>Қазақстан сайлау комиссиясы.</body></html>`,
    { waitUntil: 'load' },
  );
  await shotPage.evaluate('document.fonts.ready.then(() => undefined)');
  const png = await shotPage.screenshot({ type: 'png' });
  await shotPage.close();
  const imageHtml = `<!doctype html><html><head><meta charset="utf-8"><title>Scanned page</title><style>@page { size: A5; margin: 15mm; } body { margin: 0; }</style></head>` +
    `<body><img alt="" src="data:image/png;base64,${png.toString('base64')}" style="width:100%"></body></html>`;
  write(docsDir, 'image-only.pdf', await printPdf(browser, imageHtml));

  // A large heading that wraps over three lines above two paragraphs: one paragraph for locators, not three.
  write(
    docsDir,
    'wrapped-heading.pdf',
    await printPdf(
      browser,
      `<!doctype html><html><head><meta charset="utf-8"><style>${fontFaces()} @page{size:A5;margin:15mm} body{font-family:'Noto Sans',sans-serif;font-size:11pt;line-height:1.4} h1{font-size:20pt;font-weight:400} p{margin:0 0 .8em}</style></head>` +
        `<body><h1>Доклад миссии по наблюдению за выборами в Республике Казахстан</h1><p>Первый абзац текста, который занимает несколько строк на странице, чтобы было видно, как извлекаются строки из PDF-файла при импорте документа.</p>` +
        `<p>Второй абзац, тоже длинный, чтобы занять две строки или больше на странице формата A5 с полями.</p></body></html>`,
    ),
  );

  // qpdf: AES-256 with a user password, so the file cannot be opened without it.
  const encrypted = path.join(docsDir, 'encrypted.pdf');
  execFileSync('qpdf', ['--encrypt', 'fixture-user', 'fixture-owner', '256', '--', path.join(docsDir, 'ru-kk.pdf'), encrypted]);
  console.log(`  ${path.relative(root, encrypted)} (${fs.statSync(encrypted).size} bytes)`);

  write(docsDir, 'truncated.pdf', ruKk.subarray(0, Math.floor(ruKk.length * 0.4)));
  write(docsDir, 'notapdf.pdf', 'This is a plain text file that was renamed to .pdf by mistake.\nIt has no PDF header.\n');
}

async function makeDocx(): Promise<void> {
  const doc = new Document({
    creator: 'Comparanda fixtures',
    title: 'Interview transcript',
    numbering: {
      config: [{ reference: 'topics', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Interview transcript: CEC member 2', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Interviewer: When were international observers first admitted?')] }),
          new Paragraph({
            children: [new TextRun('Respondent: Наблюдателей допустили после принятия закона '), new TextRun({ text: 'о выборах 1995 года', bold: true }), new TextRun('.')],
          }),
          new Paragraph({ children: [new TextRun('Interviewer: Which topics did the commission discuss?')] }),
          new Paragraph({ text: 'Состав избирательных комиссий', numbering: { reference: 'topics', level: 0 } }),
          new Paragraph({ text: 'Access of observers to the count', numbering: { reference: 'topics', level: 0 } }),
          new Paragraph({ text: 'Қазақстан жолы (the "Kazakh path")', bullet: { level: 0 } }),
          new Paragraph({ children: [new TextRun('Respondent: Мы говорили о двойных стандартах.')] }),
        ],
      },
    ],
  });
  const interview = await Packer.toBuffer(doc);
  write(docsDir, 'interview.docx', interview);
  write(docsDir, 'corrupt.docx', interview.subarray(0, Math.floor(interview.length / 2)));

  const empty = new Document({ sections: [{ children: [new Paragraph({ children: [] })] }] });
  write(docsDir, 'empty.docx', await Packer.toBuffer(empty));
}

function makeTextFiles(): void {
  write(
    docsDir,
    'notes.txt',
    'Field notes, Almaty, page one.\nНаблюдатели на участке № 12.\n\nSecond paragraph of page one.\n\fField notes, page two.\nҚазақстан: карусель и вбросы.\n',
  );
  const utf16Text = 'UTF-16 notes: Выборы в Казахстане.\r\nҚазақстан — ірі мемлекет.\r\n';
  write(docsDir, 'notes-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16Text, 'utf16le')]));
  write(docsDir, 'empty.txt', '');
  write(docsDir, 'unsupported.xyz', 'Some proprietary format.\n');
  write(
    docsDir,
    'clipping.html',
    `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Наблюдатели ОБСЕ &amp; выборы — clipping</title>
<style>body { color: red; } .secret-style-marker { display: none; }</style>
<script>window.stolen = document.cookie; alert("SCRIPT-MARKER");</script>
</head>
<body onload="alert('ONLOAD-MARKER')">
<iframe src="https://example.invalid/ad">IFRAME-MARKER fallback</iframe>
<h1>Observers &amp; the count</h1>
<p onclick="alert('ONCLICK-MARKER')">The election commission admitted observers to the count in Almaty.</p>
<p>Председатель комиссии заявил о «двойных стандартах» наблюдателей.</p>
<img src="x.png" onerror="alert('ONERROR-MARKER')" alt="">
<p>Read <a href="javascript:alert('HREF-MARKER')">the full statement</a> or <a href="https://example.invalid/report">the report</a>.</p>
<ul><li>Қазақстан сайлауы</li><li>Карусельное голосование</li></ul>
<noscript>NOSCRIPT-MARKER</noscript>
<script type="module">import("data:text/javascript,alert('MODULE-MARKER')")</script>
</body>
</html>
`,
  );
}

function makeBibliography(): void {
  write(
    bibDir,
    'zotero.bib',
    `
@techreport{osce_odihr_republic_2006,
\taddress = {Warsaw},
\ttitle = {Republic of {Kazakhstan}: {Presidential} {Election}, 4 {December} 2005. {OSCE}/{ODIHR} {Election} {Observation} {Mission} {Final} {Report}},
\turl = {https://www.osce.org/odihr/elections/kazakhstan/18153},
\tlanguage = {en},
\turldate = {2024-01-15},
\tinstitution = {OSCE Office for Democratic Institutions and Human Rights},
\tauthor = {{OSCE/ODIHR}},
\tmonth = feb,
\tyear = {2006},
}

@misc{noauthor_o_1995,
\ttitle = {О выборах в {Республике} {Казахстан}: {Конституционный} закон {Республики} {Казахстан} от 28 сентября 1995 года № 2464},
\tlanguage = {ru},
\turl = {https://adilet.zan.kz/rus/docs/Z950002464_},
\tyear = {1995},
\tnote = {Law},
}

@article{ivanov_vybory_2008,
\ttitle = {Выборы в {Казахстане} и международные наблюдатели},
\tvolume = {12},
\tissn = {1234-5678},
\tlanguage = {ru},
\tnumber = {3},
\tjournal = {Вестник Евразийского университета},
\tauthor = {Иванов, Пётр Сергеевич and Қасымов, Әлібек},
\tyear = {2008},
\tpages = {45--67},
}

@article{muller_norm_2015,
\ttitle = {Norm contestation and {\\'e}lite r{\\'e}sistance: {Kazakhstan} and the {OSCE}},
\tvolume = {67},
\tissn = {0966-8136},
\tshorttitle = {Norm contestation},
\tdoi = {10.1080/09668136.2015.1020000},
\tlanguage = {en},
\tnumber = {4},
\tjournal = {Europe-Asia Studies},
\tauthor = {M{\\"u}ller, J{\\"o}rg and Sch{\\"o}nfeld, Ren{\\'e}e},
\tyear = {2015},
\tpages = {601--625},
}
`,
  );
  write(
    bibDir,
    'malformed.bib',
    `@article{ok_2001,
\ttitle = {A fine entry},
\tyear = {2001},
}

@article{broken_2002,
\ttitle = {An entry whose braces never close,
\tauthor = {Doe, Jane},
\tyear = {2002}

@book{after_2003, title = {Never reached}, year = {2003}}
`,
  );
  write(
    bibDir,
    'sources.ris',
    `TY  - RPRT
TI  - Доклад о президентских выборах в Республике Казахстан
AU  - Петрова, Анна
PY  - 2006
DA  - 2006/02/21/
PB  - БДИПЧ ОБСЕ
CY  - Варшава
LA  - ru
UR  - https://www.osce.org/ru/odihr/elections/kazakhstan/18153
ER  - 

TY  - JOUR
TI  - Observing elections in Central Asia
AU  - Smith, John
AU  - Қасымов, Әлібек
PY  - 2012
T2  - Central Asian Survey
VL  - 31
IS  - 2
SP  - 150
EP  - 170
DO  - 10.1080/02634937.2012.000001
LA  - en
ER  - 

TY  - NEWS
TI  - Қазақстанда сайлау өтті
AU  - Серікбаева, Гүлнәр
PY  - 2005
DA  - 2005/12/05/
T2  - Егемен Қазақстан
LA  - kk
ER  - 
`,
  );
  write(
    bibDir,
    'malformed.ris',
    `TY  - JOUR
TI  - An entry that is never closed
AU  - Doe, Jane
PY  - 2001
This line is not a RIS tag at all
TY  - BOOK
TI  - Another one
`,
  );
  write(
    bibDir,
    'sources.json',
    `${JSON.stringify(
      [
        {
          id: 'odihr-2021',
          type: 'report',
          title: 'Republic of Kazakhstan, Parliamentary Elections, 10 January 2021: ODIHR Election Observation Mission Final Report',
          author: [{ literal: 'OSCE/ODIHR' }],
          publisher: 'OSCE Office for Democratic Institutions and Human Rights',
          'publisher-place': 'Warsaw',
          issued: { 'date-parts': [[2021, 3, 26]] },
          URL: 'https://www.osce.org/odihr/elections/kazakhstan/477667',
          accessed: { 'date-parts': [[2024, 1, 15]] },
          language: 'en',
        },
        {
          id: 'interview-cec-2',
          type: 'interview',
          title: 'Интервью с членом ЦИК (CEC member 2)',
          author: [{ literal: 'CEC member 2' }],
          issued: { 'date-parts': [[2019, 6, 10]] },
          language: 'ru',
          archive_location: 'Field notes, box 3',
        },
        {
          id: 'kz-law-1995',
          type: 'legislation',
          title: 'Қазақстан Республикасындағы сайлау туралы',
          issued: { 'date-parts': [[1995, 9, 28]] },
          language: 'kk',
          URL: 'https://adilet.zan.kz/kaz/docs/Z950002464_',
        },
      ],
      null,
      2,
    )}\n`,
  );
}

async function main(): Promise<void> {
  fs.mkdirSync(docsDir, { recursive: true });
  fs.mkdirSync(bibDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await makePdfs(browser);
  } finally {
    await browser.close();
  }
  await makeDocx();
  makeTextFiles();
  makeBibliography();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
