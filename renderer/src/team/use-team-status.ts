import { useEffect, useRef, useState } from 'react';
import type { TeamStatusDto } from '../../../electron/contract/api';
import { api } from '../api';
import { useServices } from '../workbench-context';

/** How often the state is read while a sync runs (for its progress) and otherwise (for the next automatic one). */
const WHILE_SYNCING_MS = 700;
const IDLE_MS = 10_000;

/** Every screen showing the team state (the title bar badge, the Team section) reads it again together. */
const readers = new Set<() => void>();

/**
 * The team state of the open project, kept fresh: read again every few seconds for a team project (never again for
 * a project not in a team, until `reload`). When an automatic sync brought the team's work in, the screens reload the
 * project, as after any edit.
 */
export function useTeamStatus(): { status: TeamStatusDto | null | undefined; error: Error | undefined; reload: () => void } {
  const { store } = useServices();
  const [status, setStatus] = useState<TeamStatusDto | null | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const seen = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const next = await api['team.status']({});
        if (!alive) return;
        setStatus(next);
        setError(undefined);
        const last = next?.auto.last ?? null;
        // Another window's or an automatic sync received something since this screen last looked: show it.
        if (seen.current !== undefined && last && last.at !== seen.current && last.pulled > 0) void store.refresh();
        seen.current = last?.at ?? null;
        if (next) timer = setTimeout(() => void read(), next.auto.syncing ? WHILE_SYNCING_MS : IDLE_MS);
      } catch (caught) {
        if (alive) setError(caught as Error);
      }
    };
    void read();
    const again = () => setVersion((v) => v + 1);
    readers.add(again);
    return () => {
      alive = false;
      readers.delete(again);
      if (timer) clearTimeout(timer);
    };
  }, [store, version]);

  // After a change made here (a setting, a sync, a resolved conflict) every reader shows it at once.
  return { status, error, reload: () => [...readers].forEach((again) => again()) };
}
