/**
 * Shared pieces of the team tests and benchmark: a project opened for one step, a file synced, a canonical dump of a
 * project's synced content, the sample's words. No Vitest here: the benchmark runs these outside a test.
 */
import Database from 'better-sqlite3';
import { Project } from '../../electron/core/project';
import { NEVER_SYNCED, SYNCED_KEYS, SYNCED_ORDER } from '../../electron/core/team/capture';
import { syncDatabase, type SyncReport } from '../../electron/core/team/sync';

/** Opens the file for one step and closes it whatever happens: each laptop of a test is closed between its steps. */
export function withProject<T>(file: string, fn: (p: Project) => T): T {
  const p = Project.open(file);
  try {
    return fn(p);
  } finally {
    p.close();
  }
}

/** One sync of the file with the hub, as the app does it: open, sync, close. */
export async function syncFile(file: string): Promise<SyncReport> {
  const p = Project.open(file);
  try {
    return await syncDatabase(p.db);
  } finally {
    p.close();
  }
}

/** Every synced table's rows in key order, blobs as hex: equal dumps mean equal content. */
export function canonicalDump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const out: string[] = [];
    for (const table of SYNCED_ORDER) {
      if (NEVER_SYNCED.has(table)) continue;
      const order = SYNCED_KEYS[table]!.map((k) => `"${k}"`).join(', ');
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all() as Record<string, unknown>[];
      const line = (r: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? `hex:${v.toString('hex')}` : v])));
      out.push(`${table}\n${rows.map(line).join('\n')}`);
    }
    return out.join('\n\n');
  } finally {
    db.close();
  }
}

/** Distinctive words of the sample's text (six letters or more, as typed), to look for where they must not be. */
export function distinctiveWords(file: string, count: number): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const text = [
      ...(db.prepare(`SELECT summary AS t FROM cells WHERE summary <> ''`).pluck().all() as string[]),
      ...(db.prepare(`SELECT text AS t FROM excerpts`).pluck().all() as string[]),
      ...(db.prepare(`SELECT name AS t FROM cases`).pluck().all() as string[]),
    ].join(' ');
    const words = [...new Set(text.match(/\p{L}{7,}/gu) ?? [])];
    return words.slice(0, count);
  } finally {
    db.close();
  }
}
