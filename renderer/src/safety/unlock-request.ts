/**
 * Which encrypted project the window is asking the passphrase of. Electron reloads the window at
 * `index.html?unlock=<path>` when a project opened from the menu or the system turns out to be encrypted; the empty
 * state asks for the same screen (without a reload) when project.open answers PASSPHRASE_REQUIRED. The address
 * keeps the request, so a reload asks again rather than losing it.
 */
import { useSyncExternalStore } from 'react';

const PARAM = 'unlock';
const listeners = new Set<() => void>();

function fromAddress(): string | null {
  try {
    const value = new URL(window.location.href).searchParams.get(PARAM);
    return value && value.trim() !== '' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Electron reloads the window after File › Open: an unlock request still in the address is then stale (another
 * project was opened meanwhile), so a reloaded page forgets it. A fresh load (Electron's loadURL) honours it.
 */
function wasReloaded(): boolean {
  try {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry?.type === 'reload';
  } catch {
    return false;
  }
}

function initial(): string | null {
  if (typeof window === 'undefined') return null;
  const path = fromAddress();
  if (path !== null && wasReloaded()) {
    setAddress(null);
    return null;
  }
  return path;
}

let current: string | null = initial();

function setAddress(path: string | null): void {
  try {
    const url = new URL(window.location.href);
    if (path === null) url.searchParams.delete(PARAM);
    else url.searchParams.set(PARAM, path);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  } catch {
    // An address that cannot be rewritten only means a reload forgets the request.
  }
}

function publish(path: string | null): void {
  current = path;
  setAddress(path);
  for (const listener of listeners) listener();
}

/** Shows the unlock screen for this file. */
export function requestUnlock(path: string): void {
  publish(path);
}

/** Leaves the unlock screen (opened, or the user went back). */
export function clearUnlock(): void {
  publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The path whose passphrase the window asks for, or null. */
export function useUnlockRequest(): string | null {
  return useSyncExternalStore(subscribe, () => current);
}
