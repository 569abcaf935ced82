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
import { localError } from '../../contract/i18n/format';
import { DONT_CARE, termKey, type Term } from './sets';

function termFrom(p: number[], keep: boolean[]): Term {
  return p.map((v, j) => (keep[j] ? v : DONT_CARE));
}

/**
 * Minimal transversals of `edges` (each a list of condition indexes). Branching on an edge not yet hit, the i-th
 * vertex chosen excludes the ones before it, so each transversal is reached once; a branch stops as soon as a chosen
 * vertex has no edge of its own left (it could never become minimal again).
 */
function minimalTransversals(edges: number[][], n: number): boolean[][] {
  const found: boolean[][] = [];
  const chosen = new Array<boolean>(n).fill(false);
  const excluded = new Array<boolean>(n).fill(false);
  const picked: number[] = [];
  const everyPickNeeded = () =>
    picked.every((u) => edges.some((e) => e.includes(u) && e.every((k) => k === u || !chosen[k])));
  const visit = () => {
    let open: number[] | undefined;
    let openSize = Infinity;
    for (const e of edges) {
      if (e.some((j) => chosen[j])) continue;
      const size = e.reduce((a, j) => a + (excluded[j] ? 0 : 1), 0);
      if (size < openSize) {
        open = e;
        openSize = size;
      }
    }
    if (!open) {
      found.push([...chosen]);
      return;
    }
    const candidates = open.filter((j) => !excluded[j]);
    const newlyExcluded: number[] = [];
    for (const v of candidates) {
      chosen[v] = true;
      picked.push(v);
      if (everyPickNeeded()) visit();
      picked.pop();
      chosen[v] = false;
      excluded[v] = true;
      newlyExcluded.push(v);
    }
    for (const v of newlyExcluded) excluded[v] = false;
  };
  visit();
  return found;
}

export function primesAvoiding(positives: number[][], forbidden: number[][], n: number): Term[] {
  const primes = new Map<string, Term>();
  for (const p of positives) {
    const edges = forbidden.map((o) => p.flatMap((v, j) => (v !== o[j] ? [j] : [])));
    if (edges.some((e) => e.length === 0)) throw localError('VALIDATION_FAILED', 'errorsQca.positiveAndForbidden');
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

/**
 * The prime implicants of a union of cubes of two-level conditions by iterated consensus (Quine 1955; the Blake
 * canonical form): two cubes that clash on exactly one condition yield the cube that frees it; cubes inside another
 * are dropped; at the fixed point what is left is every largest cube inside the union.
 */
function primesByConsensus(cubes: Term[]): Term[] {
  let set = new Map<string, Term>();
  const absorbedBy = (inner: Term, outer: Term) => contains(outer, inner);
  const add = (t: Term) => {
    for (const c of set.values()) if (absorbedBy(t, c)) return false;
    for (const [k, c] of set) if (absorbedBy(c, t)) set.delete(k);
    set.set(termKey(t), t);
    return true;
  };
  for (const c of cubes) add(c);
  let changed = true;
  while (changed) {
    changed = false;
    const list = [...set.values()];
    for (let i = 0; i < list.length; i++) {
      for (let k = i + 1; k < list.length; k++) {
        const a = list[i]!;
        const b = list[k]!;
        let clash = -1;
        let ok = true;
        for (let j = 0; j < a.length; j++) {
          if (a[j] === DONT_CARE || b[j] === DONT_CARE || a[j] === b[j]) continue;
          if (clash >= 0) {
            ok = false;
            break;
          }
          clash = j;
        }
        if (!ok || clash < 0) continue;
        const c = a.map((v, j) => (j === clash ? DONT_CARE : v === DONT_CARE ? b[j]! : v));
        if (set.has(termKey(c))) continue;
        if (add(c)) changed = true;
      }
    }
    set = new Map(set);
  }
  return [...set.values()];
}

export function primesInside(positives: number[][], allowed: Term[], levels: number[]): Term[] {
  if (levels.every((l) => l === 2)) return primesByConsensus(allowed).filter((t) => positives.some((p) => contains(t, p)));
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
 *
 * Columns that cover the same rows are searched as one (their models differ only by that choice, and are expanded
 * at the end); rows are bit sets, and a branch stops when even the widest remaining column, taken every time the
 * budget allows, could not cover what is left.
 */
export function minimalCovers(covering: number[][], columns: number): { covers: number[][]; truncated: boolean } {
  if (covering.some((c) => c.length === 0)) throw localError('VALIDATION_FAILED', 'errorsQca.uncovered');
  const essential = new Set<number>();
  for (const cols of covering) if (cols.length === 1) essential.add(cols[0]!);
  const open = covering.map((_, r) => r).filter((r) => !covering[r]!.some((c) => essential.has(c)));
  const base = [...essential].sort((a, b) => a - b);
  if (open.length === 0) return { covers: [base], truncated: false };

  const words = Math.ceil(open.length / 32);
  const maskOf = new Map<string, { mask: Uint32Array; members: number[] }>();
  for (let c = 0; c < columns; c++) {
    const mask = new Uint32Array(words);
    open.forEach((r, i) => {
      if (covering[r]!.includes(c)) mask[i >>> 5]! |= 1 << (i & 31);
    });
    if (mask.every((w) => w === 0)) continue;
    const key = mask.join(',');
    const group = maskOf.get(key);
    if (group) group.members.push(c);
    else maskOf.set(key, { mask, members: [c] });
  }
  const groups = [...maskOf.values()];
  const popcount = (w: number) => {
    let x = w - ((w >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  };
  const overlap = (a: Uint32Array, b: Uint32Array) => {
    let n = 0;
    for (let k = 0; k < words; k++) n += popcount(a[k]! & b[k]!);
    return n;
  };

  const found: number[][] = [];
  const chosen: number[] = [];
  const banned = new Array<boolean>(groups.length).fill(false);
  let tooMany = false;
  const search = (uncovered: Uint32Array, budget: number) => {
    if (tooMany) return;
    let left = 0;
    for (let k = 0; k < words; k++) left += popcount(uncovered[k]!);
    if (left === 0) {
      found.push([...chosen]);
      if (found.length >= MAX_MODELS) tooMany = true;
      return;
    }
    if (budget === 0) return;
    let widest = 0;
    for (let g = 0; g < groups.length; g++) if (!banned[g]) widest = Math.max(widest, overlap(groups[g]!.mask, uncovered));
    if (widest * budget < left) return;
    // The uncovered row with the fewest columns still allowed.
    let row = -1;
    let fewest = Infinity;
    for (let i = 0; i < open.length; i++) {
      if (!(uncovered[i >>> 5]! & (1 << (i & 31)))) continue;
      let k = 0;
      for (let g = 0; g < groups.length; g++) if (!banned[g] && groups[g]!.mask[i >>> 5]! & (1 << (i & 31))) k++;
      if (k < fewest) {
        fewest = k;
        row = i;
      }
    }
    if (fewest === 0) return;
    const nowBanned: number[] = [];
    for (let g = 0; g < groups.length; g++) {
      const mask = groups[g]!.mask;
      if (banned[g] || !(mask[row >>> 5]! & (1 << (row & 31)))) continue;
      const rest = new Uint32Array(words);
      for (let k = 0; k < words; k++) rest[k] = uncovered[k]! & ~mask[k]!;
      chosen.push(g);
      search(rest, budget - 1);
      chosen.pop();
      banned[g] = true;
      nowBanned.push(g);
    }
    for (const g of nowBanned) banned[g] = false;
  };
  const all = new Uint32Array(words);
  open.forEach((_, i) => (all[i >>> 5]! |= 1 << (i & 31)));
  for (let k = 1; k <= groups.length && found.length === 0; k++) search(all, k);

  // Each cover of groups stands for every choice of one column per group.
  const covers: number[][] = [];
  let truncated = tooMany;
  for (const cover of found) {
    let partial: number[][] = [[]];
    for (const g of cover) partial = partial.flatMap((p) => groups[g]!.members.map((c) => [...p, c]));
    for (const p of partial) {
      if (covers.length >= MAX_MODELS) {
        truncated = true;
        break;
      }
      covers.push([...base, ...p].sort((a, b) => a - b));
    }
  }
  return { covers, truncated };
}
