/**
 * Markdown. A matrix with cases as columns is matrix-format's Markdown table (the one `comparanda matrix` prints),
 * followed by the sources of each cell; other tables are pipe tables of the model. Notes of note styles become
 * Markdown footnotes ([^n]).
 */
import { matrixToMarkdown } from '../matrix-format';
import { isBreak, isCite, type Cite, type Inline, type TextRun } from './inline';
import { tableLabel, type Block, type CellModel, type EvidenceItem, type ExportDocument, type TableModel } from './model';

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

function citeMd(cite: Cite): string {
  return cite.noteNumber !== null ? `[^${cite.noteNumber}]` : ` ${runsMd(cite.runs)}`;
}

function inlineMd(content: readonly Inline[], breakAs = '  \n'): string {
  return content.map((x) => (isCite(x) ? citeMd(x.cite) : isBreak(x) ? breakAs : runMd(x))).join('');
}

const cellSafe = (value: string) => value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function cellMd(cell: CellModel): string {
  const parts: string[] = [];
  if (cell.status) parts.push(`**${escape(cell.status.label)}**${cell.meta ? ` (${escape(cell.meta)})` : ''}`);
  const body = inlineMd(cell.content, '<br>') + (cell.cite ? citeMd(cell.cite) : '');
  if (body.trim()) parts.push(body.trim());
  return cellSafe(parts.join(': '));
}

function tableMd(table: TableModel): string {
  const lines = [`**${tableLabel(table)}.** ${escape(table.caption)}`, ''];
  if (table.matrix && table.matrix.layout === 'cases-as-columns') {
    // matrix-format's table, without its "### norm" heading (the caption says it).
    lines.push(matrixToMarkdown([table.matrix.table]).replace(/^### .*\n\n/, '').trimEnd());
    const sources = table.rows.flatMap((row) => {
      if (!('cells' in row)) return [];
      const stage = row.cells[0] ? inlineMd(row.cells[0].content).replace(/\*\*/g, '') : '';
      return row.cells.slice(1).flatMap((cell, i) => (cell.cite ? [`- ${escape(table.matrix!.table.cases[i]?.name ?? '')}, ${stage}${cell.cite.noteNumber !== null ? '' : ':'}${citeMd(cell.cite)}`] : []));
    });
    if (sources.length > 0) lines.push('', '*Sources by cell:*', '', ...sources);
    return lines.join('\n');
  }
  const head = table.columns.map((c) => cellSafe(c.note ? `${c.label} (${c.note})` : c.label));
  lines.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
  for (const row of table.rows) {
    if ('group' in row) lines.push(`| **${cellSafe(escape(row.group))}** |${' |'.repeat(Math.max(0, table.columns.length - 1))}`);
    else lines.push(`| ${row.cells.map(cellMd).join(' | ')} |`);
  }
  return lines.join('\n');
}

function evidenceMd(items: EvidenceItem[]): string {
  return items
    .map((item, i) => {
      const text = (value: string) => escape(value.trim()).replace(/\r?\n/g, ' ');
      const body = item.textKind === 'quote' ? `“${text(item.text)}”` : `${text(item.text)} *(paraphrase)*`;
      const translation = item.translation.trim()
        ? `\n   Translation${item.translationLanguage ? ` (${item.translationLanguage})` : ''}: ${item.textKind === 'quote' ? `“${text(item.translation)}”` : text(item.translation)}`
        : '';
      const note = item.cite && item.cite.noteNumber !== null ? citeMd(item.cite) : '';
      const meta = [item.attribution ? `*${escape(item.attribution)}*` : '', item.cite ? (item.cite.noteNumber === null ? runsMd(item.cite.runs) : '') : escape(item.locator)]
        .filter(Boolean)
        .join(' · ');
      return `${i + 1}. ${body}${item.language && item.translation.trim() ? ` (${item.language})` : ''}${translation}${note}${meta ? `\n   ${meta}` : ''}`;
    })
    .join('\n');
}

function blockMd(block: Block): string {
  switch (block.type) {
    case 'title':
      return `# ${escape(block.text)}${block.subtitle ? `\n\n*${escape(block.subtitle)}*` : ''}`;
    case 'heading':
      return `${'#'.repeat(block.level)} ${escape(block.text)}`;
    case 'paragraph':
      return inlineMd(block.content);
    case 'status':
      return `**${escape(block.status.label)}**${block.meta ? ` (${escape(block.meta)})` : ''}`;
    case 'table':
      return tableMd(block.table);
    case 'tableNotes':
      return [
        ...(block.legend ? [`*${escape(block.legendLabel ?? 'Status scale')}:* ${block.legend.map((s) => escape(s.label)).join(' · ')}`] : []),
        ...block.paragraphs.map((p) => inlineMd(p)),
      ].join('\n\n');
    case 'fields':
      return block.items.map((f) => `- **${escape(f.label)}:** ${escape(f.value)}`).join('\n');
    case 'evidence':
      return evidenceMd(block.items);
    case 'notes':
      return block.cites.map((c) => `[^${c.noteNumber}]: ${runsMd(c.runs)}`).join('\n');
    case 'bibliography':
      return [`## ${escape(block.heading)}`, '', ...block.entries.map((e) => `${runsMd(e)}\n`)].join('\n').trimEnd();
  }
}

export function renderMarkdown(doc: ExportDocument): string {
  const blocks = doc.sections.flatMap((s) => s.blocks);
  const hasTitle = blocks[0]?.type === 'title';
  const parts = [...(hasTitle ? [] : [`# ${escape(doc.title)}`]), ...blocks.map(blockMd)];
  return `${parts.filter((p) => p.trim() !== '').join('\n\n')}\n`;
}
