/**
 * Autosave. Every edited field is a draft under its own key until the back end has stored it: typing is debounced,
 * leaving a field saves at once, and a failed save keeps the draft (shown in the field, named in the title bar)
 * until a retry or the next edit sends it again. Saves go out one at a time, in the order they were made, so the
 * back end sees the edits in the user's order and its undo journal merges a field's typing into one step.
 */
import { toApiError } from './api';
import { formatMessage } from '../../electron/contract/i18n/format';
import { currentLanguage } from './i18n/current';

export const SAVE_DEBOUNCE_MS = 400;

export interface SaveRequest<T = unknown> {
  /** One field of one thing, e.g. `cell:<norm>:<case>:<stage>:summary`. */
  key: string;
  /** Where the field is, for the title bar when its save fails (e.g. "Kazakhstan · Diffusion"). */
  where?: string | undefined;
  value: T;
  send: (value: T) => Promise<unknown>;
  /** A sentence when the value cannot be sent as it is (kept as a draft, not sent). */
  validate?: ((value: T) => string | null) | undefined;
  /**
   * Runs with the back end's answer; the draft is dropped only when it has finished (a reload of what changed), so
   * the field never flashes the old value in between.
   */
  onSaved?: ((result: unknown) => void | Promise<void>) | undefined;
}

interface Entry {
  request: SaveRequest;
  state: 'pending' | 'sending' | 'failed';
  /** A newer value typed while the previous one was on its way. */
  next: SaveRequest | undefined;
  error: string | undefined;
}

export type SaveStatus = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string; count: number };

const SAVED: SaveStatus = { kind: 'saved' };
const SAVING: SaveStatus = { kind: 'saving' };

export class SaveQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pumping = false;
  private idleWaiters: (() => void)[] = [];
  private status: SaveStatus = SAVED;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getStatus = (): SaveStatus => this.status;

  /** The value not yet stored for `key`, or undefined when the field shows what the back end holds. */
  draft<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    return (entry.next ?? entry.request).value as T;
  }

  /** An error for this one field (its save failed or its value is invalid). */
  errorOf(key: string): string | undefined {
    const entry = this.entries.get(key);
    return entry?.state === 'failed' ? entry.error : undefined;
  }

  /** True while anything is typed but not stored (pending, on its way, or failed). */
  get dirty(): boolean {
    return this.entries.size > 0;
  }

  /** Records an edit; sent after the debounce, or at once with `immediate` (selects, toggles). */
  edit<T>(request: SaveRequest<T>, options: { immediate?: boolean } = {}): void {
    const req = request as SaveRequest;
    const entry = this.entries.get(req.key);
    if (entry?.state === 'sending') {
      entry.next = req;
    } else {
      this.entries.set(req.key, { request: req, state: 'pending', next: undefined, error: undefined });
    }
    this.changed();
    if (options.immediate) void this.flush();
    else this.schedule();
  }

  /**
   * The user put back the value the back end holds: a draft not sent yet is simply dropped (nothing to save, no
   * empty undo step); if another value is on its way, this one must follow it.
   */
  revert<T>(request: SaveRequest<T>): void {
    const entry = this.entries.get(request.key);
    if (!entry) return;
    if (entry.state === 'sending') entry.next = request as SaveRequest;
    else this.entries.delete(request.key);
    this.changed();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pump();
    }, SAVE_DEBOUNCE_MS);
  }

  /** Sends everything pending now; resolves when nothing is pending or on its way (failures stay as drafts). */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const done = this.whenIdle();
    void this.pump();
    return done;
  }

  /** Sends the failed drafts again. */
  retry(): Promise<void> {
    for (const entry of this.entries.values()) {
      if (entry.state === 'failed') {
        entry.state = 'pending';
        entry.error = undefined;
      }
    }
    this.changed();
    return this.flush();
  }

  private whenIdle(): Promise<void> {
    if (![...this.entries.values()].some((e) => e.state !== 'failed') && !this.pumping) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const entry = [...this.entries.values()].find((e) => e.state === 'pending');
        if (!entry) break;
        const { request } = entry;
        const invalid = request.validate?.(request.value) ?? null;
        if (invalid) {
          entry.state = 'failed';
          entry.error = invalid;
          this.changed();
          continue;
        }
        entry.state = 'sending';
        this.changed();
        try {
          const result = await request.send(request.value);
          try {
            await request.onSaved?.(result);
          } catch {
            // Stored all the same: a failed reload is reported where the reload is shown, not as a failed save.
          }
          if (entry.next) {
            entry.request = entry.next;
            entry.next = undefined;
            entry.state = 'pending';
          } else {
            this.entries.delete(request.key);
          }
        } catch (error) {
          if (entry.next) {
            entry.request = entry.next;
            entry.next = undefined;
          }
          entry.state = 'failed';
          entry.error = toApiError(error).message;
        }
        this.changed();
      }
    } finally {
      this.pumping = false;
      this.changed();
      if (![...this.entries.values()].some((e) => e.state !== 'failed')) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  }

  private changed(): void {
    const entries = [...this.entries.values()];
    const failed = entries.filter((e) => e.state === 'failed');
    let next: SaveStatus;
    if (entries.some((e) => e.state !== 'failed') || this.pumping) next = SAVING;
    else if (failed.length > 0) {
      const first = failed[0]!;
      const reason = first.error ?? formatMessage(currentLanguage(), 'transport.notStored');
      next = { kind: 'failed', message: first.request.where ? `${first.request.where}: ${reason}` : reason, count: failed.length };
    }
    else next = SAVED;
    if (next.kind !== this.status.kind || (next.kind === 'failed' && this.status.kind === 'failed' && (next.message !== this.status.message || next.count !== this.status.count))) {
      this.status = next;
    }
    for (const listener of this.listeners) listener();
  }
}
