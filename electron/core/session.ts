import fs from 'node:fs';
import path from 'node:path';
import { Backups } from './backups';
import { inspectProjectFile, type OpenOptions } from './db/project-file';
import { Jobs } from './jobs';
import { acquireLock, type ProjectLock } from './lock';
import { newProjectDir } from './paths';
import { PrefsStore } from './prefs';
import { Project } from './project';
import { AutoSync, AUTO_SYNC_TIMINGS, type AutoSyncTimings } from './team/auto';
import { teamConfig } from './team/capture';
import type { AutoSyncDto } from '../contract/api';
import { localError } from '../contract/i18n/format';
import type { Language } from '../contract/i18n/languages';

/**
 * The state behind one window (Electron) or one server (web transport): the preferences and the open project.
 */
/** The open snapshot waits until the first screen has been served. */
const OPEN_SNAPSHOT_DELAY_MS = 3000;

export class Session {
  readonly prefs: PrefsStore;
  /** Long-running work (document imports) of this session. */
  readonly jobs = new Jobs();
  readonly backups: Backups;
  /** Syncs the open project with its team's hub, if it has one. */
  readonly autoSync: AutoSync;
  private current: Project | undefined;
  private lastSnapshot = 0;
  private lock: ProjectLock | undefined;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    userDataDir: string,
    readonly openOptions: OpenOptions = {},
    /** How long edits may go without a snapshot. */
    readonly snapshotIntervalMs = 5 * 60 * 1000,
    autoSyncTimings: AutoSyncTimings = AUTO_SYNC_TIMINGS,
  ) {
    this.prefs = new PrefsStore(userDataDir);
    // Read now, as both windows read them at start (language, window, first run): the first open then finds them
    // parsed, instead of parsing them while the researcher waits for the project.
    this.prefs.read();
    this.backups = new Backups(path.join(userDataDir, 'backups'));
    this.autoSync = new AutoSync(
      this.jobs,
      {
        enabled: (teamId) => !this.prefs.read().teamAutoSyncOff.includes(teamId),
        // The undo journal stays: a step whose rows a teammate changed since is refused when undone (stale-step
        // check), every other step still undoes. What arrived is another step the next backup holds.
        received: () => this.scheduleSnapshot(),
      },
      autoSyncTimings,
    );
  }

  /** Automatic sync on or off for the open project's team, on this computer. */
  setAutoSync(enabled: boolean): AutoSyncDto {
    const project = this.requireProject();
    const config = teamConfig(project.db);
    if (!config) throw localError('CONFLICT', 'errorsTeam.nothingToSync');
    this.prefs.update((prefs) => ({
      ...prefs,
      teamAutoSyncOff: enabled ? prefs.teamAutoSyncOff.filter((id) => id !== config.team_id) : [...new Set([...prefs.teamAutoSyncOff, config.team_id])],
    }));
    this.autoSync.settingChanged();
    return this.autoSync.state();
  }

  /** Takes a snapshot now; failures are logged, never thrown at the researcher's edit. */
  snapshot(reason: 'open' | 'edits' | 'manual'): Promise<void> {
    const project = this.current;
    if (!project) return Promise.resolve();
    this.lastSnapshot = Date.now();
    const taking = this.backups.snapshot(project, reason).then(
      () => undefined,
      (error: unknown) => {
        // A project closed while its snapshot was being taken simply gets none; anything else is worth a log line.
        if (this.current === project && fs.existsSync(this.backups.root)) console.error(`[comparanda] Backup of ${project.path} failed: ${(error as Error).message}`);
      },
    );
    this.inFlight.add(taking);
    void taking.finally(() => this.inFlight.delete(taking));
    return taking;
  }

  /**
   * Waits for snapshots being taken and cancels the scheduled one: before an identity is erased, so that no
   * snapshot holding it is written after the purge.
   */
  async settleSnapshots(): Promise<void> {
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = undefined;
    }
    await Promise.all([...this.inFlight]);
  }

  /** After an edit: a snapshot once the interval has passed since the last one (at most one pending at a time). */
  private scheduleSnapshot(): void {
    if (this.snapshotTimer) return;
    const wait = Math.max(0, this.lastSnapshot + this.snapshotIntervalMs - Date.now());
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      void this.snapshot('edits');
    }, wait);
    this.snapshotTimer.unref();
  }

  private attach(project: Project): void {
    project.history.onChange = () => {
      this.scheduleSnapshot();
      this.autoSync.edited();
    };
    this.autoSync.attach(project);
    // A snapshot when a project opens, unless a recent one already holds it as it is: copying a large project at
    // every open would compete with the first screen for the disk. Which it is, is decided just after the open
    // returns (listing the backups folder was a tenth of a warm open, issue 22), from the file as it was opened.
    const modified = fs.statSync(project.path).mtimeMs;
    const decide = setImmediate(() => {
      if (this.current !== project) return;
      const latest = this.backups.latestCreatedAt(project.path);
      if (latest && Date.parse(latest) >= modified && Date.now() - Date.parse(latest) < 24 * 3600 * 1000) {
        this.lastSnapshot = Date.now();
        return;
      }
      const timer = setTimeout(() => {
        if (this.current === project) void this.snapshot('open');
      }, OPEN_SNAPSHOT_DELAY_MS);
      timer.unref();
    });
    decide.unref();
  }

  get project(): Project | undefined {
    return this.current;
  }

  requireProject(): Project {
    if (!this.current) throw localError('NO_PROJECT_OPEN', 'errors.noProject');
    return this.current;
  }

  open(file: string, passphrase?: string, how: { readonly?: boolean | undefined } = {}): Project {
    const absolute = path.resolve(file);
    const options = { ...this.openOptions, passphrase };
    inspectProjectFile(absolute, options);
    if (how.readonly) {
      const next = Project.open(absolute, { ...options, readonly: true });
      this.detach();
      this.current = next;
      return next;
    }
    // Opening the project that is already open here reopens it.
    if (this.current?.path === absolute) this.detach();
    // One writer at a time: a project open in another window or process is offered read-only instead.
    const lock = acquireLock(absolute);
    let next: Project;
    try {
      // A project from an older format is copied into this session's backups before it is migrated.
      next = Project.open(absolute, { ...options, backups: this.backups });
    } catch (error) {
      lock?.release();
      throw error;
    }
    // Only now, with the new project open, does the previous one close: a refused open changes nothing.
    this.detach();
    this.current = next;
    this.lock = lock ?? undefined;
    this.remember(next);
    this.attach(next);
    return next;
  }

  private detach(): void {
    // A running job writes only at its end, and only to its own project: stopped here, before the connection closes,
    // it ends cancelled and writes nothing to a closed project.
    this.jobs.projectClosed();
    this.autoSync.detach();
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = undefined;
    }
    try {
      this.current?.close();
    } finally {
      // A close that failed (a full disk) still closed the connection: the project is no longer this session's.
      this.current = undefined;
      this.lock?.release();
      this.lock = undefined;
    }
  }

  /** The recent list is a convenience: failing to update it must not fail the open that already succeeded. */
  private remember(project: Project): void {
    try {
      this.prefs.rememberOpened(project.path, project);
    } catch (error) {
      console.error(`[comparanda] Could not update the recent-projects list: ${(error as Error).message}`);
    }
  }

  create(file: string, title?: string, passphrase?: string, language?: Language): Project {
    // The folder proposed for new projects is made on first use; any other folder must exist already.
    if (path.dirname(path.resolve(file)) === newProjectDir()) fs.mkdirSync(newProjectDir(), { recursive: true });
    const next = Project.create(file, { ...this.openOptions, title, passphrase, language });
    this.detach();
    this.lock = acquireLock(next.path) ?? undefined;
    this.current = next;
    this.remember(next);
    this.attach(next);
    return next;
  }

  close(): void {
    this.detach();
    this.prefs.flush();
  }
}
