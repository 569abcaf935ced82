/**
 * Exact prime implicants and every minimal cover of the prime implicant chart.
 *
 * A prime implicant that covers a positive configuration p keeps p's values on some set S of conditions and
 * "don't care" elsewhere; it is prime when no smaller S is allowed. Two equivalent searches find every such S:
 * - when what may not be covered is a short list (observed negative rows and contradictions, for the parsimonious
 *   solution), S must differ from every forbidden row somewhere, so the primes from p are the minimal transversals
 *   of the sets {j : p_j ≠ o_j} (Quine–McCluskey's result without enumerating the million remainders of 20 conditions);
 * - when what may be covered is a short list of cubes (the positive rows for the conservative solution; positive rows
 *   and easy counterfactuals for the intermediate one), S is shrunk from all conditions while the term stays inside.
 * The chart is then solved exactly: essential implicants first, then every cover of minimal size (Petrick's method
 * by iterative deepening), so that model ambiguity shows as several equally short models.
 */
import { ApiError } from '../../contract/errors';
import { DONT_CARE, termKey, type Term } from './sets';

function termFrom(p: number[], keep: boolean[]): Term {
  return p.map((v, j) => (keep[j] ? v : DONT_CARE));
}

/** Minimal transversals of `edges` (each a list of condition indexes), found depth-first with a minimality check. */
function minimalTransversals(edges: number[][], n: number): boolean[][] {
  const found = new Map<string, boolean[]>();
  const chosen = new Array<boolean>(n).fill(false);
  const hits = (edge: number[]) => edge.some((j) => chosen[j]);
  const minimal = () => {
    for (let j = 0; j < n; j++) {
      if (!chosen[j]) continue;
      // j is needed only if some edge is hit by j alone.
      if (!edges.some((e) => e.includes(j) && e.every((k) => k === j || !chosen[k]))) return false;
    }
    return true;
  };
  const visit = (depth: number) => {
    const open = edges.find((e) => !hits(e));
    if (!open) {
      if (minimal()) {
        const key = chosen.map((c) => (c ? '1' : '0')).join('');
        if (!found.has(key)) found.set(key, [...chosen]);
      }
      return;
    }
    if (depth >= n) return;
    for (const j of open) {
      chosen[j] = true;
      visit(depth + 1);
      chosen[j] = false;
    }
  };
  visit(0);
  return [...found.values()];
}

export function primesAvoiding(positives: number[][], forbidden: number[][], n: number): Term[] {
  const primes = new Map<string, Term>();
  for (const p of positives) {
    const edges = forbidden.map((o) => p.flatMap((v, j) => (v !== o[j] ? [j] : [])));
    if (edges.some((e) => e.length === 0)) throw new ApiError('VALIDATION_FAILED', 'A configuration is both positive and forbidden; the truth table is inconsistent.');
    for (const keep of minimalTransversals(edges, n)) {
      const t = termFrom(p, keep);
      primes.set(termKey(t), t);
    }
  }
  return [...primes.values()];
}

function size(t: Term, levels: number[]): number {
  let s = 1;
  for (let j = 0; j < t.length; j++) if (t[j] === DONT_CARE) s *= levels[j]!;
  return s;
}

function intersects(a: Term, b: Term): boolean {
  for (let j = 0; j < a.length; j++) if (a[j] !== DONT_CARE && b[j] !== DONT_CARE && a[j] !== b[j]) return false;
  return true;
}

function contains(outer: Term, inner: Term): boolean {
  for (let j = 0; j < outer.length; j++) if (outer[j] !== DONT_CARE && outer[j] !== inner[j]) return false;
  return true;
}

/** Is every configuration of `t` inside the union of `cubes`? Split on a free condition until one cube holds each part. */
export function insideUnion(t: Term, cubes: Term[], levels: number[]): boolean {
  const touching = cubes.filter((c) => intersects(t, c));
  if (touching.length === 0) return false;
  if (touching.some((c) => contains(c, t))) return true;
  let room = 0;
  for (const c of touching) {
    const overlap = t.map((v, j) => (v === DONT_CARE ? c[j]! : v));
    room += size(overlap, levels);
  }
  if (room < size(t, levels)) return false;
  const j = t.findIndex((v, k) => v === DONT_CARE && touching.some((c) => c[k] !== DONT_CARE));
  for (let v = 0; v < levels[j]!; v++) {
    const part = [...t];
    part[j] = v;
    if (!insideUnion(part, touching, levels)) return false;
  }
  return true;
}

export function primesInside(positives: number[][], allowed: Term[], levels: number[]): Term[] {
  const primes = new Map<string, Term>();
  const n = levels.length;
  for (const p of positives) {
    const seen = new Set<string>();
    const visit = (keep: boolean[]) => {
      const key = keep.map((k) => (k ? '1' : '0')).join('');
      if (seen.has(key)) return;
      seen.add(key);
      let grown = false;
      for (let j = 0; j < n; j++) {
        if (!keep[j]) continue;
        keep[j] = false;
        if (insideUnion(termFrom(p, keep), allowed, levels)) {
          grown = true;
          visit([...keep]);
        }
        keep[j] = true;
      }
      if (!grown) {
        const t = termFrom(p, keep);
        primes.set(termKey(t), t);
      }
    };
    visit(new Array<boolean>(n).fill(true));
  }
  return [...primes.values()];
}

/** More than this many equally minimal models is reported as too many (R's QCA flags such charts as "complex"). */
export const MAX_MODELS = 1000;

/**
 * Every cover of the rows by the fewest columns. `covering[r]` lists the columns that cover row r. Returns column
 * index sets (sorted), essential columns included, and whether the enumeration stopped at MAX_MODELS.
 */
export function minimalCovers(covering: number[][], columns: number): { covers: number[][]; truncated: boolean } {
  if (covering.some((c) => c.length === 0)) throw new ApiError('VALIDATION_FAILED', 'A positive configuration is covered by no prime implicant.');
  const essential = new Set<number>();
  for (const cols of covering) if (cols.length === 1) essential.add(cols[0]!);
  const open = covering.map((_, r) => r).filter((r) => !covering[r]!.some((c) => essential.has(c)));
  const base = [...essential].sort((a, b) => a - b);
  if (open.length === 0) return { covers: [base], truncated: false };
  const found = new Map<string, number[]>();
  let truncated = false;
  const chosen: number[] = [];
  const search = (budget: number) => {
    if (found.size >= MAX_MODELS) {
      truncated = true;
      return;
    }
    const uncovered = open.filter((r) => !covering[r]!.some((c) => chosen.includes(c)));
    if (uncovered.length === 0) {
      const set = [...base, ...chosen].sort((a, b) => a - b);
      found.set(set.join(','), set);
      return;
    }
    if (budget === 0) return;
    let row = uncovered[0]!;
    for (const r of uncovered) if (covering[r]!.length < covering[row]!.length) row = r;
    for (const c of covering[row]!) {
      chosen.push(c);
      search(budget - 1);
      chosen.pop();
    }
  };
  for (let k = 1; k <= columns && found.size === 0; k++) search(k);
  return { covers: [...found.values()], truncated };
}
