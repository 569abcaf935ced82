import { useMemo } from 'react';
import type { CellDto, ClaimDto, StatusLevelDto } from '../../../electron/contract/api';
import type { RefreshPart } from '../project-store';
import { useProject } from '../workbench-context';
import { AuditHistory } from './AuditHistory';

/** Where a cell sits never changes by an edit: not worth a line. */
const CELL_KEYS = ['case_id', 'norm_id', 'stage_id'];

/** The HISTORY section of the cell editor: the cell's audit entries, with status keys in the framework's words. */
export function CellHistory({ cell, statuses }: { cell: CellDto | undefined; statuses: readonly StatusLevelDto[] }) {
  const { overview } = useProject();
  const words = useMemo(() => ({ status: (key: string) => statuses.find((s) => s.key === key)?.label ?? key }), [statuses]);
  const version = cell ? `${cell.updatedAt}|${cell.status}|${cell.mode ?? ''}|${cell.summary}|${cell.memo}|${cell.confidence ?? ''}|${cell.periodFrom ?? ''}-${cell.periodTo ?? ''}` : undefined;
  return <AuditHistory table="cells" rowId={cell?.id} version={version} words={words} hidden={CELL_KEYS} readOnly={overview?.project.readonly ?? false} />;
}

/** The HISTORY section of a claim's details: its audit entries, with cases, norms and stages by name. */
export function ClaimHistory({ claim }: { claim: ClaimDto }) {
  const { overview } = useProject();
  const words = useMemo(
    () => ({
      ref: (field: string, id: string) => {
        if (field.endsWith('case_id')) return overview?.cases.find((c) => c.id === id)?.name;
        if (field === 'norm_id') {
          const norm = overview?.norms.find((n) => n.id === id);
          return norm ? norm.shortLabel || norm.label : undefined;
        }
        if (field === 'stage_id') return overview?.frameworks.flatMap((f) => f.stages).find((s) => s.id === id)?.label;
        return undefined;
      },
    }),
    [overview],
  );
  // Restoring reloads the undo state, which reloads the claim lists (see record-store.ts).
  return <AuditHistory table="claims" rowId={claim.id} version={JSON.stringify(claim)} words={words} refresh={CLAIM_REFRESH} readOnly={overview?.project.readonly ?? false} />;
}

const CLAIM_REFRESH: RefreshPart[] = ['history'];
