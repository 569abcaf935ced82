/**
 * The key of an encrypted project, on a connection: a module of its own (nothing but better-sqlite3's type) so that the
 * worker thread (db-worker.ts) sets it exactly as the app does without bundling the rest of the app.
 */
import type Database from 'better-sqlite3';

/**
 * Sets the key of an encrypted database: must come before anything else reads it. SQLCipher 4's format is used so that
 * a project opens in other SQLCipher tools too. A wrong key does not fail here; the first read says SQLITE_NOTADB.
 */
export function applyKey(db: Database.Database, passphrase: string): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = '${passphrase.replace(/'/g, "''")}'`);
  // Sorting and temporary indexes stay in memory: nothing of an encrypted project reaches a temporary file.
  db.pragma('temp_store = MEMORY');
}
