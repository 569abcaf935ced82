/** Saving one field of a claim: the required fields are read from the latest answer at the moment of sending. */
import { useCallback } from 'react';
import type { ApiInput, ClaimDto } from '../../../electron/contract/api';
import { ApiError } from '../../../electron/contract/errors';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { currentLanguage } from '../i18n/current';
import { useRecordSender, useRecordStore } from './record-store';

export type ClaimPatch = Omit<ApiInput<'claims.save'>, 'id' | 'claimant' | 'statement'> & { claimant?: string; statement?: string };

export function useClaimSave(claimId: string): (patch: ClaimPatch) => Promise<ClaimDto> {
  const store = useRecordStore();
  const sender = useRecordSender();
  return useCallback(
    async (patch: ClaimPatch) => {
      const latest = store.slot('claims').data?.find((c) => c.id === claimId);
      if (!latest) throw new ApiError('NOT_FOUND', formatMessage(currentLanguage(), 'claims.gone'));
      return sender('claims.save', { id: claimId, claimant: latest.claimant, statement: latest.statement, ...patch });
    },
    [store, sender, claimId],
  );
}
