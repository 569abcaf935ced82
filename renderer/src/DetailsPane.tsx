import type { CaseDto, CellDto, FrameworkDto, NormDto } from '../../electron/contract/api';
import { cellKey, formatPeriod, MODE_LABELS, statusOf } from './matrix-model';
import type { Selection } from './selection';
import { StatusSwatch } from './StatusSwatch';

interface DetailsPaneProps {
  selection: Selection | null;
  norm: NormDto | undefined;
  framework: FrameworkDto | undefined;
  cases: CaseDto[];
  cells: Map<string, CellDto> | undefined;
}

/** The selected cell or case, read-only for now. */
export function DetailsPane({ selection, norm, framework, cases, cells }: DetailsPaneProps) {
  const kase = selection ? cases.find((c) => c.id === selection.caseId) : undefined;
  if (!selection || !kase) {
    return (
      <div className="details" data-testid="details">
        <h2 className="pane-heading">Details</h2>
        <p className="muted">Select a cell in the matrix to see its assessment: status, mode, period and summary.</p>
      </div>
    );
  }

  if (selection.kind === 'case') {
    const stages = framework?.stages ?? [];
    const assessed = cells ? stages.filter((s) => cells.has(cellKey(kase.id, s.id))).length : undefined;
    return (
      <div className="details" data-testid="details">
        <p className="eyebrow">Case</p>
        <h2 className="details-title">{kase.name}</h2>
        <dl className="facts">
          <dt>Role</dt>
          <dd>{kase.role === 'focal' ? '★ Focal case' : 'Comparison case'}</dd>
          <dt>ISO code</dt>
          <dd>{kase.isoCode ?? '—'}</dd>
          {norm && assessed !== undefined ? (
            <>
              <dt>Assessed</dt>
              <dd>
                {assessed} of {stages.length} stages of “{norm.shortLabel || norm.label}”
              </dd>
            </>
          ) : null}
        </dl>
        {kase.notes ? (
          <section className="details-section">
            <h3 className="section-heading">Notes</h3>
            <p className="prose">{kase.notes}</p>
          </section>
        ) : null}
      </div>
    );
  }

  const stage = framework?.stages.find((s) => s.id === selection.stageId);
  if (!stage || !norm) return null;
  const cell = cells?.get(cellKey(kase.id, stage.id));
  const stageNote = norm.stageNotes[stage.id] || stage.description;

  return (
    <div className="details" data-testid="details">
      <p className="eyebrow">Cell</p>
      <h2 className="details-title" data-testid="details-title">
        {kase.name} · {stage.label}
      </h2>
      <p className="details-norm muted">{norm.label}</p>
      {cells === undefined ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : cell ? (
        <CellFacts cell={cell} framework={framework} askMode={stage.asksMode} />
      ) : (
        <p className="details-empty">
          <StatusSwatch /> No data yet for {kase.name} at this stage.
        </p>
      )}
      {stageNote ? (
        <section className="details-section">
          <h3 className="section-heading">What this stage means here</h3>
          <p className="prose muted">{stageNote}</p>
        </section>
      ) : null}
    </div>
  );
}

function CellFacts({ cell, framework, askMode }: { cell: CellDto; framework: FrameworkDto | undefined; askMode: boolean }) {
  const status = statusOf(cell.status, framework);
  const period = formatPeriod(cell.periodFrom, cell.periodTo);
  return (
    <>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="details-status">
          <StatusSwatch palette={status.palette} /> {status.label}
        </dd>
        {cell.mode || askMode ? (
          <>
            <dt>Mode</dt>
            <dd>{cell.mode ? MODE_LABELS[cell.mode] : '—'}</dd>
          </>
        ) : null}
        <dt>Period</dt>
        <dd className="numeric">{period ?? '—'}</dd>
        <dt>Confidence</dt>
        <dd>{cell.confidence ?? '—'}</dd>
        <dt>Updated</dt>
        <dd className="numeric">
          <time dateTime={cell.updatedAt}>{cell.updatedAt.slice(0, 10)}</time>
        </dd>
      </dl>
      <section className="details-section">
        <h3 className="section-heading">Summary</h3>
        {cell.summary ? <p className="prose">{cell.summary}</p> : <p className="muted">No summary yet.</p>}
      </section>
      {cell.memo ? (
        <section className="details-section">
          <h3 className="section-heading">Memo</h3>
          <p className="prose">{cell.memo}</p>
        </section>
      ) : null}
    </>
  );
}
