/**
 * In-process CPU profiles (V8's sampling profiler through node:inspector), written as .cpuprofile files that Chrome
 * DevTools opens, and summarised as the functions with the most self time: the profile section of the report.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  top: { function: string; where: string; selfMs: number; selfPct: number }[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T)));
  });
}

export async function profile<T>(dir: string, name: string, fn: () => Promise<T>): Promise<{ value: T; summary: ProfileSummary }> {
  const session = new Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
    await post(session, 'Profiler.start');
    const value = await fn();
    const { profile: result } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result));
    return { value, summary: summarise(result, file) };
  } finally {
    session.disconnect();
  }
}

function summarise(profile: CpuProfile, file: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const grouped = new Map<string, { function: string; where: string; selfMs: number }>();
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const fn = node.callFrame.functionName || '(anonymous)';
    const where = node.callFrame.url ? `${node.callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/(electron|node_modules|scripts)\//, '$1/')}:${node.callFrame.lineNumber + 1}` : '';
    const key = `${fn}@${where}`;
    const entry = grouped.get(key) ?? { function: fn, where, selfMs: 0 };
    entry.selfMs += ms;
    grouped.set(key, entry);
  }
  const top = [...grouped.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, 15)
    .map((e) => ({ ...e, selfPct: totalMs > 0 ? (100 * e.selfMs) / totalMs : 0 }));
  return { file, totalMs, top };
}
