/**
 * Issue 21, the QCA view's methods: sets defined from the sample's matrix, calibrated, analysed (necessity, truth
 * table) and minimised as a job whose solutions are those the analysis functions give; a cancelled job ends without
 * a result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JobDto } from '../../electron/contract/api';
import type { QcaAnalysisDto, QcaCalibratedRowDto, QcaSetDto, QcaXyDto } from '../../electron/contract/qca';
import { minimize } from '../../electron/core/qca/analysis';
import { analysisData } from '../../electron/core/qca/api';
import { sampleSession } from '../helpers/sample-session';

let opened: ReturnType<typeof sampleSession> | undefined;
afterEach(() => {
  opened?.session.close();
  opened = undefined;
});

/** The sample's crisp analysis: was acceptance reached at stage 2 of the observation norm (Kazakhstan yes, Belarus "unclear")? */
async function crispSample() {
  opened = sampleSession();
  const { session, call } = opened;
  const o = session.requireProject().overview();
  const [obs, ffv] = o.norms;
  const stages = o.frameworks[0]!.stages;
  const cell = (name: string, normId: string, stage: number, role: 'condition' | 'outcome' = 'condition') =>
    call<QcaSetDto>('qca.saveSet', { name, role, source: { kind: 'cell', normId, stageId: stages[stage]!.id, statuses: ['reached'] }, calibration: { method: 'crisp', thresholds: [1] } });
  const outcome = await cell('OBS2', obs!.id, 1, 'outcome');
  await cell('FFV1', ffv!.id, 0);
  // Kazakhstan is the focal case of six claims, Belarus of one: two or more count.
  const claims = await call<QcaSetDto>('qca.saveSet', { name: 'CLAIMS', source: { kind: 'claims' }, calibration: { method: 'crisp', thresholds: [2] } });
  return { ...opened, outcome, claims, cases: o.cases.filter((c) => !c.archived) };
}

async function finished(call: <T>(m: string, i: unknown) => Promise<T>, job: JobDto): Promise<JobDto> {
  for (let i = 0; i < 500 && job.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 10));
    job = await call<JobDto>('jobs.get', { id: job.id });
  }
  return job;
}

describe('the QCA view over the API', () => {
  it('lists sets and their calibrated memberships with the evidence behind each', async () => {
    const { call, outcome, cases } = await crispSample();
    expect((await call<QcaSetDto[]>('qca.sets', {})).map((s) => `${s.name}:${s.role}`)).toEqual(['OBS2:outcome', 'FFV1:condition', 'CLAIMS:condition']);
    const rows = await call<QcaCalibratedRowDto[]>('qca.calibrated', { setId: outcome.id });
    expect(rows.map((r) => [r.caseName, r.raw, r.score])).toEqual([
      [cases[0]!.name, 1, 1],
      [cases[1]!.name, 0, 0],
    ]);
    expect(rows[0]!.evidence).toMatchObject({ kind: 'cell', label: 'stage status "reached"' });
    expect(rows[0]!.evidence.cellId).toBeTruthy();
  });

  it('analyses a definition and minimises it as a job, to the solutions of the analysis functions', async () => {
    const { call, session } = await crispSample();
    const definition = { outcome: 'OBS2', conditions: ['FFV1', 'CLAIMS'] };
    const analysis = await call<QcaAnalysisDto>('qca.analyse', definition);
    expect(analysis.truthTable.rows.map((r) => [r.values.join(''), r.out, r.cases])).toEqual([
      ['10', '0', ['Belarus']],
      ['11', '1', ['Kazakhstan']],
    ]);
    expect(analysis.necessity.map((r) => r.condition)).toEqual(['FFV1', '~FFV1', 'CLAIMS', '~CLAIMS']);

    for (const solution of ['conservative', 'parsimonious'] as const) {
      const job = await finished(call, await call<JobDto>('qca.minimize', { ...definition, solution }));
      expect(job.state).toBe('done');
      expect(job.kind).toBe('qca');
      const direct = minimize(analysisData(session.requireProject(), definition), { include: solution === 'parsimonious' ? '?' : '' });
      expect(job.result?.qca?.solutions.map((s) => s.models.map((m) => m.terms))).toEqual(direct.solutions.map((s) => s.models.map((m) => m.terms)));
    }
    const pars = await finished(call, await call<JobDto>('qca.minimize', { ...definition, solution: 'parsimonious' }));
    expect(pars.result?.qca?.solutions[0]?.models[0]?.terms).toEqual(['CLAIMS']);
    const inter = await finished(call, await call<JobDto>('qca.minimize', { ...definition, solution: 'intermediate', dirExp: { FFV1: 1, CLAIMS: 1 } }));
    expect(inter.state).toBe('done');
    expect(inter.done).toBe(inter.total);
    expect(inter.result?.qca?.solutions[0]?.kind).toBe('intermediate');
  });

  it('plots a term of the solution against the outcome, with the fit the minimisation gives it and each case\'s id', async () => {
    const { call, cases } = await crispSample();
    const definition = { outcome: 'OBS2', conditions: ['FFV1', 'CLAIMS'] };
    const job = await finished(call, await call<JobDto>('qca.minimize', { ...definition, solution: 'parsimonious' }));
    const model = job.result!.qca!.solutions[0]!.models[0]!;
    const plot = await call<QcaXyDto>('qca.xyPlot', { ...definition, expression: model.terms[0]! });
    expect(plot.points.map((p) => [p.caseId, p.caseName, p.x, p.y, p.consistent])).toEqual([
      [cases[0]!.id, 'Kazakhstan', 1, 1, true],
      [cases[1]!.id, 'Belarus', 0, 0, true],
    ]);
    const { inclS, PRI, covS } = model.termFits[model.terms[0]!]!;
    expect(plot.fit).toEqual({ inclS, PRI, covS });
    const negated = await call<QcaXyDto>('qca.xyPlot', { ...definition, outcome: '~OBS2', expression: 'FFV1' });
    expect(negated.points.map((p) => p.y)).toEqual([0, 1]);
    await expect(call('qca.xyPlot', { ...definition, expression: 'NOPE' })).rejects.toThrow(/not one of the conditions/);
  });

  it('stops a minimisation that is cancelled, without a result', async () => {
    const { call } = await crispSample();
    const started = await call<JobDto>('qca.minimize', { outcome: 'OBS2', conditions: ['FFV1', 'CLAIMS'], solution: 'conservative' });
    await call<JobDto>('jobs.cancel', { id: started.id });
    const job = await finished(call, started);
    expect(job.state).toBe('cancelled');
    expect(job.result).toBeNull();
  });

  it('refuses a definition whose outcome is also a condition, or an intermediate solution without expectations', async () => {
    const { call } = await crispSample();
    await expect(call('qca.analyse', { outcome: 'OBS2', conditions: ['OBS2', 'FFV1'] })).rejects.toThrow(/OBS2 is the outcome/);
    await expect(call('qca.minimize', { outcome: 'OBS2', conditions: ['FFV1', 'CLAIMS'], solution: 'intermediate' })).rejects.toThrow(/directional expectation/);
  });
});
