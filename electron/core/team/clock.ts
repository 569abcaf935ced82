/**
 * Hybrid logical clocks: wall-clock milliseconds, a counter for changes within one millisecond (or while the wall
 * clock lags behind a clock already seen), and the replica id. Rendered fixed-width so that comparing the strings
 * compares the clocks; the replica id makes every clock unique, so a clock is also the id of its change record.
 */
const MS_WIDTH = 9;
const COUNTER_WIDTH = 5;

export interface Clock {
  ms: number;
  counter: number;
  replica: string;
}

export function formatClock(c: Clock): string {
  return `${c.ms.toString(36).padStart(MS_WIDTH, '0')}-${c.counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${c.replica}`;
}

export function parseClock(text: string): Clock {
  const [ms, counter, ...replica] = text.split('-');
  return { ms: parseInt(ms!, 36), counter: parseInt(counter!, 36), replica: replica.join('-') };
}

/** The next clock after `last` (may be '') for a change made at wall time `now` on `replica`. */
export function nextClock(last: string, now: number, replica: string): string {
  if (!last) return formatClock({ ms: now, counter: 0, replica });
  const prev = parseClock(last);
  if (now > prev.ms) return formatClock({ ms: now, counter: 0, replica });
  return formatClock({ ms: prev.ms, counter: prev.counter + 1, replica });
}

/** The local clock after receiving `remote`: never behind anything seen, so a later local edit orders after it. */
export function receiveClock(last: string, remote: string, replica: string): string {
  if (last && last >= remote) return last;
  const r = parseClock(remote);
  return formatClock({ ms: r.ms, counter: r.counter, replica });
}
