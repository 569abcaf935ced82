/**
 * Issue 22 (open ratio): every open compares the project's schema with the one Comparanda makes for its format. For
 * the current format that schema is read from migrations/expected-schema.json instead of running every migration
 * into memory at each open — but only when the file was made from exactly the migrations beside it, and the
 * committed file must be what the migrations and the capture code make today.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PRECOMPUTED_SCHEMA_FILE, SCHEMA_DIGEST_FILE, precomputeDigest, precomputeSchema, type PrecomputedSchema } from '../../electron/core/db/schema-check';
import { ensureTriggers } from '../../electron/core/team/capture';
import { migrationsDir } from '../../electron/core/paths';
import { Project } from '../../electron/core/project';
import { writeSampleProject } from '../../electron/core/sample';
import { errorOf } from '../helpers/errors';
import { tempDir } from '../helpers/temp';

const committed = () => JSON.parse(fs.readFileSync(path.join(migrationsDir(), PRECOMPUTED_SCHEMA_FILE), 'utf8')) as PrecomputedSchema;

/** A copy of the migrations folder whose precomputed schema lacks one index, and a sample project. */
function doctoredMigrations(): { dir: string; file: string; index: string } {
  const dir = tempDir();
  const migrations = path.join(dir, 'migrations');
  fs.cpSync(migrationsDir(), migrations, { recursive: true });
  const stored = committed();
  const index = stored.objects.find(([type]) => type === 'index')!;
  stored.objects = stored.objects.filter((o) => o !== index);
  fs.writeFileSync(path.join(migrations, PRECOMPUTED_SCHEMA_FILE), JSON.stringify(stored));
  const file = path.join(dir, 'sample.comparanda');
  writeSampleProject(file);
  return { dir: migrations, file, index: index[1] };
}

describe('the precomputed expected schema', () => {
  it('is what the migrations and the capture code make (run `npm run schema:dump` when this fails)', () => {
    const stored = committed();
    expect(stored.teamTriggers.length).toBeGreaterThan(0);
    expect(stored).toEqual(precomputeSchema(migrationsDir()));
  });

  it('is what an open compares the project with: an object it lacks is refused as added', () => {
    const { dir, file, index } = doctoredMigrations();
    // Without the digest beside it, every open compares object by object.
    fs.rmSync(path.join(dir, SCHEMA_DIGEST_FILE));
    const error = errorOf(() => Project.open(file, { migrationsDir: dir }));
    expect(error.code).toBe('PROJECT_SCHEMA_ALTERED');
    expect(error.message).toContain(`an added index ${index}`);
  });

  it('has a digest beside it that is what the migrations and the capture code make', () => {
    const stored = JSON.parse(fs.readFileSync(path.join(migrationsDir(), SCHEMA_DIGEST_FILE), 'utf8')) as unknown;
    expect(stored).toEqual(precomputeDigest(migrationsDir()));
  });

  it("is not read when the project's schema has the digest beside it, with or without the team's triggers", () => {
    // The large file lacks an index: an open that read it would refuse the sample. The digest says the sample is whole.
    const { dir, file } = doctoredMigrations();
    const project = Project.open(file, { migrationsDir: dir });
    // The capture triggers a project gets when it joins a team: the second digest covers them.
    ensureTriggers(project.db);
    project.close();
    const again = Project.open(file, { migrationsDir: dir });
    expect((again.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'team_capture_%'").get() as { n: number }).n).toBeGreaterThan(0);
    again.close();
  });

  it('is read when the schema has not the digest: one trigger changed is refused as changed', () => {
    const { dir, file } = doctoredMigrations();
    const raw = new Database(file);
    raw.exec("DROP TRIGGER excerpts_count_ai; CREATE TRIGGER excerpts_count_ai AFTER INSERT ON excerpts BEGIN UPDATE project_counts SET n = n + 2 WHERE what = 'excerpts'; END;");
    raw.close();
    const error = errorOf(() => Project.open(file, { migrationsDir: dir }));
    expect(error.code).toBe('PROJECT_SCHEMA_ALTERED');
    expect(error.message).toContain('a changed trigger excerpts_count_ai');
  });

  it('is ignored when the migrations beside it are not the ones it was made from', () => {
    const { dir, file } = doctoredMigrations();
    const last = fs.readdirSync(dir).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort().at(-1)!;
    fs.appendFileSync(path.join(dir, last), '\n-- A note added after the schema was precomputed.\n');
    const project = Project.open(file, { migrationsDir: dir });
    expect(project.summary().counts.cases).toBeGreaterThan(0);
    project.close();
  });
});
