import type { ApiInput, ExportKindDto, JobDto } from '../contract/api';
import { exportKinds, exportProject, buildExportDocument, renderHtml, playwrightPrinter, type PdfPrinter } from './export';
import type { Session } from './session';

/** The export kinds for the export dialog. */
export function listExportKinds(): ExportKindDto[] {
  return exportKinds().map((k) => ({ kind: k.kind, label: k.label, description: k.description, formats: [...k.formats], unavailable: k.unavailable }));
}

/**
 * Runs an export as a job: progress by phase, cancellable, never blocking the app. PDFs are printed by the host's
 * printer (Electron's printToPDF in the app) or, in the browser transport and the CLI, by Chromium through Playwright.
 */
export function startExport(session: Session, input: ApiInput<'export.run'>, printer?: () => PdfPrinter): JobDto {
  const project = session.requireProject();
  const { path: out, ...request } = input;
  const phases = ['prepare', 'cite', 'render', 'print', 'check', 'write'] as const;
  return session.jobs.start('export', `Export ${request.what} as ${request.format.toUpperCase()}`, async ({ signal, progress }) => {
    const own = request.format === 'pdf' && !printer ? playwrightPrinter() : undefined;
    try {
      const result = await exportProject(
        project,
        {
          ...request,
          out,
          signal,
          onProgress: (p) => progress(phases.indexOf(p.phase) + 1, phases.length, p.text),
        },
        own ?? printer?.(),
      );
      return { files: result.files, warnings: result.warnings };
    } finally {
      await own?.close();
    }
  });
}

/** The HTML a PDF export is printed from, for the export dialog's preview. */
export async function previewExport(session: Session, input: ApiInput<'export.preview'>): Promise<{ html: string }> {
  const project = session.requireProject();
  const document = await buildExportDocument(project, { ...input, format: 'pdf', out: '' });
  return { html: renderHtml(document, { paper: input.paper ?? 'a4', noteMarks: input.noteMarks }).html };
}
