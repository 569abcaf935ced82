/**
 * Exports in a process of its own (run by phases/export.ts for the all-norms matrix, whose time grows faster than
 * its size): the parent can stop it at a time budget, keeping the samples already printed. One JSON line per export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportProject, playwrightPrinter, type ExportFormat, type ExportOptions } from '../../electron/core/export';
import { Project } from '../../electron/core/project';
import { useBuiltCitationWorker } from './context';

interface Args {
  file: string;
  format: ExportFormat;
  norms: string[];
  runs: number;
  outDir: string;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as Args;
  useBuiltCitationWorker();
  const project = Project.open(args.file, { readonly: true });
  const printer = args.format === 'pdf' ? playwrightPrinter() : undefined;
  try {
    for (let i = 0; i < args.runs; i++) {
      const out = path.join(args.outDir, `export-child-${process.pid}-${i}.${args.format}`);
      const marks: { phase: string; at: number }[] = [];
      const options: ExportOptions = { what: 'matrix', format: args.format, out, norms: args.norms, onProgress: (p) => marks.push({ phase: p.phase, at: performance.now() }) };
      const t0 = performance.now();
      const result = await exportProject(project, options, printer);
      const ms = performance.now() - t0;
      fs.rmSync(out, { force: true });
      const phases: Record<string, number> = {};
      marks.forEach((m, j) => {
        phases[m.phase] = (marks[j + 1]?.at ?? t0 + ms) - m.at;
      });
      const peak = /^VmHWM:\s+(\d+) kB/m.exec(fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '');
      process.stdout.write(`${JSON.stringify({ ms, bytes: result.files[0]?.bytes ?? 0, phases, peakMb: peak ? Number(peak[1]) / 1024 : null })}\n`);
    }
  } finally {
    await printer?.close();
    project.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
