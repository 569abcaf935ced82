import { useState, type FormEvent } from 'react';
import type { JobDto, ProjectOverview, ProjectSummary, QdaSkippedDto, QdpxImportReportDto, QdpxPreviewDto } from '../../../electron/contract/api';
import { ApiError, isErrorCode } from '../../../electron/contract/errors';
import { api, toApiError } from '../api';
import { InlineAlert } from '../ui/InlineAlert';
import { frameworkOf } from '../matrix/matrix-model';
import { Modal } from '../ui/Modal';
import { plural } from '../safety/format';
import { CAN_CHOOSE_FILES, PathField } from '../safety/PathField';
import { safeFileName, siblingPath } from '../safety/paths';
import { useServices } from '../workbench-context';
import './exports.css';

/** "textSources" → "text sources". */
function countLabel(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^pdf /, 'PDF ');
}

function Counts({ counts, label }: { counts: Record<string, number>; label: string }) {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return <p className="muted">Nothing.</p>;
  return (
    <div className="qda-counts" aria-label={label} role="list">
      {entries.map(([key, n]) => (
        <div key={key} role="listitem">
          <span>{countLabel(key)}</span>
          <span className="numeric">{n.toLocaleString('en-GB')}</span>
        </div>
      ))}
    </div>
  );
}

function SkippedList({ items, testId }: { items: QdaSkippedDto[]; testId: string }) {
  return (
    <ul className="qda-list" data-testid={testId}>
      {items.map((s, i) => (
        <li key={`${s.kind}-${s.name}-${i}`}>
          <span className="qda-kind">{s.kind}</span>
          <span>{s.message}</span>
        </li>
      ))}
    </ul>
  );
}

type Step = { step: 'choose' } | { step: 'map'; preview: QdpxPreviewDto } | { step: 'report'; report: QdpxImportReportDto };

interface QdaImportDialogProps {
  format: 'qdpx' | 'qdc';
  overview: ProjectOverview;
  onClose: () => void;
}

/**
 * Import from NVivo, MAXQDA, ATLAS.ti or QualCoder: the file, then (for a project) which of its codes send their coded
 * excerpts to which norm stage, then what was imported and what was left out, and why.
 */
export function QdaImportDialog({ format, overview, onClose }: QdaImportDialogProps) {
  const { store, queue } = useServices();
  const [path, setPath] = useState('');
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [job, setJob] = useState<JobDto | null>(null);

  const attempt = async (work: () => Promise<void>) => {
    setPending(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const read = (event: FormEvent) => {
    event.preventDefault();
    const file = path.trim();
    if (file === '') return;
    void attempt(async () => {
      if (format === 'qdc') {
        await queue.flush();
        const report = await api['exchange.importQdc']({ path: file });
        await store.refresh();
        setState({ step: 'report', report });
      } else {
        const preview = await api['exchange.previewQdpx']({ path: file });
        setMapping({});
        setState({ step: 'map', preview });
      }
    });
  };

  const runImport = () => {
    const chosen: Record<string, { normId: string; stageId: string }> = {};
    for (const [guid, value] of Object.entries(mapping)) {
      const [normId, stageId] = value.split('|');
      if (normId && stageId) chosen[guid] = { normId, stageId };
    }
    void attempt(async () => {
      await queue.flush();
      // A job: progress source by source, and a cancel that leaves the project as it was.
      let current = await api['exchange.startImportQdpx']({ path: path.trim(), ...(Object.keys(chosen).length ? { mapping: chosen } : {}) });
      setJob(current);
      try {
        while (current.state === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 200));
          current = await api['jobs.get']({ id: current.id });
          setJob(current);
        }
      } finally {
        setJob(null);
      }
      if (current.state === 'cancelled') throw new ApiError('CONFLICT', 'The import was cancelled: nothing was imported, the project is as it was.');
      if (current.state === 'failed' || !current.result?.report) {
        throw new ApiError(current.error && isErrorCode(current.error.code) ? current.error.code : 'INTERNAL', current.error?.message ?? 'The import stopped without a report.');
      }
      const report = current.result.report;
      // An import writes beneath the undo history: everything is read again.
      await store.refresh();
      setState({ step: 'report', report });
    });
  };

  const title = format === 'qdpx' ? 'Import a REFI-QDA project (.qdpx)' : 'Import a REFI-QDA codebook (.qdc)';
  const description =
    state.step === 'choose'
      ? format === 'qdpx'
        ? 'A project exported from NVivo, MAXQDA, ATLAS.ti or QualCoder: its sources, excerpts, codes and memos. Importing the same file again updates what it brought in.'
        : 'A codebook exported from NVivo, MAXQDA, ATLAS.ti or QualCoder: its codes, with their hierarchy and descriptions.'
      : state.step === 'map'
        ? 'Choose where coded excerpts go: a code mapped to a norm stage links its excerpts to that cell of their case. Unmapped codes are kept as codes.'
        : 'The import is done. Undo history was cleared, since the import wrote beneath it.';

  return (
    <Modal open onOpenChange={(open) => (open || pending ? undefined : onClose())} title={title} description={description} wide testId="qda-import-dialog">
      {state.step === 'choose' ? (
        <form className="dialog-form" onSubmit={read}>
          <PathField
            label={format === 'qdpx' ? 'REFI-QDA project file' : 'REFI-QDA codebook file'}
            mode="open"
            title={title}
            filters={[{ name: format === 'qdpx' ? 'REFI-QDA project' : 'REFI-QDA codebook', extensions: [format] }]}
            value={path}
            onChange={setPath}
            autoFocus
            placeholder={format === 'qdpx' ? '/home/me/Documents/Interviews.qdpx' : '/home/me/Documents/Codebook.qdc'}
            hint={CAN_CHOOSE_FILES ? undefined : 'The full path of the file on this computer.'}
          />
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={pending || path.trim() === ''}>
              {pending ? (format === 'qdpx' ? 'Reading…' : 'Importing…') : format === 'qdpx' ? 'Next: map codes' : 'Import'}
            </button>
          </div>
        </form>
      ) : state.step === 'map' ? (
        <MappingStep
          preview={state.preview}
          overview={overview}
          mapping={mapping}
          onMapping={setMapping}
          pending={pending}
          progress={job}
          onCancel={() => void (job ? api['jobs.cancel']({ id: job.id }).catch(() => undefined) : undefined)}
          error={error}
          onBack={() => setState({ step: 'choose' })}
          onImport={runImport}
        />
      ) : (
        <ReportStep report={state.report} onClose={onClose} />
      )}
    </Modal>
  );
}

interface MappingStepProps {
  preview: QdpxPreviewDto;
  overview: ProjectOverview;
  mapping: Record<string, string>;
  onMapping: (mapping: Record<string, string>) => void;
  pending: boolean;
  /** The import job while it runs. */
  progress: JobDto | null;
  onCancel: () => void;
  error: ApiError | undefined;
  onBack: () => void;
  onImport: () => void;
}

function MappingStep({ preview, overview, mapping, onMapping, pending, progress, onCancel, error, onBack, onImport }: MappingStepProps) {
  const norms = overview.norms.filter((n) => !n.archived);
  const stageName = (normId: string, stageId: string | null) => {
    const norm = overview.norms.find((n) => n.id === normId);
    if (!norm) return 'a norm of the project it came from';
    const stage = frameworkOf(norm, overview.frameworks)?.stages.find((s) => s.id === stageId);
    return stage ? `${norm.shortLabel || norm.label} · ${stage.label}` : norm.shortLabel || norm.label;
  };
  const mapped = Object.values(mapping).filter(Boolean).length;
  const ours = preview.codes.filter((c) => c.comparanda).length;
  const counts = preview.counts;
  const sources = (counts.textSources ?? 0) + (counts.pdfSources ?? 0);

  return (
    <div className="dialog-form" data-testid="qda-mapping">
      <p className="qda-summary">
        <span>
          <strong>{preview.projectName || preview.file}</strong>
        </span>
        {preview.origin ? <span>from {preview.origin}</span> : null}
        <span>{plural(preview.codes.length, 'code')}</span>
        <span>{plural(sources, 'text or PDF source')}</span>
        <span>{plural(counts.codings ?? 0, 'coding')}</span>
        <span>{plural(preview.cases.length, 'case')}</span>
      </p>
      {preview.cases.length === 0 ? (
        <p className="field-hint">
          This file has no cases. Excerpts reach a matrix cell through the case they belong to, so its coded excerpts come in as excerpts with their
          codes, not yet linked to cells.
        </p>
      ) : (
        <p className="field-hint">Cases in the file: {preview.cases.map((c) => c.name).join(', ')}.</p>
      )}
      <div className="qda-table-wrap">
        <table className="qda-table">
          <thead>
            <tr>
              <th scope="col">Code in the file</th>
              <th scope="col" className="num">
                Codings
              </th>
              <th scope="col">Coded excerpts go to</th>
            </tr>
          </thead>
          <tbody>
            {preview.codes.map((code) => (
              <tr key={code.guid} className={code.codings === 0 ? 'qda-zero' : undefined}>
                <th scope="row" title={code.description || undefined}>
                  <span className="qda-swatch" style={{ background: code.color ?? 'transparent' }} aria-hidden="true" />
                  {code.path.length > 1 ? <span className="qda-code-path">{code.path.slice(0, -1).join(' › ')} › </span> : null}
                  <span className="qda-code-name">{code.path[code.path.length - 1] ?? code.name}</span>
                </th>
                <td className="num">{code.codings}</td>
                <td>
                  {code.comparanda ? (
                    <span className="qda-ours">Comparanda’s own code: {stageName(code.comparanda.normId, code.comparanda.stageId)} (mapped automatically)</span>
                  ) : (
                    <select
                      className="native-select"
                      aria-label={`Coded excerpts of “${code.name}” go to`}
                      value={mapping[code.guid] ?? ''}
                      onChange={(e) => onMapping({ ...mapping, [code.guid]: e.target.value })}
                    >
                      <option value="">No cell: keep as a code</option>
                      {norms.map((norm) => (
                        <optgroup key={norm.id} label={norm.label}>
                          {(frameworkOf(norm, overview.frameworks)?.stages ?? []).map((stage) => (
                            <option key={stage.id} value={`${norm.id}|${stage.id}`}>
                              {norm.shortLabel || norm.label} · {stage.position}. {stage.label}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.skipped.length > 0 ? (
        <details className="qda-details">
          <summary>
            {plural(preview.skipped.length, 'item')} will be left out (audio, video, pictures, sets…) — why
          </summary>
          <SkippedList items={preview.skipped} testId="qda-preview-skipped" />
        </details>
      ) : null}
      {error ? <InlineAlert message={error.message} /> : null}
      <div className="dialog-actions">
        <span className="muted qda-mapped" role="status" data-testid="qda-import-status">
          {progress
            ? `${progress.message || 'Starting'}${progress.total ? ` (${progress.done} of ${progress.total})` : ''}…`
            : mapped > 0 || ours > 0
              ? `${plural(mapped, 'code')} mapped${ours ? `, ${ours} of Comparanda’s own` : ''}`
              : 'No code mapped to a cell'}
        </span>
        {progress ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel import
          </button>
        ) : (
          <button type="button" className="button" onClick={onBack} disabled={pending}>
            Back
          </button>
        )}
        <button type="button" className="button button-primary" onClick={onImport} disabled={pending}>
          {pending ? 'Importing…' : 'Import'}
        </button>
      </div>
    </div>
  );
}

function ReportStep({ report, onClose }: { report: QdpxImportReportDto; onClose: () => void }) {
  return (
    <div className="dialog-form" data-testid="qda-report">
      <p className="qda-summary">
        <span>
          <strong>{report.projectName || report.file}</strong>
        </span>
        {report.origin ? <span>from {report.origin}</span> : null}
      </p>
      <h3 className="section-heading dialog-section-title">Imported</h3>
      <Counts counts={report.imported} label="Imported" />
      {report.skipped.length > 0 ? (
        <>
          <h3 className="section-heading dialog-section-title">Skipped ({report.skipped.length})</h3>
          <SkippedList items={report.skipped} testId="qda-skipped" />
        </>
      ) : (
        <p className="muted">Nothing was skipped.</p>
      )}
      {report.notes.length > 0 ? (
        <>
          <h3 className="section-heading dialog-section-title">Notes</h3>
          <ul className="qda-notes">
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}

interface QdaExportDialogProps {
  format: 'qdpx' | 'qdc';
  project: ProjectSummary;
  onClose: () => void;
}

/** The project (or its codebook) as REFI-QDA, for NVivo, MAXQDA, ATLAS.ti or QualCoder. */
export function QdaExportDialog({ format, project, onClose }: QdaExportDialogProps) {
  const { queue } = useServices();
  const suggested = siblingPath(project.path, `${safeFileName(format === 'qdpx' ? project.title : `${project.title} codebook`)}.${format}`);
  const [path, setPath] = useState(suggested);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [result, setResult] = useState<{ path: string; counts: Record<string, number> } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await queue.flush();
      const written = await (format === 'qdpx' ? api['exchange.exportQdpx']({ path: path.trim() }) : api['exchange.exportQdc']({ path: path.trim() }));
      setResult(written);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const title = format === 'qdpx' ? 'Export as REFI-QDA (.qdpx)' : 'Export codebook (.qdc)';
  return (
    <Modal
      open
      onOpenChange={(open) => (open || pending ? undefined : onClose())}
      title={title}
      description={
        format === 'qdpx'
          ? 'Sources, documents, excerpts, codes and memos in the exchange format NVivo, MAXQDA, ATLAS.ti and QualCoder read. Interviewees appear by pseudonym only; what REFI-QDA has no place for travels in notes that Comparanda reads back.'
          : 'The codes, with their hierarchy and descriptions, for another program’s codebook.'
      }
      testId="qda-export-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <PathField
          label="Save as"
          mode="save"
          title={title}
          defaultName={`${safeFileName(project.title)}.${format}`}
          filters={[{ name: format === 'qdpx' ? 'REFI-QDA project' : 'REFI-QDA codebook', extensions: [format] }]}
          value={path}
          onChange={(next) => {
            setPath(next);
            setResult(null);
          }}
          disabled={pending}
        />
        {error ? <InlineAlert message={error.message} /> : null}
        {result ? (
          <div className="export-status is-done" role="status" data-testid="qda-export-result">
            <p className="export-done-title">Wrote {result.path}</p>
            <Counts counts={result.counts} label="Exported" />
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={pending}>
            {result ? 'Close' : 'Cancel'}
          </button>
          {result ? null : (
            <button type="submit" className="button button-primary" disabled={pending || path.trim() === ''}>
              {pending ? 'Exporting…' : 'Export'}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
