/** Chromium for the benchmark: the system one (no download), the arguments that work on these machines. */
import { chromium, type Browser } from 'playwright-core';
import { descendants, commandLine } from './memory';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** The renderer processes of the browsers this process started (descendants with --type=renderer). */
export function rendererPids(): number[] {
  return descendants(process.pid).filter((pid) => / --type=renderer /.test(` ${commandLine(pid)} `));
}
