/**
 * Automatic sync for the open team project (issue 20: "automatic while the hub is reachable and manual otherwise").
 * One sync at a time, always as a job (progress, cancel): shortly after the project opens, a little while after the
 * last edit (edits come in bursts: one sync per burst, not per keystroke), and every few minutes to bring in the
 * others' work. When the hub cannot be reached the next try waits longer each time (up to a ceiling), and the state
 * says since when the hub has been out of reach; a successful sync (automatic or by hand) ends that.
 */
import type { AutoSyncDto, JobDto, JobResult } from '../../contract/api';
import { localError } from '../../contract/i18n/format';
import type { Jobs } from '../jobs';
import type { Project } from '../project';
import { teamConfig } from './capture';
import { requireTeam, syncDatabase, type SyncReport } from './sync';

export interface AutoSyncTimings {
  /** After opening the project. */
  openDelayMs: number;
  /** After the last edit of a burst. */
  afterEditMs: number;
  /** Between syncs while nothing happens here (to receive the others' work). */
  pollMs: number;
  /** The first wait after the hub could not be reached; it doubles at each failure… */
  retryMs: number;
  /** …up to this. */
  maxRetryMs: number;
}

export const AUTO_SYNC_TIMINGS: AutoSyncTimings = {
  openDelayMs: 5_000,
  afterEditMs: 20_000,
  pollMs: 2 * 60_000,
  retryMs: 30_000,
  maxRetryMs: 15 * 60_000,
};

export interface AutoSyncHooks {
  /** Whether automatic sync is on for this team (a preference of the installation, on unless turned off). */
  enabled(teamId: string): boolean;
  /** After a sync that changed this project: the undo journal and the screens learn of it. */
  received(project: Project, report: SyncReport): void;
}

export class AutoSync {
  private project: Project | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = 0;
  private jobId: string | undefined;
  private failures = 0;
  private offlineSince: string | null = null;
  private lastError: string | null = null;
  private last: AutoSyncDto['last'] = null;

  constructor(
    private readonly jobs: Jobs,
    private readonly hooks: AutoSyncHooks,
    private readonly timings: AutoSyncTimings = AUTO_SYNC_TIMINGS,
  ) {}

  private teamId(): string | undefined {
    const p = this.project;
    if (!p || p.readonly) return undefined;
    return teamConfig(p.db)?.team_id;
  }

  private on(): boolean {
    const id = this.teamId();
    return id !== undefined && this.hooks.enabled(id);
  }

  /** A project was opened: its team (if any) syncs soon. */
  attach(project: Project): void {
    this.detach();
    this.project = project;
    this.schedule(this.timings.openDelayMs);
  }

  /** The project closes: no more syncs, and a running one stops (what it had not committed is sent next time). */
  detach(): void {
    this.clearTimer();
    if (this.jobId) {
      try {
        this.jobs.cancel(this.jobId);
      } catch {
        // Already forgotten: nothing to stop.
      }
    }
    this.project = undefined;
    this.jobId = undefined;
    this.failures = 0;
    this.offlineSince = null;
    this.lastError = null;
    this.last = null;
  }

  /** After an edit: one sync once the researcher has paused, unless one is already due sooner. */
  edited(): void {
    if (!this.offlineSince) this.schedule(this.timings.afterEditMs);
  }

  /** Turning automatic sync on syncs soon; turning it off stops the timer (a sync under way finishes). */
  settingChanged(): void {
    if (this.on()) this.schedule(0, true);
    else this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = 0;
  }

  /** Sets the next automatic sync `ms` from now, unless one is already due sooner (or `replace` says to move it). */
  private schedule(ms: number, replace = false): void {
    if (!this.on()) return;
    const at = Date.now() + ms;
    if (this.timer && !replace && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = 0;
      if (this.on()) this.start('auto');
    }, ms);
    this.timer.unref();
  }

  private running(): JobDto | undefined {
    if (!this.jobId) return undefined;
    try {
      const job = this.jobs.get(this.jobId);
      return job.state === 'running' ? job : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Starts a sync as a job, or answers with the one already under way (two syncs at once would send the same
   * changes twice). "Sync now" calls this too: it works whether automatic sync is on or not.
   */
  start(how: 'auto' | 'manual'): JobDto {
    const project = this.project;
    if (!project) throw localError('NO_PROJECT_OPEN', 'errorsTeam.noProjectOpen');
    if (project.readonly) throw localError('READ_ONLY', 'errorsInput.readOnlyNoSync');
    requireTeam(project.db);
    const running = this.running();
    if (running) return running;
    this.clearTimer();
    // A project closed under the sync ends it cancelled (the job runner's rule): what it had not committed goes next time.
    const job = this.jobs.start('team-sync', how === 'auto' ? 'Automatic sync' : 'Sync', async (control): Promise<JobResult> => {
      const report = await syncDatabase(project.db, {
        signal: control.signal,
        onProgress: (p) => control.progress(p.done, p.total ?? 0, p.phase === 'push' ? { id: 'jobs.teamSending', values: { done: p.done, total: p.total ?? 0 } } : { id: 'jobs.teamReceiving', values: { done: p.done } }),
      });
      return { sync: report };
    });
    this.jobId = job.id;
    void this.jobs.wait(job.id).then((done) => this.finished(project, done));
    return job;
  }

  private finished(project: Project, job: JobDto): void {
    if (this.project !== project) return;
    if (job.state === 'done' && job.result?.sync) {
      const report = job.result.sync;
      this.failures = 0;
      this.offlineSince = null;
      this.lastError = null;
      this.last = { at: new Date().toISOString(), pushed: report.pushed, pulled: report.pulled, conflicts: report.conflicts };
      if (report.pulled > 0 || report.pushed > 0) this.hooks.received(project, report);
      // Edits made while the sync ran are still in the outbox: they go out after the usual pause.
      const pending = project.db.prepare('SELECT count(*) FROM team_outbox').pluck().get() as number;
      this.schedule(pending > 0 ? this.timings.afterEditMs : this.timings.pollMs);
      return;
    }
    if (job.state === 'failed' && job.error) {
      this.lastError = job.error.message;
      if (job.error.code === 'HUB_UNAVAILABLE') {
        this.failures += 1;
        this.offlineSince ??= new Date().toISOString();
        this.schedule(Math.min(this.timings.maxRetryMs, this.timings.retryMs * 2 ** (this.failures - 1)), true);
        return;
      }
      // Refused for a reason waiting will not mend (removed from the team, a real name in an edit, another
      // version of Comparanda): no automatic retry until the researcher syncs by hand or edits again.
      this.clearTimer();
      return;
    }
    // Cancelled: the next edit or the next poll tries again.
    this.schedule(this.timings.pollMs);
  }

  state(): AutoSyncDto {
    const id = this.teamId();
    const enabled = id !== undefined && this.hooks.enabled(id);
    const running = this.running();
    return {
      enabled,
      syncing: running ? { jobId: running.id, done: running.done, total: running.total, message: running.message, text: running.text } : null,
      nextAt: enabled && this.timer ? new Date(this.timerAt).toISOString() : null,
      offlineSince: this.offlineSince,
      lastError: this.lastError,
      last: this.last,
    };
  }
}
