/**
 * TEST-ONLY. With COMPARANDA_TEST_PAUSE_AT=<name> in the environment, the process stops for good at the named point
 * after saying so on stderr ("paused at <name>"), so that a kill test can SIGKILL it at that exact moment (between
 * two file operations that no timer could hit reliably). Never set outside tests; unset, it costs one lookup.
 */
export function pausePoint(name: string): void {
  if (process.env.COMPARANDA_TEST_PAUSE_AT !== name) return;
  process.stderr.write(`paused at ${name}\n`);
  // A synchronous stop: nothing else of this process may run (no timer, no pending write) once it is "at" the point.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
