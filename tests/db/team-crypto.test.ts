/**
 * The pieces of team sync that need no second laptop: sealing (AES-256-GCM, bound to team and clock), the team key
 * from a key file or a passphrase (scrypt), hybrid clocks, the schema check of capture triggers, and joining with a
 * team passphrase (right and wrong) against a throwaway PostgreSQL hub.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { nextClock, receiveClock } from '../../electron/core/team/clock';
import { blobAddress, keyFromPassphrase, newTeamKey, open, readKeyFile, seal, writeKeyFile } from '../../electron/core/team/crypto';
import { initHub } from '../../electron/core/team/hub/hub';
import { createTeam, joinTeam } from '../../electron/core/team/team';
import { startCluster, type Cluster } from '../helpers/postgres';
import { canonicalDump } from '../helpers/team';
import { tempDir } from '../helpers/temp';

describe('team crypto and clocks', () => {
  it('seals a record so that only the team key, for the same team and clock, opens it', () => {
    const key = newTeamKey();
    const sealed = seal(key, Buffer.from('Karusel voting seen in Almaty'), 'team-1|clock-1');
    expect(sealed.toString('latin1')).not.toContain('Karusel');
    expect(open(key, sealed, 'team-1|clock-1').toString()).toBe('Karusel voting seen in Almaty');
    expect(() => open(key, sealed, 'team-1|clock-2')).toThrow(/cannot be decrypted/);
    expect(() => open(newTeamKey(), sealed, 'team-1|clock-1')).toThrow(/cannot be decrypted/);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(() => open(key, altered, 'team-1|clock-1')).toThrow(/altered/);
    // Two seals of the same text differ (fresh nonce); blob addresses are keyed.
    expect(seal(key, Buffer.from('x'), 'a').equals(seal(key, Buffer.from('x'), 'a'))).toBe(false);
    expect(blobAddress(key, Buffer.from('doc'))).not.toBe(blobAddress(newTeamKey(), Buffer.from('doc')));
  });

  it('derives the key from a passphrase with scrypt, per team; writes and reads key files owner-only', () => {
    const k1 = keyFromPassphrase('correct horse battery staple', 'team-a');
    expect(k1).toHaveLength(32);
    expect(keyFromPassphrase('correct horse battery staple', 'team-a').equals(k1)).toBe(true);
    expect(keyFromPassphrase('correct horse battery staple', 'team-b').equals(k1)).toBe(false);
    expect(() => keyFromPassphrase('short', 'team-a')).toThrow(/at least 12/);
    const dir = tempDir();
    const file = path.join(dir, 'team.key');
    writeKeyFile(file, 'team-a', k1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readKeyFile(file)).toEqual({ teamId: 'team-a', key: k1 });
    expect(() => writeKeyFile(file, 'team-a', k1)).toThrow(/already exists/);
    fs.writeFileSync(path.join(dir, 'bad.key'), 'not a key');
    expect(() => readKeyFile(path.join(dir, 'bad.key'))).toThrow(/not a Comparanda team key file/);
  });

  it('orders clocks by time, then counter, and never behind a clock received', () => {
    const a = nextClock('', 1000, 'r1');
    const b = nextClock(a, 1000, 'r1');
    const c = nextClock(b, 900, 'r1');
    expect(a < b && b < c).toBe(true);
    const remote = nextClock('', 5000, 'r2');
    const after = nextClock(receiveClock(c, remote, 'r1'), 1200, 'r1');
    expect(after > remote).toBe(true);
  });
});

describe('team projects and the schema check', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
    for (const role of ['alice', 'bob', 'mallory']) await cluster.sql(`CREATE ROLE ${role} LOGIN`);
    await initHub({ url: cluster.url() });
  }, 60_000);
  afterAll(() => cluster?.destroy());

  it('joins with the team passphrase, refuses a wrong one, and refuses a capture trigger altered outside Comparanda', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.comparanda');
    writeSampleProject(a);
    const owner = Project.open(a);
    const passphrase = 'steppe wind over the ballot boxes';
    const { teamId } = await createTeam(owner, path.join(dir, 'team.key'), { hubUrl: cluster.url('alice'), teamPassphrase: passphrase }).finally(() => owner.close());
    const b = path.join(dir, 'b.comparanda');
    await joinTeam(b, teamId, undefined, { hubUrl: cluster.url('bob'), teamPassphrase: passphrase });
    expect(canonicalDump(b)).toBe(canonicalDump(a));
    const wrong = await joinTeam(path.join(dir, 'm.comparanda'), teamId, undefined, { hubUrl: cluster.url('mallory'), teamPassphrase: 'a guess that is long enough' }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'NOT_A_MEMBER', message: expect.stringMatching(/does not belong to this team/) });
    expect(fs.existsSync(path.join(dir, 'm.comparanda'))).toBe(false);

    // The generated triggers pass the schema check; the same name with other text does not.
    Project.open(b).close();
    const db = new Database(b);
    db.exec(`DROP TRIGGER team_capture_cells_u; CREATE TRIGGER team_capture_cells_u AFTER UPDATE ON cells BEGIN DELETE FROM excerpt_cells WHERE cell_id = NEW.id; END`);
    db.close();
    expect(() => Project.open(b)).toThrow(/an added trigger team_capture_cells_u/);
  }, 120_000);
});
