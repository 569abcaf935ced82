/** Shared pieces of the team tests and benchmark: a canonical dump of a project's synced content, the sample's words. */
import Database from 'better-sqlite3';
import { NEVER_SYNCED, SYNCED_KEYS, SYNCED_ORDER } from '../../electron/core/team/capture';

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
