/**
 * The matrix data query: cells.list for one norm and for all norms through the dispatcher (zod validation of the
 * input, the handler, the envelope) and serialised to JSON as both transports do, against the raw SQL that returns
 * the same rows. Cheap in-process calls are sampled 10 times per run.
 */
import Database from 'better-sqlite3';
import type { NormDto, ProjectOverview } from '../../../electron/contract/api';
import { inputSchemas } from '../../../electron/contract/schemas';
import { result, type BenchContext, type OpenSession } from '../context';
import { figure } from '../report';
import { median } from '../stats';

const WARMUP = 3;
const PER_RUN = 10;

export async function benchQuery(ctx: BenchContext, open: OpenSession): Promise<void> {
  const overview = result<ProjectOverview>(await open.dispatch('project.overview', {}), 'project.overview');
  const norm: NormDto = overview.norms[0]!;
  const raw = new Database(ctx.workFile, { readonly: true });
  try {
    const rawOne = raw.prepare('SELECT * FROM cells WHERE norm_id = ? AND archived_at IS NULL');
    const rawAll = raw.prepare('SELECT * FROM cells WHERE archived_at IS NULL');
    const project = open.session.requireProject();
    const cases = [
      { id: 'one', label: `cells.list, one norm (${ctx.size.cases * ctx.size.stages} cells)`, input: { normId: norm.id }, raw: () => rawOne.all(norm.id) },
      { id: 'all', label: `cells.list, all norms (${ctx.size.cases * ctx.size.stages * ctx.size.norms} cells)`, input: {}, raw: () => rawAll.all() },
    ];
    for (const c of cases) {
      const product: number[] = [];
      const baseline: number[] = [];
      const handler: number[] = [];
      const serialise: number[] = [];
      const validate: number[] = [];
      let bytes = 0;
      let rows = 0;
      for (let i = 0; i < WARMUP + ctx.runs * PER_RUN; i++) {
        const t0 = performance.now();
        const envelope = await open.dispatch('cells.list', c.input);
        const json = JSON.stringify(envelope);
        const t1 = performance.now();
        const r = c.raw();
        const t2 = performance.now();
        // The parts of the product figure, measured apart.
        inputSchemas['cells.list'].safeParse(c.input);
        const t3 = performance.now();
        const list = project.cells((c.input as { normId?: string }).normId);
        const t4 = performance.now();
        JSON.stringify({ ok: true, result: list });
        const t5 = performance.now();
        if (i < WARMUP) continue;
        product.push(t1 - t0);
        baseline.push(t2 - t1);
        validate.push(t3 - t2);
        handler.push(t4 - t3);
        serialise.push(t5 - t4);
        bytes = json.length;
        rows = r.length;
        if (result<unknown[]>(envelope, 'cells.list').length !== rows) throw new Error(`cells.list answered ${result<unknown[]>(envelope, 'cells.list').length} cells, the raw query ${rows}.`);
      }
      ctx.figures.push(
        figure({
          id: `cells.${c.id}`,
          label: c.label,
          samples: product,
          baseline: { label: 'raw SELECT of the same rows', samples: baseline },
          breakdown: { 'zod input': median(validate), 'handler (SQL + DTOs)': median(handler), 'JSON.stringify': median(serialise), 'JSON bytes': bytes },
        }),
      );
    }
  } finally {
    raw.close();
  }
}
