import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_KINDS } from '../../electron/contract/api';
import * as context from '../../electron/core/context';
import { exportCsv, importCsv, previewCsv } from '../../electron/core/csv-data';
import * as edit from '../../electron/core/edit';
import { Project } from '../../electron/core/project';
import * as record from '../../electron/core/record';
import { writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';
import { errorOf } from '../helpers/errors';

function sample() {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  const p = Project.open(file);
  const o = p.overview();
  return { p, o, kaz: o.cases[0]!, blr: o.cases[1]!, obs: o.norms[0]!, stages: o.frameworks[0]!.stages };
}


describe('the sample observation record and claims', () => {
  it('holds the elections of both cases with ODIHR, CIS and SCO verdicts side by side', () => {
    const { p, kaz, blr } = sample();
    const elections = record.listElections(p);
    expect(elections.filter((e) => e.caseId === kaz.id)).toHaveLength(15);
    expect(elections.filter((e) => e.caseId === blr.id)).toHaveLength(13);
    const kaz2012 = elections.find((e) => e.caseId === kaz.id && e.date === '2012-01-15')!;
    expect(kaz2012.missions.map((m) => m.organisation).sort()).toEqual(['CIS', 'OSCE/ODIHR', 'SCO']);
    const odihr = kaz2012.missions.find((m) => m.organisation === 'OSCE/ODIHR')!;
    expect(odihr.verdictQuote).toMatch(/did not meet fundamental principles/);
    expect(odihr.findings.length).toBeGreaterThan(0);
    const blr2020 = elections.find((e) => e.caseId === blr.id && e.date === '2020-08-09')!;
    expect(blr2020.missions[0]).toMatchObject({ organisation: 'OSCE/ODIHR', missionType: 'none', reason: expect.stringMatching(/no timely invitation/) });
    p.close();
  });

  it('tests "Belarus was judged more leniently" against both countries’ verdicts', () => {
    const { p, kaz, blr, obs, stages } = sample();
    const claim = record.listClaims(p).find((c) => c.comparatorCaseIds.includes(blr.id) && c.focalCaseId === kaz.id)!;
    expect(claim).toMatchObject({ assessment: 'not-supported', normId: obs.id, stageId: stages[2]!.id, statementKind: 'paraphrase' });
    const missions = record.listElections(p).flatMap((e) => e.missions.map((m) => ({ ...m, caseId: e.caseId })));
    const compared = claim.missionIds.map((id) => missions.find((m) => m.id === id)!);
    expect(new Set(compared.map((m) => m.caseId))).toEqual(new Set([kaz.id, blr.id]));
    expect(compared.every((m) => m.organisation === 'OSCE/ODIHR')).toBe(true);
    // The Poland claim: its premise is contested, and it is first in the verification list.
    const poland = record.listClaims(p).find((c) => /Poland/.test(c.statement))!;
    expect(poland).toMatchObject({ verification: 'contested', assessment: 'not-supported', comparatorNote: expect.stringMatching(/POL/) });
    const { items, flags } = context.listUnverified(p);
    expect(items[0]?.verification).toBe('contested');
    expect(items.some((i) => i.id === poland.id)).toBe(true);
    expect(flags.find((f) => f.issue.startsWith('VF-12'))).toMatchObject({ targetType: 'claim', targetId: claim.id });
    expect(flags.some((f) => /ODHIR/.test(f.issue))).toBe(true); // the article's own errors are flagged too
    p.close();
  });

  it('changes a claim’s verdict, undoably', () => {
    const { p } = sample();
    const claim = record.listClaims(p)[1]!;
    const changed = record.saveClaim(p, { id: claim.id, claimant: claim.claimant, statement: claim.statement, assessment: 'partly-supported', reasoning: 'New evidence.' });
    expect(changed).toMatchObject({ assessment: 'partly-supported', reasoning: 'New evidence.', missionIds: claim.missionIds, comparatorCaseIds: claim.comparatorCaseIds });
    p.history.undo();
    expect(record.listClaims(p)[1]).toEqual(claim);
    p.close();
  });

  it('places each case in the regional context: organisations, norms, instruments, memberships, linked cells', () => {
    const { p, kaz, blr, obs, stages } = sample();
    const ctx = context.getContext(p);
    expect(ctx.organisations.map((o) => o.name)).toEqual(['CIS', 'OSCE', 'SCO']);
    const sco = ctx.organisations.find((o) => o.name === 'SCO')!;
    expect(ctx.memberships.filter((m) => m.caseId === blr.id && m.organisationId === sco.id).map((m) => m.status)).toEqual(['dialogue-partner', 'observer', 'member']);
    expect(ctx.memberships.find((m) => m.caseId === kaz.id && m.organisationId === sco.id)?.status).toBe('founding-member');
    const charter = ctx.instruments.find((i) => /Charter/.test(i.title))!;
    const sovereignty = ctx.regionalNorms.find((n) => n.instrumentIds.includes(charter.id))!;
    expect(sovereignty.label).toMatch(/non-interference/);
    const contestation = p.cells(obs.id).find((c) => c.caseId === kaz.id && c.stageId === stages[3]!.id)!;
    expect(sovereignty.cellIds).toContain(contestation.id);
    p.close();
  });

  it('holds indicators per case and year on their own scales', () => {
    const { p, kaz, blr } = sample();
    const vdem = context.listIndicators(p).find((i) => i.name.startsWith('V-Dem'))!;
    expect(vdem).toMatchObject({ minValue: 0, maxValue: 1, higherIs: 'better' });
    expect(vdem.values.filter((v) => v.caseId === kaz.id)).toHaveLength(16);
    expect(vdem.values.filter((v) => v.caseId === blr.id)).toHaveLength(14);
    expect(vdem.values.find((v) => v.caseId === blr.id && v.year === 2024)?.value).toBeCloseTo(0.161);
    expect(errorOf(() => context.setIndicatorValue(p, { indicatorId: vdem.id, caseId: kaz.id, year: 2025, value: 1.4 })).message).toMatch(/above the scale/);
    p.close();
  });
});

describe('editing the record', () => {
  it('refuses references to things that do not exist and removes a mission with its findings, undoably', () => {
    const { p, kaz } = sample();
    expect(errorOf(() => record.saveElection(p, { caseId: 'nope', date: '2024', type: 'parliamentary' })).code).toBe('NOT_FOUND');
    const election = record.saveElection(p, { caseId: kaz.id, date: '2024-03', type: 'referendum', label: 'Constitutional referendum' });
    const dims = record.listDimensions(p);
    const mission = record.saveMission(p, { electionId: election.id, organisation: 'OSCE/ODIHR', missionType: 'needs-assessment', findings: [{ dimensionId: dims[0]!.id, severity: 'minor' }] });
    expect(mission.findings).toEqual([{ dimensionId: dims[0]!.id, severity: 'minor', note: '' }]);
    expect(errorOf(() => record.removeDimension(p, { id: dims[0]!.id })).code).toBe('CONFLICT');
    record.removeElection(p, { id: election.id });
    expect(record.listElections(p).some((e) => e.id === election.id)).toBe(false);
    p.history.undo();
    expect(record.requireMission(p, mission.id).findings).toHaveLength(1);
    p.close();
  });
});

describe('CSV', () => {
  it('round-trips every kind: export from the sample, import into a fresh project, export again, same text', () => {
    const { p } = sample();
    const exported = Object.fromEntries(CSV_KINDS.map((kind) => [kind, exportCsv(p, { kind }).text]));
    const sampleNorms = p.overview().norms;
    p.close();

    const fresh = Project.create(path.join(tempDir(), 'fresh.comparanda'));
    edit.createCase(fresh, { name: 'Kazakhstan', isoCode: 'KAZ', role: 'focal' });
    edit.createCase(fresh, { name: 'Belarus', isoCode: 'BLR' });
    for (const norm of sampleNorms) edit.createNorm(fresh, { label: norm.label, shortLabel: norm.shortLabel });
    for (const kind of ['cases', 'cells', 'elections', 'missions', 'regional', 'indicators', 'claims'] as const) {
      // The fresh project has no mission or regional organisations yet: creating them is asked for explicitly.
      const result = importCsv(fresh, { kind, text: exported[kind], createMissing: true });
      expect(result.skipped, kind).toEqual([]);
    }
    for (const kind of CSV_KINDS) expect(exportCsv(fresh, { kind }).text, kind).toBe(exported[kind]);
    expect(fresh.counts()).toMatchObject({ elections: 28, missions: 34, claims: 7, regionalNorms: 4, indicators: 44 });
    fresh.close();
  });

  it('refuses a file with a bad row, naming its line, and writes nothing; skipping bad rows imports the rest', () => {
    const { p } = sample();
    const before = p.counts();
    const text = [
      'indicator,case,year,value,label',
      'Press freedom index,KAZ,2019,54.1,',
      'Press freedom index,KAZ,2020,,',
      'Press freedom index,Atlantis,2021,50,',
      'Press freedom index,BLR,2021,49.3,',
    ].join('\n');
    const error = errorOf(() => importCsv(p, { kind: 'indicators', text }));
    expect(error.message).toMatch(/^Nothing was imported: 2 bad rows in the CSV:\nline 3: give a value, a label, or both\nline 4: case "Atlantis"/);
    expect(p.counts()).toEqual(before);
    const preview = previewCsv(p, { kind: 'indicators', text });
    expect(preview).toMatchObject({ rows: 4, problems: [{ line: 3 }, { line: 4, message: expect.stringMatching(/"Atlantis" is not a case/) }] });
    expect(p.counts()).toEqual(before);
    const result = importCsv(p, { kind: 'indicators', text, skipBadRows: true });
    expect(result.imported).toBe(2);
    expect(p.counts().indicators).toBe(before.indicators + 2);
    p.history.undo();
    expect(p.counts()).toEqual(before);
    p.close();
  });

  it('says which columns are wrong or missing', () => {
    const { p } = sample();
    expect(errorOf(() => importCsv(p, { kind: 'elections', text: 'case,date\nKAZ,2024\n' })).message).toMatch(/lacks the required column type/);
    expect(errorOf(() => importCsv(p, { kind: 'elections', text: 'case,date,type,colour\n' })).message).toMatch(/does not know: colour/);
    expect(errorOf(() => importCsv(p, { kind: 'claims', text: 'claimant,statement\n"unterminated,x\n' })).message).toMatch(/not valid CSV/);
    expect(errorOf(() => importCsv(p, { kind: 'claims', text: '' })).message).toMatch(/is empty/);
    p.close();
  });
});
