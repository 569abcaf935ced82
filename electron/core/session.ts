import type { OpenOptions } from './db/project-file';
import { Jobs } from './jobs';
import { PrefsStore } from './prefs';
import { Project } from './project';
import { ApiError } from '../contract/errors';

/**
 * The state behind one window (Electron) or one server (web transport): the preferences and the open project.
 */
export class Session {
  readonly prefs: PrefsStore;
  /** Long-running work (document imports) of this session. */
  readonly jobs = new Jobs();
  private current: Project | undefined;

  constructor(
    userDataDir: string,
    readonly openOptions: OpenOptions = {},
  ) {
    this.prefs = new PrefsStore(userDataDir);
  }

  get project(): Project | undefined {
    return this.current;
  }

  requireProject(): Project {
    if (!this.current) throw new ApiError('NO_PROJECT_OPEN', 'No project is open. Open a .comparanda file or create a new project.');
    return this.current;
  }

  open(file: string): Project {
    // Open the new one first: if it is refused, the project already open stays open.
    const next = Project.open(file, this.openOptions);
    this.current?.close();
    this.current = next;
    this.remember(next);
    return next;
  }

  /** The recent list is a convenience: failing to update it must not fail the open that already succeeded. */
  private remember(project: Project): void {
    try {
      this.prefs.rememberOpened(project.path, project.title);
    } catch (error) {
      console.error(`[comparanda] Could not update the recent-projects list: ${(error as Error).message}`);
    }
  }

  create(file: string, title?: string): Project {
    const next = Project.create(file, { ...this.openOptions, title });
    this.current?.close();
    this.current = next;
    this.remember(next);
    return next;
  }

  close(): void {
    // A running import writes only at its end, and checks that its project is still the open one: cancelling it
    // here means nothing is written to a closed project.
    this.jobs.cancelAll();
    this.current?.close();
    this.current = undefined;
  }
}
