/** The hub of one team test file (Vitest hooks: kept apart from team.ts, which the benchmark imports too). */
import { afterAll, beforeAll } from 'vitest';
import { initHub } from '../../electron/core/team/hub/hub';
import { startCluster, type Cluster } from './postgres';

/** A throwaway PostgreSQL cluster with a Comparanda hub and one login role per member, for the tests of one file. */
export function hubForTests(roles: readonly string[]): () => Cluster {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster();
    for (const role of roles) await cluster.sql(`CREATE ROLE ${role} LOGIN`);
    await initHub({ url: cluster.url() });
  }, 60_000);
  afterAll(() => cluster?.destroy());
  return () => {
    if (!cluster) throw new Error('The hub is not started yet: call it inside a test.');
    return cluster;
  };
}
