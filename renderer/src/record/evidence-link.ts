/**
 * The one place the record pages reach into the evidence views: an excerpt (a claim's citation, an unverified
 * excerpt) opens where it lives, in its source's reader. Kept here so that the coupling is one import.
 */
import { useCallback } from 'react';
import { useEvidenceStore } from '../evidence/store';
import { useRecordStore } from './record-store';

/** Opens an excerpt in the evidence reader by id; false when the excerpt is not (yet) known. */
export function useOpenExcerpt(): (excerptId: string) => boolean {
  const evidence = useEvidenceStore();
  const record = useRecordStore();
  return useCallback(
    (excerptId: string) => {
      const excerpt = record.slot('excerpts').data?.find((x) => x.id === excerptId);
      if (!excerpt) return false;
      evidence.openExcerpt(excerpt);
      return true;
    },
    [evidence, record],
  );
}
