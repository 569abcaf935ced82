/**
 * LaTeX: a standalone UTF-8 .tex (article class, booktabs + longtable with a repeated header, the caption,
 * status by text and colour, \footnote for note styles or author-date text, the formatted bibliography), and a .bib
 * beside it with exactly the sources cited (formatBibliography), for authors who let BibLaTeX format references.
 *
 * Text in Cyrillic (Russian, Kazakh) needs a Unicode engine: such files require XeLaTeX or LuaLaTeX (fontspec, Noto
 * fonts when installed); Latin-only files also compile with pdfLaTeX.
 */
import { formatBibliography } from '../sources/bibliography';
import { isBreak, isCite, type Cite, type Inline, type TextRun } from './inline';
import { documentText } from './html';
import type { Block, CellModel, EvidenceItem, ExportDocument, StatusMark, TableModel } from './model';
import type { PaperSize } from './types';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '\u00a0': '~',
  // The marker of facts and claims not verified externally (build-record.ts): works with every engine.
  '†': '\\dag{}',
};

export function escapeLatex(value: string): string {
  return value.replace(/[\\{}$&#^_%~<>|\u00a0†]/g, (ch) => SPECIALS[ch]!).replace(/\r?\n/g, ' ');
}

function urlLatex(url: string): string {
  return `\\url{${url.replace(/[%#{}\\]/g, (ch) => `\\${ch}`)}}`;
}

/** Text with web addresses as \url{} (breakable, linked), the rest escaped. */
function textLatex(value: string): string {
  return value
    .split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:)])/)
    .map((part, i) => (i % 2 === 1 ? urlLatex(part) : escapeLatex(part)))
    .join('');
}

function runLatex(run: TextRun): string {
  let out = textLatex(run.text);
  if (!out) return '';
  if (run.smallCaps) out = `\\textsc{${out}}`;
  if (run.sup) out = `\\textsuperscript{${out}}`;
  if (run.sub) out = `\\textsubscript{${out}}`;
  if (run.bold) out = `\\textbf{${out}}`;
  if (run.italic) out = `\\emph{${out}}`;
  return out;
}

const runsLatex = (runs: readonly TextRun[]) => runs.map(runLatex).join('');

function citeLatex(cite: Cite): string {
  return cite.noteNumber !== null ? `\\footnote{${runsLatex(cite.runs)}}` : ` ${runsLatex(cite.runs)}`;
}

function inlineLatex(content: readonly Inline[]): string {
  return content.map((x) => (isCite(x) ? citeLatex(x.cite) : isBreak(x) ? '\\newline ' : runLatex(x))).join('');
}

function statusLatex(status: StatusMark): string {
  return `\\statusmark{${status.colour.slice(1)}}{${escapeLatex(status.label)}}`;
}

function cellLatex(cell: CellModel): string {
  const parts: string[] = [];
  if (cell.status && !cell.header) parts.push(`\\cellcolor[HTML]{${(cell.status.noData ? '#F4F4F4' : cell.status.tint).slice(1)}}`);
  if (cell.status) parts.push(`${statusLatex(cell.status)}${cell.meta ? `\\newline{\\scriptsize\\sffamily ${escapeLatex(cell.meta)}}` : ''}`);
  const body = inlineLatex(cell.content) + (cell.cite ? citeLatex(cell.cite) : '');
  if (body.trim()) parts.push(`${cell.status ? '\\newline ' : ''}${cell.header ? `{\\sffamily ${body}}` : body}`);
  const content = parts.join('');
  return cell.align === 'right' ? `\\raggedleft\\arraybackslash ${content}` : content;
}

function tableLatex(table: TableModel): string {
  const total = table.columns.reduce((s, c) => s + c.width, 0) || 1;
  // Column widths add up to exactly \\linewidth (each column's own padding included).
  const spec = table.columns.map((c) => `>{\\raggedright\\arraybackslash}p{\\dimexpr ${((c.width / total) * 0.9995).toFixed(4)}\\linewidth-2\\tabcolsep\\relax}`).join('');
  const head = `${table.columns.map((c) => `\\textsf{\\textbf{${escapeLatex(c.label)}}}${c.note ? `\\newline{\\scriptsize\\emph{${escapeLatex(c.note)}}}` : ''}`).join(' & ')} \\\\`;
  const n = table.columns.length;
  const rows = table.rows.map((row, i) => {
    const rule = i < table.rows.length - 1 ? '\n\\arrayrulecolor{black!35}\\midrule\\arrayrulecolor{black}' : '';
    if ('group' in row) return `\\multicolumn{${n}}{l}{\\cellcolor[HTML]{ECECEC}\\textsf{\\textbf{${escapeLatex(row.group)}}}} \\\\${rule}`;
    return `${row.cells.map(cellLatex).join(' &\n')} \\\\${rule}`;
  });
  // The caption is set above the table rather than with longtable's \\caption (which overfills a full-width table
  // with the caption package); it steps the table counter and goes into the list of tables all the same.
  // A matrix set in parts: the first part steps the counter and is listed; the others continue the same number.
  const part = table.part ? `~(part ${table.part.index} of ${table.part.count})` : '';
  const counter =
    (table.part?.index ?? 1) === 1
      ? `\\refstepcounter{table}\\label{tab:${table.number}}\\addcontentsline{lot}{table}{\\protect\\numberline{\\thetable}${escapeLatex(table.caption)}}`
      : '';
  return `\\par\\medskip\\noindent${counter}%
{\\small\\textbf{Table~\\thetable${part}.} ${escapeLatex(table.caption)}\\par}\\nopagebreak
\\begin{longtable}{${spec}}
\\toprule
${head}
\\midrule
\\endfirsthead
\\multicolumn{${n}}{l}{\\footnotesize\\emph{Table \\thetable\\ (continued)}}\\\\
\\toprule
${head}
\\midrule
\\endhead
\\bottomrule
\\endlastfoot
${rows.join('\n')}
\\end{longtable}`;
}

function quotedLatex(item: EvidenceItem, value: string): string {
  const body = escapeLatex(value.trim());
  return item.textKind === 'quote' ? `“${body}”` : `${body} \\emph{(paraphrase)}`;
}

function evidenceLatex(items: EvidenceItem[]): string {
  const lines = items.map((item) => {
    const note = item.cite && item.cite.noteNumber !== null ? citeLatex(item.cite) : '';
    const excerpt = item.translation.trim()
      ? `\\noindent\\begin{minipage}[t]{0.48\\linewidth}{\\scriptsize\\sffamily ORIGINAL${item.language ? ` (${escapeLatex(item.language)})` : ''}}\\newline ${quotedLatex(item, item.text)}\\end{minipage}\\hfill` +
        `\\begin{minipage}[t]{0.48\\linewidth}{\\scriptsize\\sffamily TRANSLATION${item.translationLanguage ? ` (${escapeLatex(item.translationLanguage)})` : ''}}\\newline ${quotedLatex(item, item.translation)}\\end{minipage}${note}`
      : `${quotedLatex(item, item.text)}${note}`;
    const meta = [
      item.attribution ? `\\emph{${escapeLatex(item.attribution)}}` : '',
      item.cite && item.cite.noteNumber === null ? runsLatex(item.cite.runs) : '',
      !item.cite && item.locator ? escapeLatex(item.locator) : '',
    ].filter(Boolean);
    return `\\item ${excerpt}${meta.length ? `\\newline{\\small ${meta.join(' · ')}}` : ''}`;
  });
  return `\\begin{enumerate}\n${lines.join('\n')}\n\\end{enumerate}`;
}

function blockLatex(block: Block): string {
  switch (block.type) {
    case 'title':
      return `{\\sffamily\\bfseries\\LARGE ${escapeLatex(block.text)}\\par}${block.subtitle ? `\n{\\sffamily\\small ${escapeLatex(block.subtitle)}\\par}` : ''}\n\\medskip`;
    case 'heading':
      return `\\${block.level === 2 ? 'subsection' : 'subsubsection'}*{${escapeLatex(block.text)}}`;
    case 'paragraph':
      return `${block.small ? '{\\small ' : ''}${inlineLatex(block.content)}${block.small ? '}' : ''}\\par`;
    case 'status':
      return `\\noindent\\colorbox[HTML]{${(block.status.noData ? '#F4F4F4' : block.status.tint).slice(1)}}{\\parbox{\\dimexpr\\linewidth-2\\fboxsep\\relax}{${statusLatex(block.status)}${block.meta ? `\\quad{\\footnotesize\\sffamily ${escapeLatex(block.meta)}}` : ''}}}\\par\\smallskip`;
    case 'table':
      return tableLatex(block.table);
    case 'tableNotes':
      return `{\\footnotesize\\noindent ${block.legend ? `\\emph{${escapeLatex(block.legendLabel ?? 'Status scale')} (colour and label):} ${block.legend.map((s) => statusLatex(s)).join('\\quad ')}\\par\n` : ''}${block.paragraphs.map((p) => inlineLatex(p)).join('\\par\n')}\\par}\n\\bigskip`;
    case 'fields':
      return `\\begin{description}\n${block.items.map((f) => `\\item[${escapeLatex(f.label)}] ${escapeLatex(f.value)}`).join('\n')}\n\\end{description}`;
    case 'evidence':
      return evidenceLatex(block.items);
    case 'notes':
      // Real footnotes (\footnote) carry the notes.
      return '';
    case 'bibliography':
      return `\\subsection*{${escapeLatex(block.heading)}}
\\begin{list}{}{\\setlength{\\leftmargin}{1.6em}\\setlength{\\itemindent}{-1.6em}\\setlength{\\itemsep}{2pt}\\setlength{\\parsep}{0pt}\\small}
${block.entries.map((e) => `\\item ${runsLatex(e)}`).join('\n')}
\\end{list}`;
  }
}

export interface LatexOptions {
  paper: PaperSize;
  /** The file name of the .bib written beside the .tex. */
  bibFile: string;
}

function hyper(value: string): string {
  return escapeLatex(value).replace(/[“”]/g, '"');
}

export function renderLatex(doc: ExportDocument, options: LatexOptions): { tex: string; bib: string } {
  const unicode = /[^\t\n\r\u0020-\u00ff–—‘’“”•·…†]/.test(documentText(doc));
  const orientations = new Set(doc.sections.map((s) => s.orientation));
  const mixed = orientations.size > 1;
  const pageLandscape = !mixed && orientations.has('landscape');
  const paper = options.paper === 'letter' ? 'letterpaper' : 'a4paper';
  const body = doc.sections
    .map((section, i) => {
      const content = section.blocks.map(blockLatex).filter(Boolean).join('\n\n');
      const wrapped = mixed && section.orientation === 'landscape' ? `\\begin{landscape}\n${content}\n\\end{landscape}` : content;
      return i > 0 ? `\\clearpage\n${wrapped}` : wrapped;
    })
    .join('\n\n');
  const bibBase = options.bibFile.replace(/\.bib$/i, '');
  const tex = `% ${doc.title}
% Exported by Comparanda (${doc.kind}); citations formatted with ${doc.style.title}.
% UTF-8. ${unicode ? 'Compile with XeLaTeX or LuaLaTeX (the text has Cyrillic letters), e.g. latexmk -xelatex' : 'Compile with pdfLaTeX, XeLaTeX or LuaLaTeX, e.g. latexmk -pdf'}.
% The sources cited are in ${options.bibFile} (BibTeX). To let BibLaTeX format them instead of the list below:
%   \\usepackage[style=authoryear]{biblatex} \\addbibresource{${bibBase}.bib} ... \\printbibliography
\\documentclass[10pt]{article}
\\usepackage{iftex}
${
  unicode
    ? `\\RequireTUTeX
\\usepackage{fontspec}
\\IfFontExistsTF{Noto Serif}{\\setmainfont{Noto Serif}}{}
\\IfFontExistsTF{Noto Sans}{\\setsansfont{Noto Sans}}{}`
    : `\\ifPDFTeX
  \\usepackage[utf8]{inputenc}
  \\usepackage[T1]{fontenc}
  \\IfFileExists{lmodern.sty}{\\usepackage{lmodern}}{}
\\else
  \\usepackage{fontspec}
  \\IfFontExistsTF{Noto Serif}{\\setmainfont{Noto Serif}}{}
  \\IfFontExistsTF{Noto Sans}{\\setsansfont{Noto Sans}}{}
\\fi`
}
\\usepackage[${paper}${pageLandscape ? ',landscape' : ''},margin=15mm,top=18mm,bottom=18mm]{geometry}
${mixed ? '\\usepackage{pdflscape}\n' : ''}\\usepackage{array,booktabs,longtable}
\\usepackage[table]{xcolor}
\\usepackage{fancyhdr,lastpage}
\\IfFileExists{xurl.sty}{\\usepackage{xurl}}{}
\\usepackage[hidelinks]{hyperref}
\\hypersetup{pdftitle={${hyper(doc.title)}},pdfauthor={${hyper(doc.author)}},pdfsubject={${hyper(doc.subject)}}}
\\pagestyle{fancy}
\\fancyhf{}
\\renewcommand{\\headrulewidth}{0pt}
\\fancyhead[L]{\\scriptsize\\sffamily ${escapeLatex(doc.runningHead)}}
\\fancyfoot[C]{\\footnotesize\\sffamily \\thepage\\ / \\pageref*{LastPage}}
\\setlength{\\LTleft}{0pt}
\\setlength{\\LTright}{0pt}
\\setlength{\\parindent}{0pt}
\\setlength{\\parskip}{3pt}
\\renewcommand{\\arraystretch}{1.15}
% A status: a square in the status colour and the label (the label carries the meaning in greyscale print).
\\newcommand{\\statusmark}[2]{{\\color[HTML]{#1}\\rule{0.65em}{0.65em}}\\,\\textsf{\\textbf{\\small #2}}}

\\begin{document}

${body}

\\end{document}
`;
  const bib = doc.citedSources.length > 0 ? formatBibliography(doc.citedSources, 'bibtex') : '';
  return { tex, bib };
}
