import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../contract/api';
import { LANGUAGES, type Language } from '../contract/i18n/languages';

const MAX_RECENT = 12;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

const recentSchema = z.object({
  path: z.string(),
  /** Absent for an encrypted project: its title is project content, and this file is not encrypted. */
  title: z.string().optional(),
  /** Absent in lists written before titles of encrypted projects were dropped: then the file is checked once. */
  encrypted: z.boolean().optional(),
  openedAt: z.string(),
});
type RecentEntry = z.infer<typeof recentSchema>;

const prefsSchema = z.object({
  firstRunDone: z.boolean().default(false),
  recent: z.array(recentSchema).default([]),
  /** The interface language chosen in the app; absent: the system's. Kept here, not in a project a team shares. */
  language: z.enum(LANGUAGES).optional().catch(undefined),
  /** Teams whose automatic sync was turned off on this computer (it is on for every other team). */
  teamAutoSyncOff: z.array(z.string()).default([]).catch([]),
  window: z
    .object({ x: z.number().optional(), y: z.number().optional(), width: z.number(), height: z.number(), maximized: z.boolean().default(false) })
    .optional(),
});

export type Prefs = z.infer<typeof prefsSchema>;

/** How long after an open the recent list waits to be written (the first screen is served meanwhile). */
const SOON_MS = 2000;

/** Stores with a write pending: written when the process exits, if their timer has not fired by then. */
const pending = new Set<PrefsStore>();
let exitHookInstalled = false;

/**
 * Preferences and the recent-projects list, kept in the OS user-data folder (never inside a project, which may be
 * shared). Written atomically: a temporary file renamed over the old one, so a crash never leaves half a file.
 */
export class PrefsStore {
  readonly file: string;
  private cache: Prefs | undefined;
  /** A write that updateSoon put off. */
  private soon: NodeJS.Timeout | undefined;

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
    if (this.cache.recent.some(needsCheck)) {
      const checked = this.cache.recent.map((r) => (needsCheck(r) ? checkedEntry(r) : r));
      try {
        this.update((prefs) => ({ ...prefs, recent: checked }));
      } catch (error) {
        // The title stays out of the list shown even if the file cannot be rewritten now; the next start tries again.
        this.cache = { ...this.cache, recent: checked };
        console.error(`[comparanda] Could not rewrite the preferences: ${(error as Error).message}`);
      }
    }
    return this.cache;
  }

  update(change: (prefs: Prefs) => Prefs): Prefs {
    const next = prefsSchema.parse(change(structuredClone(this.read())));
    this.write(next);
    return next;
  }

  /**
   * Like update, but the file is written a moment later, or when the session closes or the process exits: for the
   * recent list, changed as a project opens, so that the open does not wait for the disk (a write and an fsync
   * before the first screen). Read meanwhile, the preferences already hold the change; a crash in between loses only
   * it (the list is a convenience).
   */
  updateSoon(change: (prefs: Prefs) => Prefs): void {
    // Checked against the schema when written (flush), not here: a parse of the whole file at every open cost the
    // open as much as its own safety checks (issue 22). The change is the app's own, made on a copy.
    this.cache = change(structuredClone(this.read()));
    if (this.soon) return;
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', () => {
        for (const store of [...pending]) store.flush();
      });
    }
    pending.add(this);
    this.soon = setTimeout(() => this.flush(), SOON_MS);
    this.soon.unref();
  }

  /** Writes a change made by updateSoon now; failures are logged, since nothing waits for this write. */
  flush(): void {
    if (!this.soon) return;
    try {
      this.write(prefsSchema.parse(this.cache));
    } catch (error) {
      console.error(`[comparanda] Could not write the preferences: ${(error as Error).message}`);
    }
  }

  private write(next: Prefs): void {
    // Whatever was pending is in `next` (the cache it was made from): this write carries it.
    if (this.soon) {
      clearTimeout(this.soon);
      this.soon = undefined;
      pending.delete(this);
    }
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
  }

  /** An encrypted project is remembered by its file name only: nothing of its content is written here. */
  rememberOpened(projectPath: string, project: { title: string; encrypted: boolean }): void {
    const entry: RecentEntry = project.encrypted
      ? { path: projectPath, encrypted: true, openedAt: new Date().toISOString() }
      : { path: projectPath, title: project.title, encrypted: false, openedAt: new Date().toISOString() };
    this.updateSoon((prefs) => ({
      ...prefs,
      recent: [entry, ...prefs.recent.filter((r) => r.path !== projectPath)].slice(0, MAX_RECENT),
    }));
  }

  language(): Language | undefined {
    return this.read().language;
  }

  /** `null` goes back to following the system's language. */
  setLanguage(language: Language | null): void {
    this.update((prefs) => {
      const { language: _previous, ...rest } = prefs;
      return language === null ? rest : { ...rest, language };
    });
  }

  recent(): Omit<RecentProject, 'backups'>[] {
    return this.read().recent.map((r) => ({
      path: r.path,
      title: r.title ?? path.basename(r.path, path.extname(r.path)),
      openedAt: r.openedAt,
      exists: fs.existsSync(r.path),
    }));
  }
}

function needsCheck(entry: RecentEntry): boolean {
  return entry.encrypted === undefined && entry.title !== undefined;
}

/**
 * An entry from an older list keeps its title only if its file is a plain SQLite file now: an encrypted file has no
 * readable header, and a missing or unreadable one cannot be shown to be plain, so its title is dropped too.
 */
function checkedEntry(entry: RecentEntry): RecentEntry {
  const plain = startsWithSqliteMagic(entry.path);
  return plain ? { ...entry, encrypted: false } : { path: entry.path, openedAt: entry.openedAt };
}

function startsWithSqliteMagic(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const header = Buffer.alloc(SQLITE_MAGIC.length);
      return fs.readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_MAGIC);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}
