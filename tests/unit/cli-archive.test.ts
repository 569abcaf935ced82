/**
 * Issue 17 finding 4: a script archives (and restores) the cases and norms it set up, as the window does. Archiving
 * keeps everything recorded about them in the file; the matrix and the lists leave them out until restored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { cli } from '../helpers/cli';

const root = path.resolve(__dirname, '../..');

function ok(args: string[], cwd: string): string {
  const result = cli(args, cwd);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result.stdout;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) throw new Error('Build first: npm run build (the CLI runs from dist/).');
});

describe('case and norm archive|unarchive', () => {
  it('archives a case and a norm by name, keeps their cells, and restores them', { timeout: 120_000 }, () => {
    const dir = tempDir();
    ok(['sample', '--out', 's.comparanda'], dir);
    const cellsBefore = JSON.parse(ok(['matrix', 's.comparanda', '--norm', 'all', '--format', 'json', '--cases', 'BLR'], dir)) as unknown;

    expect(ok(['case', 'archive', 's.comparanda', 'BLR'], dir)).toBe('Archived case Belarus (BLR), comparison, archived. Its cells stay in the project; "case unarchive" brings it back.\n');
    const cases = JSON.parse(ok(['case', 'list', 's.comparanda', '--json'], dir)) as { name: string; archived: boolean }[];
    expect(cases.find((c) => c.name === 'Belarus')?.archived).toBe(true);
    expect(ok(['norm', 'archive', 's.comparanda', 'Free and fair'], dir)).toMatch(/^Archived norm "Free and fair voting procedures .*"\. Its cells stay in the project; "norm unarchive" brings it back\.\n$/);
    const norms = JSON.parse(ok(['norm', 'list', 's.comparanda', '--json'], dir)) as { label: string; archived: boolean }[];
    expect(norms.filter((n) => n.archived).map((n) => n.label)).toEqual([expect.stringMatching(/^Free and fair voting procedures/)]);

    // Archiving twice says so and changes nothing.
    const again = cli(['case', 'archive', 's.comparanda', 'Belarus'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Belarus is already archived; nothing was changed.');

    expect(ok(['case', 'unarchive', 's.comparanda', 'Belarus'], dir)).toBe('Restored case Belarus (BLR), comparison.\n');
    ok(['norm', 'unarchive', 's.comparanda', 'Free and fair'], dir);
    expect(JSON.parse(ok(['matrix', 's.comparanda', '--norm', 'all', '--format', 'json', '--cases', 'BLR'], dir))).toEqual(cellsBefore);
  });

  it('says which subcommands there are', () => {
    const dir = tempDir();
    const result = cli(['case', 'delete', 'x.comparanda', 'BLR'], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('case add|update|list|archive|unarchive');
  });
});
