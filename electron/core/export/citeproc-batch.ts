/**
 * Every citation of an export formatted by citeproc-js in one pass, each cluster rendered once.
 *
 * citeproc's own way (rebuildProcessorState, and the loop this replaces) is meant for a word processor: clusters are
 * processed one at a time, each with the list of all clusters before it. Each call re-evaluates the positions of
 * every earlier cite (quadratic in the number of clusters), and every earlier cluster whose state a new one changes
 * is rendered again: in a note style with disambiguation (Chicago), each time a source is cited a second time, all
 * its clusters. One norm of the L benchmark (240 clusters, 3,890 cites) rendered 1,367 clusters for 240; all twenty
 * norms of XL did not finish in an hour.
 *
 * Here the clusters are first registered one by one, each as if it stood alone (the engine's renderer switched
 * off), then a single call processes the last one with all the others before it: citeproc evaluates every cite's
 * position (first, subsequent, ibid, near-note) over the whole document once, reruns the disambiguations that
 * depend on citation counts, and marks what changed — with the renderer still off. Then each cluster is rendered
 * once, in document order, with the engine in its final state: what citeproc's incremental way ends with, since a
 * cluster it does not render again is one whose state did not change (tests/unit/citeproc-batch.test.ts compares
 * both ways cluster by cluster).
 *
 * This reaches into citeproc 2.4's engine (`process_CitationCluster`, `registry.citationreg`, `tmp`): the package
 * is pinned, and the test above fails if a new version renders differently.
 */
import CSL, { type Citation } from 'citeproc';

/** The parts of citeproc's engine this uses that its public API does not name. */
interface EngineInternals {
  process_CitationCluster(sortedItems: unknown[], citation: Citation): string;
  registry: { citationreg: { citationById: Record<string, RegisteredCitation> } };
  tmp: { citation_pos: number; citation_note_index: number; citation_id: string };
}

interface RegisteredCitation extends Citation {
  sortedItems: unknown[];
  properties: Citation['properties'] & { index?: number };
}

type Engine = InstanceType<typeof CSL.Engine>;

/**
 * Formats `citations` (in document order, their items already registered with `updateItems`) and answers each
 * cluster's output in the same order. `pause` is awaited between clusters (the caller yields to the event loop).
 */
export async function formatClustersInBatch(engine: Engine, citations: Citation[], pause: () => Promise<void>): Promise<string[]> {
  if (citations.length === 0) return [];
  const inner = engine as unknown as EngineInternals;
  const flag = CSL.ASSUME_ALL_ITEMS_REGISTERED;
  // The renderer off: registering and position evaluation only (an own property shadows the prototype's method).
  const own = Object.getOwnPropertyDescriptor(inner, 'process_CitationCluster');
  Object.defineProperty(inner, 'process_CitationCluster', { value: () => '', configurable: true, writable: true });
  try {
    const registered: Record<string, RegisteredCitation> = {};
    const last = citations.length - 1;
    for (let i = 0; i < last; i++) {
      const citation = citations[i]!;
      engine.processCitationCluster(citation, [], [], flag);
      registered[citation.citationID] = citation as RegisteredCitation;
      await pause();
    }
    // citeproc keeps only the clusters of the call's own lists: give it back every one registered above.
    Object.assign(inner.registry.citationreg.citationById, registered);
    const before = citations.slice(0, last).map((c): [string, number] => [c.citationID, c.properties.noteIndex]);
    engine.processCitationCluster(citations[last]!, before, [], flag);
  } finally {
    if (own) Object.defineProperty(inner, 'process_CitationCluster', own);
    else delete (inner as Partial<EngineInternals>).process_CitationCluster;
  }
  // Each cluster rendered once, its cites in the order citeproc sorted them when it registered the cluster (for
  // styles that group cites by author, Harvard's "Kowalski, 2014, 2019", a grouped order that a re-sort would lose).
  const out: string[] = [];
  for (const citation of citations) {
    const registered = inner.registry.citationreg.citationById[citation.citationID]!;
    inner.tmp.citation_pos = registered.properties.index ?? out.length;
    inner.tmp.citation_note_index = registered.properties.noteIndex;
    inner.tmp.citation_id = String(registered.citationID);
    out.push(inner.process_CitationCluster(registered.sortedItems, registered));
    await pause();
  }
  return out;
}
