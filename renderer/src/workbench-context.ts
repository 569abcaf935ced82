/**
 * What every part of the open workbench shares: the project store, the autosave queue, and the one way to make a
 * structural edit (flush typing first, call, then reload what the edit may have changed).
 */
import { createContext, useCallback, useContext, useState, useSyncExternalStore } from 'react';
import type { ApiInput, ApiOutput } from '../../electron/contract/api';
import type { ApiError } from '../../electron/contract/errors';
import type { Method } from '../../electron/contract/methods';
import { api, toApiError } from './api';
import type { ProjectSnapshot, ProjectStore, RefreshPart } from './project-store';
import type { SaveQueue, SaveStatus } from './save-queue';

export interface WorkbenchServices {
  store: ProjectStore;
  queue: SaveQueue;
}

export const WorkbenchContext = createContext<WorkbenchServices | null>(null);

export function useServices(): WorkbenchServices {
  const services = useContext(WorkbenchContext);
  if (!services) throw new Error('useServices() outside the workbench.');
  return services;
}

export function useProject(): ProjectSnapshot {
  const { store } = useServices();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useSaveStatus(): SaveStatus {
  const { queue } = useServices();
  return useSyncExternalStore(queue.subscribe, queue.getStatus);
}

/** The unsaved value of one field, if any (re-renders when it changes). */
export function useDraft<T>(key: string): T | undefined {
  const { queue } = useServices();
  return useSyncExternalStore(queue.subscribe, () => queue.draft<T>(key));
}

export function useFieldError(key: string): string | undefined {
  const { queue } = useServices();
  return useSyncExternalStore(queue.subscribe, () => queue.errorOf(key));
}

function call<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const fn = api[method] as unknown as (input: ApiInput<M>) => Promise<ApiOutput<M>>;
  return fn(input);
}

/** The parts of the project a method's success may have changed. */
export function partsChangedBy(method: Method): RefreshPart[] {
  if (method.startsWith('cells.')) return ['cells', 'history'];
  if (method === 'norms.setFramework' || method === 'stages.remove' || method.startsWith('history.')) return ['overview', 'cells', 'history'];
  return ['overview', 'history'];
}

export interface EditAction<M extends Method> {
  run: (input: ApiInput<M>) => Promise<ApiOutput<M> | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/**
 * A structural edit (create, reorder, archive, change a framework...): sends what is typed first, so the back end
 * sees the edits in order, then reloads what changed. Resolves to undefined when it failed (see `error`).
 */
export function useEdit<M extends Method>(method: M): EditAction<M> {
  const { store, queue } = useServices();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const run = useCallback(
    async (input: ApiInput<M>) => {
      setPending(true);
      setError(undefined);
      try {
        await queue.flush();
        const result = await call(method, input);
        await store.refresh(partsChangedBy(method));
        return result;
      } catch (caught) {
        setError(toApiError(caught));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [method, queue, store],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}

/** A read for a dialog (impact of a change), called from an event handler. */
export function apiCall<M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  return call(method, input);
}
