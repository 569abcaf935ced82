/**
 * Issue 14: "Erase this identity" removes every byte of a name from the project file, its WAL and (when asked) its
 * snapshots — including what the audit trail, the undo history, the search index, freed pages and a text original
 * kept — and reports what it did and what remains.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiOutput } from '../../electron/contract/api';
import type { Method } from '../../electron/contract/methods';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { extractDocument } from '../../electron/core/documents/extract';
import { storeDocument } from '../../electron/core/evidence';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { tempDir } from '../helpers/temp';

const NAME = 'Dinara Kassymzhomartova';
const PHONE = '+7 777 123 4567';

function holds(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const bytes = fs.readFileSync(file);
  const found: string[] = [];
  for (const value of [NAME, 'Kassymzhomartova', PHONE]) {
    if (bytes.includes(Buffer.from(value, 'utf8'))) found.push(`${value} (UTF-8)`);
    if (bytes.includes(Buffer.from(value, 'utf16le'))) found.push(`${value} (UTF-16)`);
    if (bytes.includes(Buffer.from(value.toLowerCase(), 'utf8'))) found.push(`${value} (lower case)`);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function planted(purgeSnapshots: boolean) {
  const dir = tempDir();
  const file = path.join(dir, 'study.comparanda');
  writeSampleProject(file);
  const userData = path.join(dir, 'user-data');
  const session = new Session(userData);
  const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
  const ok = async <M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const answer = await dispatch(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.result as ApiOutput<M>;
  };
  await ok('project.open', { path: file });
  const p = session.requireProject();
  const participant = (p.db.prepare("SELECT id FROM participants WHERE pseudonym = 'CEC member 1'").get() as { id: string }).id;
  const excerpt = p.db.prepare('SELECT id, text FROM excerpts WHERE participant_id = ? LIMIT 1').get(participant) as { id: string; text: string };
  // A slip, corrected at once: the audit trail and the undo history keep it.
  await ok('excerpts.update', { id: excerpt.id, text: `${excerpt.text} — ${NAME}` });
  await ok('excerpts.update', { id: excerpt.id, text: excerpt.text });
  await ok('claims.save', { claimant: 'a CEC member', statement: `As ${NAME} (${PHONE}) told us, the observers were lenient.` });
  const transcript = `Transcript.\nA: My name is ${NAME}; call me on ${PHONE}.\n`;
  storeDocument(p, { fileName: 'transcript.txt', bytes: Buffer.from(transcript) }, await extractDocument({ fileName: 'transcript.txt', bytes: new Uint8Array(Buffer.from(transcript)) }), {});
  await ok('participants.setIdentity', { id: participant, realName: NAME, contact: PHONE, identifiers: [{ kind: 'place', value: 'Shymkent, Abay street 12' }] });
  await session.snapshot('manual');
  expect(session.backups.list(file).length).toBeGreaterThan(0);
  expect(holds(file).length + filesUnder(userData).flatMap(holds).length + holds(`${file}-wal`).length).toBeGreaterThan(0);

  const report = await ok('participants.eraseIdentity', { id: participant, purgeSnapshots });
  return { dir, file, userData, session, ok, report, participant, excerpt };
}

describe('erasing an identity', () => {
  it('leaves no byte of the name in the project, its WAL or the purged snapshots, and says what it did', async () => {
    const { file, userData, session, ok, report, participant } = await planted(true);
    if (process.env.SHOW_ERASE_REPORT) console.log(JSON.stringify(report, null, 2));
    try {
      expect(report.pseudonym).toBe('CEC member 1');
      expect(report.identifiersErased).toBe(3);
      const places = report.replaced.map((r) => r.place);
      expect(places).toEqual(expect.arrayContaining(['claim statements', 'document pages', 'audit-trail entries (after)']));
      expect(report.originalsRedacted).toEqual(['transcript.txt']);
      expect(report.undoHistoryCleared).toBe(true);
      expect(report.snapshots.length).toBeGreaterThan(0);
      expect(report.snapshots.every((s) => s.action === 'purged')).toBe(true);
      // While the project is still open: the file and its WAL.
      expect(holds(file)).toEqual([]);
      expect(holds(`${file}-wal`)).toEqual([]);
      // The snapshot taken after the purge is clean too, and so is every other file of the user-data folder.
      expect(session.backups.list(file).length).toBe(1);
      for (const f of filesUnder(userData)) expect(holds(f), f).toEqual([]);
      // The identity is gone; the claim now reads with the pseudonym; nothing can be undone back to the name.
      expect(await ok('participants.getIdentity', { id: participant })).toBeNull();
      const claims = await ok('claims.list', {});
      expect(claims.some((c) => c.statement.includes('As [CEC member 1] ([CEC member 1]) told us'))).toBe(true);
      expect((await ok('history.state', {})).canUndo).toBe(false);
      const search = await ok('search.query', { q: 'Kassymzhomartova' });
      expect(search.total).toBe(0);
    } finally {
      session.close();
    }
    expect(holds(file)).toEqual([]);
  }, 60_000);

  it('keeps the snapshots when not asked to purge them, and says they still hold it', async () => {
    const { file, session, report } = await planted(false);
    try {
      expect(report.snapshots.every((s) => s.action === 'kept')).toBe(true);
      expect(report.remaining.join(' ')).toMatch(/snapshot\(s\) of this project in the backups folder/);
      expect(holds(file)).toEqual([]);
      expect(session.backups.list(file).some((b) => holds(b.file).length > 0)).toBe(true);
    } finally {
      session.close();
    }
  }, 60_000);
});

describe('cleaning an identity from the history only', () => {
  it('takes a corrected slip out of the audit trail and undo, keeping the identity recorded and guarded', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.comparanda');
    writeSampleProject(file);
    const session = new Session(path.join(dir, 'user-data'));
    const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
    try {
      await dispatch('project.open', { path: file });
      const p = session.requireProject();
      const participant = (p.db.prepare("SELECT id FROM participants WHERE pseudonym = 'CEC member 1'").get() as { id: string }).id;
      await dispatch('participants.setIdentity', { id: participant, realName: NAME });
      // A slip in a claim, corrected in a second edit: the audit trail keeps the slip.
      const saved = await dispatch('claims.save', { claimant: 'a CEC member', statement: `Said by ${NAME}.` });
      if (!saved.ok) throw new Error(saved.error.message);
      const claim = saved.result as { id: string };
      await dispatch('claims.save', { id: claim.id, claimant: 'a CEC member', statement: 'Said by a CEC member.' });
      const refused = await dispatch('audit.exportCsv', {});
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(/the audit trail \(entry \d+/);

      const report = await dispatch('participants.eraseIdentity', { id: participant, historyOnly: true });
      expect(report.ok).toBe(true);
      if (report.ok) expect((report.result as { replaced: { place: string }[] }).replaced.map((r) => r.place)).toEqual(expect.arrayContaining(['audit-trail entries (after)']));
      expect((await dispatch('audit.exportCsv', {})).ok).toBe(true);
      const identity = await dispatch('participants.getIdentity', { id: participant });
      expect(identity.ok && (identity.result as { realName: string }).realName).toBe(NAME);
      expect(holds(file).filter((h) => h.startsWith(NAME))).toEqual([`${NAME} (UTF-8)`]); // the identity record itself, only
    } finally {
      session.close();
    }
  }, 60_000);
});
