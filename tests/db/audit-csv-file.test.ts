/**
 * The audit trail written to a CSV file as it is read (audit.saveCsv, a job): the same text as the one-piece answer
 * (audit.exportCsv), written in checked batches; a recorded real name in any batch refuses the whole file, and a cancel
 * writes nothing. At the benchmark's XL size the trail is 363 million characters: one string took 30 s and 4 GB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import { auditCsv, saveAuditCsv } from '../../electron/core/audit';
import * as evidence from '../../electron/core/evidence';
import { Project } from '../../electron/core/project';
import * as record from '../../electron/core/record';
import { writeSampleProject } from '../../electron/core/sample';
import { sessionOn } from '../helpers/sample-session';
import { listDir, tempDir } from '../helpers/temp';

const NAME = 'Aigerim Nurlanovna Bekova';

function sample(): { p: Project; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'study.comparanda');
  writeSampleProject(file);
  return { p: Project.open(file), dir };
}

/** Forty claims recorded: a trail of forty entries and more. */
function edits(p: Project): void {
  for (let i = 0; i < 40; i++) record.saveClaim(p, { claimant: `Observer ${i}`, statement: `Claim ${i}: «наблюдатели», “observers”, ${'x'.repeat(i)}` });
}

describe('the audit trail as a CSV file', () => {
  it('is the text of the one-piece answer, written in batches', async () => {
    const { p, dir } = sample();
    edits(p);
    const out = path.join(dir, 'audit.csv');
    const progress: [number, number][] = [];
    // Batches of ~300 characters: dozens of them.
    const saved = await saveAuditCsv(p, { out, batch: 300, onProgress: (done, total) => progress.push([done, total]) });
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toBe(auditCsv(p));
    expect(saved.bytes).toBe(Buffer.byteLength(text));
    expect(saved.entries).toBeGreaterThanOrEqual(40);
    expect(progress.at(-1)).toEqual([saved.entries, saved.entries]);
    expect(listDir(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    p.close();
  });

  it('refuses a file with a recorded real name in it, writing nothing', async () => {
    const { p, dir } = sample();
    edits(p);
    // The name is typed into a claim (the trail keeps it), then recorded as a participant's identity.
    record.saveClaim(p, { claimant: 'a CEC member', statement: `As ${NAME} told us, the observers were lenient.` });
    const participant = (p.db.prepare("SELECT id FROM participants WHERE pseudonym = 'CEC member 1'").get() as { id: string }).id;
    evidence.setIdentity(p, { id: participant, realName: NAME, identifiers: [] });
    const out = path.join(dir, 'audit.csv');
    const refused = await saveAuditCsv(p, { out, batch: 300 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('IDENTITY_IN_OUTPUT');
    expect((refused as ApiError).message).not.toContain('Bekova');
    expect(listDir(dir).filter((f) => !f.startsWith('study.comparanda'))).toEqual([]);
    p.close();
  });

  it('runs as a job whose cancel writes nothing', async () => {
    const { p, dir } = sample();
    edits(p);
    const cancelled = new AbortController();
    const out = path.join(dir, 'cancelled.csv');
    // Cancelled as soon as it starts: the first batch written is the last.
    const stopped = await saveAuditCsv(p, { out, batch: 300, signal: cancelled.signal, onProgress: () => cancelled.abort() }).catch((error: unknown) => error);
    expect((stopped as ApiError).code).toBe('CONFLICT');
    expect(listDir(dir).filter((f) => !f.startsWith('study.comparanda'))).toEqual([]);
    const file = p.path;
    p.close();

    const { session, ok, until } = await sessionOn(file);
    const saved = path.join(dir, 'saved.csv');
    const job = await until(await ok('audit.saveCsv', { path: saved }));
    expect(job.state, job.error?.message).toBe('done');
    expect(job.kind).toBe('audit-export');
    expect(job.result?.files).toEqual([{ path: saved, bytes: fs.statSync(saved).size }]);
    expect(fs.readFileSync(saved, 'utf8')).toBe(auditCsv(session.requireProject()));
    session.close();
  });
});
