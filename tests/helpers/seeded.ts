/** Test helpers that generate the same data, and watch the same things, in every test that needs them. */

/** A small deterministic generator (a linear congruential one): the same sequence for the same seed on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Counts the turns of this thread's event loop until `stop()`: many while the thread waits on other work, few while
 * it runs long synchronous stretches.
 */
export function countTurns(): { readonly turns: number; stop: () => number } {
  let turns = 0;
  let done = false;
  const spin = () => {
    turns++;
    if (!done) setImmediate(spin);
  };
  setImmediate(spin);
  return {
    get turns() {
      return turns;
    },
    stop: () => {
      done = true;
      return turns;
    },
  };
}
