/**
 * Markdown. A matrix with cases as columns is matrix-format's Markdown table (the one `comparanda matrix` prints),
 * followed by the sources of each cell; other tables are pipe tables of the model. Notes of note styles are table
 * notes marked with superscript letters (`^a^`, Pandoc's superscript; the notes follow the table as "^a^ text"), so
 * that Pandoc does not merge them into the article's footnotes; with numbers asked for they are Markdown footnotes
 * ([^n]).
 *
 * A pipe table's row is one line, so a cell cannot hold a line break; raw `<br>` is dropped by Pandoc for every
 * output but HTML (the lines then run together). The lines of a cell are joined with "; " instead (or a space after
 * a line's own closing punctuation), which reads the same in every output.
 */
import { matrixToMarkdown } from '../matrix-format';
import { isBreak, isCite, type Cite, type Inline, type TextRun } from './inline';
import { messagesFor, type ExportMessages } from './i18n';
import { contentWithCite, markOf, noteMarksOf, tableLabel, type Block, type CellModel, type EvidenceItem, type ExportDocument, type NoteMarks, type TableModel } from './model';

/** The marks of lettered notes by cite id (empty: numbered Markdown footnotes). */
type Letters = ReadonlyMap<string, string>;

function escape(value: string): string {
  return value.replace(/([\\`*_[\]<>])/g, '\\$1');
}

function runMd(run: TextRun): string {
  const body = escape(run.text);
  if (!body.trim()) return body;
  const lead = /^\s*/.exec(body)![0];
  const trail = /\s*$/.exec(body)![0];
  const core = body.trim();
  if (run.bold && run.italic) return `${lead}***${core}***${trail}`;
  if (run.bold) return `${lead}**${core}**${trail}`;
  if (run.italic) return `${lead}*${core}*${trail}`;
  return body;
}

const runsMd = (runs: readonly TextRun[]) => runs.map(runMd).join('');

function citeMd(cite: Cite, letters: Letters): string {
  if (cite.noteNumber === null) return ` ${runsMd(cite.runs)}`;
  return letters.has(cite.id) ? `^${markOf(letters, cite)}^` : `[^${cite.noteNumber}]`;
}

function inlineMd(content: readonly Inline[], letters: Letters, breakAs = '  \n'): string {
  return content.map((x) => (isCite(x) ? citeMd(x.cite, letters) : isBreak(x) ? breakAs : runMd(x))).join('');
}

/** The lines of a cell on one line: "; " between them, or a space after a line's own closing punctuation. */
function joinLines(value: string): string {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .reduce((out, line) => (out === '' ? line : /[.;:!?,]\**$/.test(out) ? `${out} ${line}` : `${out}; ${line}`), '');
}

const cellSafe = (value: string) => value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function cellMd(cell: CellModel, letters: Letters): string {
  const parts: string[] = [];
  if (cell.status) parts.push(`**${escape(cell.status.label)}**${cell.meta ? ` (${escape(cell.meta)})` : ''}`);
  const body = joinLines(inlineMd(contentWithCite(cell.content, cell.cite), letters, '\n'));
  if (body.trim()) parts.push(body.trim());
  return cellSafe(parts.join(': '));
}

function tableMd(table: TableModel, letters: Letters, m: ExportMessages): string {
  const lines = [`**${escape(tableLabel(table, m))}.** ${escape(table.caption)}`, ''];
  // matrix-format's table is English (its header and the framework's own labels): other languages use the model's.
  if (table.matrix && table.matrix.layout === 'cases-as-columns' && m.language === 'en') {
    // matrix-format's table, without its "### norm" heading (the caption says it).
    lines.push(matrixToMarkdown([table.matrix.table]).replace(/^### .*\n\n/, '').trimEnd());
    const sources = table.rows.flatMap((row) => {
      if (!('cells' in row)) return [];
      const stage = row.cells[0] ? inlineMd(row.cells[0].content, letters).replace(/\*\*/g, '') : '';
      return row.cells.slice(1).flatMap((cell, i) => (cell.cite ? [`- ${escape(table.matrix!.table.cases[i]?.name ?? '')}, ${stage}${cell.cite.noteNumber !== null ? '' : ':'}${citeMd(cell.cite, letters)}`] : []));
    });
    if (sources.length > 0) lines.push('', '*Sources by cell:*', '', ...sources);
    return lines.join('\n');
  }
  const head = table.columns.map((c) => cellSafe(c.note ? `${c.label} (${c.note})` : c.label));
  lines.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
  for (const row of table.rows) {
    if ('group' in row) lines.push(`| **${cellSafe(escape(row.group))}** |${' |'.repeat(Math.max(0, table.columns.length - 1))}`);
    else lines.push(`| ${row.cells.map((cell) => cellMd(cell, letters)).join(' | ')} |`);
  }
  return lines.join('\n');
}

function evidenceMd(items: EvidenceItem[], letters: Letters, m: ExportMessages): string {
  return items
    .map((item, i) => {
      const text = (value: string) => escape(value.trim()).replace(/\r?\n/g, ' ');
      const body = item.textKind === 'quote' ? `“${text(item.text)}”` : `${text(item.text)} *(${m.paraphrase})*`;
      const translation = item.translation.trim()
        ? `\n   ${m.translation}${item.translationLanguage ? ` (${item.translationLanguage})` : ''}: ${item.textKind === 'quote' ? `“${text(item.translation)}”` : text(item.translation)}`
        : '';
      const note = item.cite && item.cite.noteNumber !== null ? citeMd(item.cite, letters) : '';
      const meta = [item.attribution ? `*${escape(item.attribution)}*` : '', item.cite ? (item.cite.noteNumber === null ? runsMd(item.cite.runs) : '') : escape(item.locator)]
        .filter(Boolean)
        .join(' · ');
      return `${i + 1}. ${body}${item.language && item.translation.trim() ? ` (${item.language})` : ''}${translation}${note}${meta ? `\n   ${meta}` : ''}`;
    })
    .join('\n');
}

function blockMd(block: Block, letters: Letters, m: ExportMessages): string {
  switch (block.type) {
    case 'title':
      return `# ${escape(block.text)}${block.subtitle ? `\n\n*${escape(block.subtitle)}*` : ''}`;
    case 'heading':
      return `${'#'.repeat(block.level)} ${escape(block.text)}`;
    case 'paragraph':
      return inlineMd(block.content, letters);
    case 'status':
      return `**${escape(block.status.label)}**${block.meta ? ` (${escape(block.meta)})` : ''}`;
    case 'table':
      return tableMd(block.table, letters, m);
    case 'tableNotes':
      return [
        ...(block.legend ? [`*${escape(block.legendLabel ?? m.statusScale)}:* ${block.legend.map((s) => escape(s.label)).join(' · ')}`] : []),
        ...block.paragraphs.map((p) => inlineMd(p, letters)),
      ].join('\n\n');
    case 'fields':
      return block.items.map((f) => `- **${escape(f.label)}:** ${escape(f.value)}`).join('\n');
    case 'evidence':
      return evidenceMd(block.items, letters, m);
    case 'notes':
      // Lettered notes are paragraphs under the table; numbered ones are footnote definitions.
      return block.cites.map((c) => (letters.has(c.id) ? `^${markOf(letters, c)}^ ${runsMd(c.runs)}` : `[^${c.noteNumber}]: ${runsMd(c.runs)}`)).join('\n\n');
    case 'bibliography':
      return [`## ${escape(block.heading)}`, '', ...block.entries.map((e) => `${runsMd(e)}\n`)].join('\n').trimEnd();
  }
}

export interface MarkdownOptions {
  /** Default letters. */
  noteMarks?: NoteMarks | undefined;
}

export function renderMarkdown(doc: ExportDocument, options: MarkdownOptions = {}): string {
  const letters: Letters = (options.noteMarks ?? 'letters') === 'letters' ? noteMarksOf(doc, 'letters') : new Map();
  const blocks = doc.sections.flatMap((s) => s.blocks);
  const hasTitle = blocks[0]?.type === 'title';
  const parts = [...(hasTitle ? [] : [`# ${escape(doc.title)}`]), ...blocks.map((b) => blockMd(b, letters, messagesFor(doc.language)))];
  return `${parts.filter((p) => p.trim() !== '').join('\n\n')}\n`;
}
