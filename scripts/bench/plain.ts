/**
 * The physical baselines' documents: the same matrix text as plain HTML tables (for Chromium to render or print)
 * and as a plain Word table, with nothing of the product's model, styling, citations or checks.
 */
import { Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { plain } from '../../electron/core/export/inline';
import type { ExportDocument } from '../../electron/core/export/model';
import type { MatrixTable } from '../../electron/core/matrix';

const MODES: Record<string, string> = { discourse: 'discourse', practice: 'practice', both: 'discourse and practice' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Markdown as the reader sees it: markers dropped, link text kept. */
export function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/^[-*+]\s+/gm, '• ');
}

function statusLabel(table: MatrixTable, key: string | undefined): string {
  if (!key) return 'No data';
  return table.framework.statuses.find((s) => s.key === key)?.label ?? key;
}

/** What the matrix grid shows in a cell: status (and mode), and the summary's first line. */
export function gridCellText(table: MatrixTable, cell: MatrixTable['rows'][number]['cells'][number]): { status: string; line: string } {
  const status = `${statusLabel(table, cell?.status)}${cell?.mode ? ` · ${MODES[cell.mode]}` : ''}`;
  const first = (cell?.summary ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  return { status, line: plainMarkdown(first.replace(/^([-*+]|\d+[.)])\s+/, '')) };
}

/** A plain static table of the grid as the workbench shows it: one block per norm, cases as columns. */
export function staticGridHtml(tables: readonly MatrixTable[]): string {
  const body = tables
    .map((t) => {
      const head = `<tr><th>Stage</th>${t.cases.map((c) => `<th>${escapeHtml(c.name)}</th>`).join('')}</tr>`;
      const rows = t.rows
        .map(
          (r) =>
            `<tr><th>${r.stage.position} ${escapeHtml(r.stage.label)}</th>${r.cells
              .map((cell) => {
                const { status, line } = gridCellText(t, cell);
                return `<td><span>${escapeHtml(status)}</span><span>${escapeHtml(line)}</span></td>`;
              })
              .join('')}</tr>`,
        )
        .join('');
      return `${tables.length > 1 ? `<tr><th colspan="${t.cases.length + 1}">${escapeHtml(t.norm.label)}</th></tr>` : ''}${head}${rows}`;
    })
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
table { border-collapse: collapse; font: 13px sans-serif; }
th, td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; min-width: 160px; }
td span { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 220px; }
</style></head><body><table>${body}</table></body></html>`;
}

function cellText(table: MatrixTable, cell: MatrixTable['rows'][number]['cells'][number]): { head: string; meta: string; body: string } {
  const head = `${statusLabel(table, cell?.status)}${cell?.mode ? ` · ${MODES[cell.mode]}` : ''}`;
  const meta = cell ? [cell.periodFrom !== null ? `${cell.periodFrom}–${cell.periodTo ?? ''}` : '', cell.confidence ? `confidence ${cell.confidence}` : ''].filter(Boolean).join(' · ') : '';
  return { head, meta, body: plainMarkdown(cell?.summary ?? '') };
}

/**
 * The text an export carries besides its tables: the citation notes and the bibliography, as plain paragraphs (so
 * that the baseline prints as much text as the product, without the product's model or typography).
 */
export function notesAndBibliography(doc: ExportDocument): string[] {
  const out: string[] = [];
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      if (block.type === 'table') {
        for (const row of block.table.rows) if ('cells' in row) for (const cell of row.cells) if (cell.cite) out.push(plain(cell.cite.runs));
      } else if (block.type === 'notes') {
        for (const cite of block.cites) out.push(plain(cite.runs));
      } else if (block.type === 'bibliography') {
        out.push(block.heading, ...block.entries.map((e) => plain(e)));
      }
    }
  }
  return out;
}

/** The printed matrix as plain HTML: one landscape table per norm (status, period, full summary), then the notes. */
export function printHtml(tables: readonly MatrixTable[], appendix: readonly string[] = []): string {
  const body = tables
    .map((t) => {
      const head = `<tr><th>Stage</th>${t.cases.map((c) => `<th>${escapeHtml(c.name)}</th>`).join('')}</tr>`;
      const rows = t.rows
        .map(
          (r) =>
            `<tr><th>${r.stage.position}. ${escapeHtml(r.stage.label)}</th>${r.cells
              .map((cell) => {
                const { head: h, meta, body: b } = cellText(t, cell);
                return `<td><b>${escapeHtml(h)}</b><br>${escapeHtml(meta)}<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p></td>`;
              })
              .join('')}</tr>`,
        )
        .join('');
      return `<h2>${escapeHtml(t.norm.label)}</h2><table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
    })
    .join('');
  const notes = appendix.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4 landscape; margin: 15mm; }
body { font: 7pt/1.3 serif; }
h2 { break-before: page; font-size: 11pt; }
h2:first-child { break-before: auto; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #999; padding: 2pt; vertical-align: top; overflow-wrap: anywhere; }
p { margin: 2pt 0 0; }
</style></head><body>${body}${notes}</body></html>`;
}

/** The same content as a plain Word document: a heading and a table per norm, landscape. */
export async function plainDocx(tables: readonly MatrixTable[], appendix: readonly string[] = []): Promise<Buffer> {
  const children = tables.flatMap((t) => {
    const header = new TableRow({
      tableHeader: true,
      children: [new TableCell({ children: [new Paragraph('Stage')] }), ...t.cases.map((c) => new TableCell({ children: [new Paragraph(c.name)] }))],
    });
    const rows = t.rows.map(
      (r) =>
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph(`${r.stage.position}. ${r.stage.label}`)] }),
            ...r.cells.map((cell) => {
              const { head, meta, body } = cellText(t, cell);
              return new TableCell({
                children: [new Paragraph({ children: [new TextRun({ text: head, bold: true })] }), new Paragraph(meta), ...body.split('\n').map((line) => new Paragraph(line))],
              });
            }),
          ],
        }),
    );
    return [new Paragraph({ children: [new TextRun({ text: t.norm.label, bold: true })] }), new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } })];
  });
  children.push(...appendix.map((p) => new Paragraph(p)));
  const doc = new Document({ sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }] });
  return Packer.toBuffer(doc);
}
