/**
 * Peak memory per phase. On Linux the kernel keeps each process's resident high-water mark (VmHWM) and lets the
 * process reset it (`echo 5 > /proc/PID/clear_refs`): a phase's true peak, even inside long synchronous work where a
 * timer could not sample. Elsewhere, or if the reset is refused, a 10 ms sampler of the RSS is used instead.
 */
import fs from 'node:fs';

const MB = 1024 * 1024;

function status(pid: number | 'self'): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
}

function field(text: string | null, name: string): number | null {
  if (!text) return null;
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? (Number(match[1]) * 1024) / MB : null;
}

/** Resident set size now, in MB (null where /proc is missing). */
export function rssMb(pid: number | 'self' = 'self'): number | null {
  return field(status(pid), 'VmRSS');
}

/** The resident high-water mark since the process started or since resetPeak, in MB. */
export function peakMb(pid: number | 'self' = 'self'): number | null {
  return field(status(pid), 'VmHWM');
}

export function resetPeak(pid: number | 'self' = 'self'): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Every descendant of `root` (children, grandchildren...), from /proc. */
export function descendants(root: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const parent = new Map<number, number>();
  for (const entry of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so parse after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const [pid, ppid] of parent) {
      if (ppid === at) {
        out.push(pid);
        queue.push(pid);
      }
    }
  }
  return out;
}

export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Tracks the peak RSS of this process over one phase. */
export class PhasePeak {
  private sampled = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly kernel: boolean;

  constructor() {
    this.kernel = resetPeak('self');
    const sample = () => {
      this.sampled = Math.max(this.sampled, process.memoryUsage.rss() / MB);
    };
    sample();
    this.timer = setInterval(sample, 10);
    this.timer.unref();
  }

  /** Ends the phase and answers its peak in MB. */
  stop(): number {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sampled = Math.max(this.sampled, process.memoryUsage.rss() / MB);
    const kernel = this.kernel ? peakMb('self') : null;
    return Math.max(this.sampled, kernel ?? 0);
  }
}
