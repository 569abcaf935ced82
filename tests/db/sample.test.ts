import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetsDir } from '../../electron/core/paths';
import { Project } from '../../electron/core/project';
import { SAMPLE_TITLE, writeSampleProject } from '../../electron/core/sample';
import { tempDir } from '../helpers/temp';

function openSample(): Project {
  const file = path.join(tempDir(), 'sample.comparanda');
  writeSampleProject(file);
  return Project.open(file);
}

describe('the bundled sample project', () => {
  it('has Kazakhstan as the focal case and Belarus as a comparison case', () => {
    const project = openSample();
    const { project: summary, cases } = project.overview();
    expect(summary.title).toBe(SAMPLE_TITLE);
    expect(cases.map((c) => [c.name, c.role, c.isoCode])).toEqual([
      ['Kazakhstan', 'focal', 'KAZ'],
      ['Belarus', 'comparison', 'BLR'],
    ]);
    project.close();
  });

  it('has the two OSCE norms with their instruments and per-norm stage descriptions', () => {
    const project = openSample();
    const { norms, frameworks } = project.overview();
    expect(norms.map((n) => n.shortLabel)).toEqual(['Election observation', 'Free and fair voting']);
    expect(norms[0]?.paragraph).toBe('para 8');
    expect(norms[0]?.diffusingAgent).toBe('OSCE / ODIHR');
    const stages = frameworks[0]!.stages;
    for (const norm of norms) expect(Object.keys(norm.stageNotes).sort()).toEqual(stages.map((s) => s.id).sort());
    const reconstitution = stages.find((s) => s.label === 'Reconstitution')!;
    expect(norms[0]?.stageNotes[reconstitution.id]).toMatch(/Kazakh path to democracy/);
    project.close();
  });

  it('fills the eight cells the article assesses for Kazakhstan, with discourse for observation and practice for voting', () => {
    const project = openSample();
    const { cases, norms, frameworks } = project.overview();
    const kaz = cases.find((c) => c.name === 'Kazakhstan')!;
    const stages = frameworks[0]!.stages;
    const cells = project.cells().filter((c) => c.caseId === kaz.id);
    expect(cells).toHaveLength(8);
    const at = (normIndex: number, stageLabel: string) =>
      cells.find((c) => c.normId === norms[normIndex]!.id && c.stageId === stages.find((s) => s.label === stageLabel)!.id)!;
    expect(at(0, 'Reconstitution').mode).toBe('discourse');
    expect(at(1, 'Reconstitution').mode).toBe('practice');
    expect(at(0, 'Moment of contestation').status).toBe('contested');
    expect(at(1, 'Moment of contestation').status).toBe('contested');
    const statusKeys = new Set(frameworks[0]!.statuses.map((s) => s.key));
    expect(cells.every((c) => statusKeys.has(c.status))).toBe(true);
    expect(project.cells(norms[0]!.id).filter((c) => c.caseId === kaz.id)).toHaveLength(4);
    project.close();
  });

  it('fills Belarus only where the fact base supports it, leaving the rest as no data', () => {
    const project = openSample();
    const { cases, norms, frameworks } = project.overview();
    const blr = cases.find((c) => c.name === 'Belarus')!;
    const label = (stageId: string) => frameworks[0]!.stages.find((s) => s.id === stageId)!.label;
    const filled = (normIndex: number) =>
      project
        .cells(norms[normIndex]!.id)
        .filter((c) => c.caseId === blr.id)
        .map((c) => label(c.stageId))
        .sort();
    // No fact on Belarusian discourse about observation, nor on its commission law.
    expect(filled(0)).toEqual(['Acceptance', 'Diffusion', 'Moment of contestation']);
    expect(filled(1)).toEqual(['Diffusion', 'Moment of contestation', 'Reconstitution']);
    expect(project.cells().filter((c) => c.caseId === blr.id).every((c) => /EL-BLR-/.test(c.memo))).toBe(true);
    project.close();
  });

  it('quotes only what the fact base quotes, word for word', () => {
    const project = openSample();
    const facts = fs.readFileSync(path.join(assetsDir(), 'sample', 'kazakhstan-belarus-facts.json'), 'utf8');
    const quotes = project.cells().flatMap((c) => [...c.summary.matchAll(/“([^”]+)”/g)].map((m) => m[1]!));
    expect(quotes.length).toBeGreaterThan(5);
    for (const quote of quotes) expect(facts, `quote not in the fact base: ${quote}`).toContain(quote);
    project.close();
  });
});
