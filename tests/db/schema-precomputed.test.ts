/**
 * Issue 22 (open ratio): every open compares the project's schema with the one Comparanda makes for its format. For
 * the current format that schema is read from migrations/expected-schema.json instead of running every migration
 * into memory at each open — but only when the file was made from exactly the migrations beside it, and the
 * committed file must be what the migrations and the capture code make today.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRECOMPUTED_SCHEMA_FILE, precomputeSchema, type PrecomputedSchema } from '../../electron/core/db/schema-check';
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
    const error = errorOf(() => Project.open(file, { migrationsDir: dir }));
    expect(error.code).toBe('PROJECT_SCHEMA_ALTERED');
    expect(error.message).toContain(`an added index ${index}`);
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
