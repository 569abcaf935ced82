import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../contract/api';

const MAX_RECENT = 12;

const prefsSchema = z.object({
  firstRunDone: z.boolean().default(false),
  recent: z
    .array(z.object({ path: z.string(), title: z.string(), openedAt: z.string() }))
    .default([]),
  window: z
    .object({ x: z.number().optional(), y: z.number().optional(), width: z.number(), height: z.number(), maximized: z.boolean().default(false) })
    .optional(),
});

export type Prefs = z.infer<typeof prefsSchema>;

/**
 * Preferences and the recent-projects list, kept in the OS user-data folder (never inside a project, which may be
 * shared). Written atomically: a temporary file renamed over the old one, so a crash never leaves half a file.
 */
export class PrefsStore {
  readonly file: string;
  private cache: Prefs | undefined;

  constructor(readonly userDataDir: string) {
    this.file = path.join(userDataDir, 'preferences.json');
  }

  read(): Prefs {
    if (this.cache) return this.cache;
    let raw: unknown = {};
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      // Missing or unreadable preferences fall back to defaults; they hold nothing that cannot be rebuilt.
    }
    const parsed = prefsSchema.safeParse(raw);
    this.cache = parsed.success ? parsed.data : prefsSchema.parse({});
    return this.cache;
  }

  update(change: (prefs: Prefs) => Prefs): Prefs {
    const next = prefsSchema.parse(change(structuredClone(this.read())));
    fs.mkdirSync(this.userDataDir, { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, JSON.stringify(next, null, 2));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, this.file);
    this.cache = next;
    return next;
  }

  rememberOpened(projectPath: string, title: string): void {
    this.update((prefs) => ({
      ...prefs,
      recent: [{ path: projectPath, title, openedAt: new Date().toISOString() }, ...prefs.recent.filter((r) => r.path !== projectPath)].slice(
        0,
        MAX_RECENT,
      ),
    }));
  }

  recent(): RecentProject[] {
    return this.read().recent.map((r) => ({ ...r, exists: fs.existsSync(r.path) }));
  }
}
