import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CatalogueText } from '../../contract/errors';
import { localError, textOf } from '../../contract/i18n/format';
import type { SchemaDifferenceDto } from '../../contract/api';
import { teamTriggers } from '../team/capture';
import { loadMigrations, migrate, type Migration } from './migrate';
import { SCHEMA_VERSION } from './schema-version';

/**
 * A project file carries its own schema, and SQLite runs whatever triggers and views it holds: a file edited outside
 * Comparanda could delete or rewrite the researcher's records behind every ordinary edit. So the schema of every
 * project is compared, before anything else reads or writes it, with the schema the migrations make for its format.
 */

/** Each object by type and name: its SQL as stored, and normalised (worked out only when the stored text differs). */
type Schema = Map<string, { type: string; name: string; raw: string; sql?: string }>;

/** Keyed by migrations folder and format: building one runs the migrations into memory once per process. */
const expectedCache = new Map<string, Schema>();
/**
 * The change-capture triggers a team project may hold (by name), generated from the same in-memory schema: a project
 * that joined a team has exactly these, one that did not has none; any other text under their names is refused.
 */
const teamTriggerCache = new Map<string, Map<string, string>>();
/**
 * The native binding the opens were given (Electron in development needs its own build): `check` on an open project
 * may need another format's schema, and must build it with the same binding.
 */
let knownBinding: string | undefined;

/** Characters beside which white space means nothing: brackets, commas, dots, semicolons. */
const TIGHT = new Set(['(', ')', ',', '.', ';']);

function isWordChar(code: number): boolean {
  // A-Z a-z 0-9 _ $ and anything beyond ASCII (SQLite takes those in names).
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127;
}

/**
 * The SQL of a schema object reduced to its meaning for comparison: comments dropped, runs of white space made one
 * space (none beside brackets, commas and dots), keywords and names in lower case; quoted text kept exactly.
 */
export function normaliseSql(sql: string): string {
  const tokens: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const code = sql.charCodeAt(i);
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (code <= 32) {
      i++;
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      for (;;) {
        const k = sql.indexOf(close, j);
        if (k < 0) {
          j = sql.length;
          break;
        }
        // A doubled quote is an escaped quote inside the text, not its end.
        if (close !== ']' && sql[k + 1] === close) {
          j = k + 2;
          continue;
        }
        j = k + 1;
        break;
      }
      const quoted = sql.slice(i, j);
      // A quoted name means the same as the bare one; quoted text (a string literal) is kept as written.
      tokens.push(c === "'" ? quoted : quoted.slice(1, -1).toLowerCase());
      i = j;
    } else if (isWordChar(code)) {
      let j = i + 1;
      while (j < sql.length && isWordChar(sql.charCodeAt(j))) j++;
      tokens.push(sql.slice(i, j).toLowerCase());
      i = j;
    } else {
      tokens.push(c);
      i++;
    }
  }
  let out = '';
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (t > 0 && !TIGHT.has(token) && !TIGHT.has(tokens[t - 1]!)) out += ' ';
    out += token;
  }
  return out;
}

function readSchema(db: Database.Database, schema = 'main'): Schema {
  const rows = db
    .prepare(
      // SQLite's own bookkeeping (row counters, planner statistics, the indexes behind UNIQUE) is left out; any other
      // object, even one named sqlite_ through writable_schema, is compared.
      `SELECT type, name, sql FROM "${schema}".sqlite_master
       WHERE NOT (type = 'table' AND name IN ('sqlite_sequence', 'sqlite_stat1', 'sqlite_stat4'))
         AND NOT (type = 'index' AND sql IS NULL AND name LIKE 'sqlite_autoindex_%')
       ORDER BY type, name`,
    )
    .all() as { type: string; name: string; sql: string | null }[];
  const schemaMap: Schema = new Map();
  for (const row of rows) schemaMap.set(`${row.type} ${row.name.toLowerCase()}`, { type: row.type, name: row.name, raw: row.sql ?? '' });
  return schemaMap;
}

/**
 * Written by `npm run schema:dump` beside the migrations: the current format's expected schema and team triggers, so
 * that an open need not run every migration into memory first (most of a warm open's time before). It is used only
 * when the migrations beside it are byte for byte the ones it was made from (their digest); otherwise, or for an
 * older format, the schema is built from the migrations as before. tests/db/schema-precomputed.test.ts holds the
 * committed file to what the migrations and the capture code make.
 */
export const PRECOMPUTED_SCHEMA_FILE = 'expected-schema.json';

export interface PrecomputedSchema {
  format: number;
  /** sha256 of the migrations it was made from (names and text), in order. */
  digest: string;
  /** [type, name, sql] of every object compared. */
  objects: [string, string, string][];
  /** [name, sql] of the change-capture triggers a team project holds. */
  teamTriggers: [string, string][];
}

/**
 * Written beside PRECOMPUTED_SCHEMA_FILE: a digest of the schema it describes, without and with the team's capture
 * triggers. A project whose schema hashes to one of them is as expected without the large file being read and
 * parsed (issue 22: most of what an open does beyond SQLite's own reads); any other is compared object by object.
 */
export const SCHEMA_DIGEST_FILE = 'expected-schema.digest.json';

export interface SchemaDigest {
  format: number;
  /** migrationsDigest of the migrations it was made from: a stale file is not used. */
  digest: string;
  schema: string;
  teamSchema: string;
}

/** sha256 of a schema's objects (type, name, SQL as stored), in an order that does not depend on who listed them. */
export function schemaDigest(objects: Iterable<{ type: string; name: string; raw: string }>): string {
  const hash = createHash('sha256');
  const sorted = [...objects].sort((a, b) => (a.type === b.type ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.type < b.type ? -1 : 1));
  for (const o of sorted) hash.update(`${o.type}\0${o.name}\0${o.raw}\0`);
  return hash.digest('hex');
}

/** What `npm run schema:dump` writes to SCHEMA_DIGEST_FILE for the current format. */
export function precomputeDigest(migrationsDir: string): SchemaDigest {
  const migrations = loadMigrations(migrationsDir);
  const { schema, team } = buildExpected(migrations, undefined);
  const teamObjects = [...team].map(([name, raw]) => ({ type: 'trigger', name, raw }));
  return { format: migrations.length, digest: migrationsDigest(migrations), schema: schemaDigest(schema.values()), teamSchema: schemaDigest([...schema.values(), ...teamObjects]) };
}

/** Keyed by migrations folder: the digests of the current format's schema, once checked against the migrations. */
const digestCache = new Map<string, SchemaDigest | null>();

function expectedDigest(migrationsDir: string): SchemaDigest | null {
  const key = path.resolve(migrationsDir);
  let known = digestCache.get(key);
  if (known !== undefined) return known;
  try {
    const stored = JSON.parse(fs.readFileSync(path.join(migrationsDir, SCHEMA_DIGEST_FILE), 'utf8')) as SchemaDigest;
    const migrations = loadMigrations(migrationsDir);
    known = stored.format === migrations.length && stored.digest === migrationsDigest(migrations) ? stored : null;
  } catch {
    known = null;
  }
  digestCache.set(key, known);
  return known;
}

export function migrationsDigest(migrations: readonly Migration[]): string {
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(`${m.name}\0${m.sql}\0`);
  return hash.digest('hex');
}

/** Runs the migrations of a format into memory: the schema and team triggers Comparanda makes for it. */
function buildExpected(migrations: readonly Migration[], binding: string | undefined): { schema: Schema; team: Map<string, string> } {
  const db = new Database(':memory:', binding ? { nativeBinding: binding } : {});
  try {
    migrate(db, [...migrations]);
    return { schema: readSchema(db), team: teamTriggers(db) };
  } finally {
    db.close();
  }
}

/** What `npm run schema:dump` writes to PRECOMPUTED_SCHEMA_FILE for the current format. */
export function precomputeSchema(migrationsDir: string): PrecomputedSchema {
  const migrations = loadMigrations(migrationsDir);
  const { schema, team } = buildExpected(migrations, undefined);
  return {
    format: migrations.length,
    digest: migrationsDigest(migrations),
    objects: [...schema.values()].map((o) => [o.type, o.name, o.raw]),
    teamTriggers: [...team],
  };
}

/** The precomputed schema, if it was made from exactly these migrations; a missing or stale file is no error. */
function readPrecomputed(migrationsDir: string, migrations: readonly Migration[]): { schema: Schema; team: Map<string, string> } | undefined {
  let stored: PrecomputedSchema;
  try {
    stored = JSON.parse(fs.readFileSync(path.join(migrationsDir, PRECOMPUTED_SCHEMA_FILE), 'utf8')) as PrecomputedSchema;
  } catch {
    return undefined;
  }
  if (stored.format !== migrations.length || stored.digest !== migrationsDigest(migrations)) return undefined;
  const schema: Schema = new Map();
  for (const [type, name, raw] of stored.objects) schema.set(`${type} ${name.toLowerCase()}`, { type, name, raw });
  return { schema, team: new Map(stored.teamTriggers) };
}

/**
 * The schema a project of this format has when made by Comparanda: its migrations run into an in-memory database,
 * or, for the current format, the same read from the file precomputed from these very migrations.
 */
export function expectedSchema(version: number, migrationsDir: string, nativeBinding?: string): Schema {
  if (nativeBinding) knownBinding = nativeBinding;
  const key = `${path.resolve(migrationsDir)}\0${version}`;
  const cached = expectedCache.get(key);
  if (cached) return cached;
  const migrations = loadMigrations(migrationsDir).slice(0, version);
  const expected = (version === SCHEMA_VERSION ? readPrecomputed(migrationsDir, migrations) : undefined) ?? buildExpected(migrations, nativeBinding ?? knownBinding);
  expectedCache.set(key, expected.schema);
  teamTriggerCache.set(key, expected.team);
  return expected.schema;
}

/** What the file holds that Comparanda did not make, and what it lacks; empty when the schema is as expected. */
export function schemaDifferences(db: Database.Database, migrationsDir: string, nativeBinding?: string): SchemaDifferenceDto[] {
  const version = db.pragma('user_version', { simple: true }) as number;
  const actual = readSchema(db);
  if (version === SCHEMA_VERSION) {
    const digest = expectedDigest(migrationsDir);
    if (digest) {
      const found = schemaDigest(actual.values());
      if (found === digest.schema || found === digest.teamSchema) return [];
    }
  }
  const expected = expectedSchema(version, migrationsDir, nativeBinding);
  const team = teamTriggerCache.get(`${path.resolve(migrationsDir)}\0${version}`);
  const differences: SchemaDifferenceDto[] = [];
  for (const [key, object] of actual) {
    const wanted = expected.get(key);
    if (!wanted && object.type === 'trigger' && team?.get(object.name) === object.raw) continue;
    if (!wanted) differences.push({ change: 'added', type: object.type, name: object.name });
    else if (wanted.raw !== object.raw && (wanted.sql ??= normaliseSql(wanted.raw)) !== normaliseSql(object.raw)) differences.push({ change: 'changed', type: object.type, name: object.name });
  }
  for (const [key, object] of expected) if (!actual.has(key)) differences.push({ change: 'missing', type: object.type, name: object.name });
  return differences;
}

/** "an added trigger excerpt_guard; a changed table cells" — the objects, named, for a sentence in any language. */
export function describeDifferences(differences: SchemaDifferenceDto[], max = 6): CatalogueText[] {
  const words = differences.slice(0, max).map((d) => textOf('errorsCore.schemaDifference', { change: d.change, type: d.type, name: d.name }));
  if (differences.length > max) words.push(textOf('errorsCore.schemaMore', { count: differences.length - max }));
  return words;
}

/** Refuses a project whose schema is not the one Comparanda made: nothing in it has been read or written yet. */
export function assertSchemaAsExpected(db: Database.Database, file: string, migrationsDir: string, nativeBinding?: string): void {
  let differences: SchemaDifferenceDto[];
  try {
    differences = schemaDifferences(db, migrationsDir, nativeBinding);
  } catch (error) {
    // The schema is the first thing read: a damaged file shows here first.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
      throw localError('PROJECT_CORRUPT', 'errorsCore.schemaDamaged', { file: path.basename(file), detail: (error as Error).message }, { cause: error });
    }
    throw error;
  }
  if (differences.length === 0) return;
  throw localError('PROJECT_SCHEMA_ALTERED', 'errorsCore.schemaAltered', {
    file: path.basename(file),
    differences: describeDifferences(differences),
    command: 'comparanda check',
  });
}
