/**
 * A throwaway PostgreSQL cluster for team tests: Debian's PostgreSQL 15, initialised in a temporary folder as the
 * unprivileged `postgres` user when the tests run as root (PostgreSQL refuses to run as root), listening on a free
 * loopback port and its own socket folder. Trust authentication on loopback only; one cluster per test file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN = process.env.COMPARANDA_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Cluster {
  dir: string;
  port: number;
  /** A connection URL for `role` to the `comparanda` database. */
  url(role?: string): string;
  /** Runs SQL as the superuser. */
  sql(text: string, params?: unknown[]): Promise<pg.QueryResult>;
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  destroy(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const result = root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${result.stderr || result.stdout}`);
}

export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(BIN, 'initdb'));
}

export async function startCluster(): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  const data = path.join(dir, 'data');
  asPostgres(path.join(BIN, 'initdb'), ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const start = () =>
    asPostgres(path.join(BIN, 'pg_ctl'), [
      '-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '30',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      'start',
    ]);
  start();
  const url = (role = 'postgres') => `postgres://${role}@127.0.0.1:${port}/comparanda`;
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE comparanda');
  await admin.end();
  return {
    dir: data,
    port,
    url,
    async sql(text, params) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        return await client.query(text, params as unknown[]);
      } finally {
        await client.end();
      }
    },
    stop(mode = 'fast') {
      asPostgres(path.join(BIN, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
    },
    start,
    destroy() {
      try {
        asPostgres(path.join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
