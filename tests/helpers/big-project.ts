import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';

/**
 * The sample project grown by one imported document of `megabytes` MB (its original bytes, incompressible, plus
 * pages of text), so that copying or re-encrypting it takes long enough to be interrupted.
 */
export function writeBigProject(file: string, megabytes: number, options: { passphrase?: string } = {}): void {
  writeSampleProject(file, options);
  const project = Project.open(file, options);
  try {
    const db = project.db;
    const source = (db.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').get() as { id: string }).id;
    const bytes = crypto.randomBytes(megabytes * 1024 * 1024);
    const pages = Array.from({ length: 200 }, (_, i) => `Page ${i + 1}: ${crypto.randomBytes(2000).toString('base64')}`);
    db.transaction(() => {
      db.prepare(
        `INSERT INTO documents (id, source_id, file_name, format, mime_type, byte_size, sha256, page_count, imported_at)
         VALUES ('big-document', ?, 'big.txt', 'txt', 'text/plain', ?, ?, ?, '2026-12-01T00:00:00.000Z')`,
      ).run(source, bytes.length, crypto.createHash('sha256').update(bytes).digest('hex'), pages.length);
      db.prepare("INSERT INTO document_files (document_id, bytes) VALUES ('big-document', ?)").run(bytes);
      const page = db.prepare("INSERT INTO document_pages (document_id, number, text) VALUES ('big-document', ?, ?)");
      pages.forEach((text, i) => page.run(i + 1, text));
    })();
  } finally {
    project.close();
  }
}

/** What a project holds, in one string: its counts and a checksum of its documents, pages, cells and sources. */
export function fingerprint(db: Database.Database): string {
  const hash = crypto.createHash('sha256');
  for (const sql of [
    'SELECT document_id, bytes FROM document_files ORDER BY document_id',
    'SELECT document_id, number, text FROM document_pages ORDER BY document_id, number',
    'SELECT id, summary, status FROM cells ORDER BY id',
    'SELECT id, csl, notes FROM sources ORDER BY id',
    'SELECT * FROM indicator_values ORDER BY rowid',
  ]) {
    for (const row of db.prepare(sql).raw().iterate()) {
      for (const value of row as unknown[]) hash.update(Buffer.isBuffer(value) ? value : String(value)).update('\u0000');
    }
  }
  const counts = ['sources', 'documents', 'document_pages', 'cells', 'excerpts', 'indicator_values', 'elections', 'claims'].map(
    (table) => `${table}=${(db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n}`,
  );
  return `${counts.join(' ')} ${hash.digest('hex')}`;
}
