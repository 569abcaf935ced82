import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { JobDto, ProjectOverview, ProjectSummary, QdaSkippedDto, QdpxImportReportDto, QdpxPreviewDto } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError } from '../api';
import { InlineAlert } from '../ui/InlineAlert';
import { frameworkOf } from '../matrix/matrix-model';
import { Modal } from '../ui/Modal';
import { CAN_CHOOSE_FILES, PathField } from '../safety/PathField';
import { safeFileName, siblingPath } from '../safety/paths';
import { useServices } from '../workbench-context';
import './exports.css';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useSaid, useT } from '../i18n/use-t';
import { followJob, JobDialogActions, JobProgress } from './follow-job';
import { SEP } from '../ui/marks';

/** Names of a format and of the programs that read it: the same in every language. */
const REFI_QDA = 'REFI-QDA';
const QDA_TOOLS = 'NVivo, MAXQDA, ATLAS.ti, QualCoder';
const APP_NAME = 'Comparanda';
const CRUMB = ' › ';
const HOME = '/home/me';

/** The counts' keys the core reports (import and export), by their words. */
const COUNT_WORDS: Record<string, MessageId> = {
  frameworks: 'exports.countFrameworks',
  norms: 'exports.countNorms',
  codes: 'exports.countCodes',
  attributes: 'exports.countAttributes',
  attributeValues: 'exports.countAttributeValues',
  cases: 'exports.countCases',
  participants: 'exports.countParticipants',
  sources: 'exports.countSources',
  documents: 'exports.countDocuments',
  excerpts: 'exports.countExcerpts',
  codings: 'exports.countCodings',
  cells: 'exports.countCells',
  cellLinks: 'exports.countCellLinks',
  memos: 'exports.countMemos',
  claims: 'exports.countClaims',
  records: 'exports.countRecords',
  users: 'exports.countUsers',
  normCodes: 'exports.countNormCodes',
  stageCodes: 'exports.countStageCodes',
  variables: 'exports.countVariables',
  selections: 'exports.countSelections',
  notes: 'exports.countNotes',
  links: 'exports.countLinks',
  sets: 'exports.countSets',
  files: 'exports.countFiles',
};

/** "textSources" → "text sources": a count the catalogue does not name yet still reads as words. */
function countLabel(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^pdf /, 'PDF ');
}

function Counts({ counts, label }: { counts: Record<string, number>; label: string }) {
  const t = useT();
  const intl = useIntl();
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return <p className="muted">{t('exports.nothing')}</p>;
  return (
    <div className="qda-counts" aria-label={label} role="list">
      {entries.map(([key, n]) => (
        <div key={key} role="listitem">
          <span>{COUNT_WORDS[key] ? t(COUNT_WORDS[key]) : countLabel(key)}</span>
          <span className="numeric">{intl.formatNumber(n)}</span>
        </div>
      ))}
    </div>
  );
}

function SkippedList({ items, testId }: { items: QdaSkippedDto[]; testId: string }) {
  const t = useT();
  const said = useSaid();
  return (
    <ul className="qda-list" data-testid={testId}>
      {items.map((s, i) => (
        <li key={`${s.kind}-${s.name}-${i}`}>
          <span className="qda-kind">{t('exchangeReport.kind', { kind: s.kind })}</span>
          <span>{said(s.message, s.text)}</span>
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
  const t = useT();
  const said = useSaid();
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
      const started = await api['exchange.startImportQdpx']({ path: path.trim(), ...(Object.keys(chosen).length ? { mapping: chosen } : {}) });
      const report = await followJob(started, setJob, (result) => result.report, { said, cancelled: t('exports.importCancelled'), noResult: t('exports.importNoReport') });
      // An import writes beneath the undo history: everything is read again.
      await store.refresh();
      setState({ step: 'report', report });
    });
  };

  const ext = `.${format}`;
  const title = t(format === 'qdpx' ? 'exports.importQdpxTitle' : 'exports.importQdcTitle', { refiQda: REFI_QDA, ext });
  const description =
    state.step === 'choose'
      ? t(format === 'qdpx' ? 'exports.importQdpxDescription' : 'exports.importQdcDescription', { tools: QDA_TOOLS })
      : state.step === 'map'
        ? t('exports.mapDescription')
        : t('exports.importDone');

  return (
    <Modal open onOpenChange={(open) => (open || pending ? undefined : onClose())} title={title} description={description} wide testId="qda-import-dialog">
      {state.step === 'choose' ? (
        <form className="dialog-form" onSubmit={read}>
          <PathField
            label={t(format === 'qdpx' ? 'exports.projectFile' : 'exports.codebookFile', { refiQda: REFI_QDA })}
            mode="open"
            title={title}
            filters={[{ name: t(format === 'qdpx' ? 'exports.projectFilter' : 'exports.codebookFilter', { refiQda: REFI_QDA }), extensions: [format] }]}
            value={path}
            onChange={setPath}
            autoFocus
            placeholder={t(format === 'qdpx' ? 'exports.qdpxPlaceholder' : 'exports.qdcPlaceholder', { home: HOME, ext })}
            hint={CAN_CHOOSE_FILES ? undefined : t('exports.fullPath')}
          />
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('exports.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={pending || path.trim() === ''}>
              {pending ? t(format === 'qdpx' ? 'exports.reading' : 'exports.importing') : t(format === 'qdpx' ? 'exports.nextMapCodes' : 'exports.import')}
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
  const t = useT();
  const norms = overview.norms.filter((n) => !n.archived);
  const stageName = (normId: string, stageId: string | null) => {
    const norm = overview.norms.find((n) => n.id === normId);
    if (!norm) return t('exports.projectOrigin');
    const stage = frameworkOf(norm, overview.frameworks)?.stages.find((s) => s.id === stageId);
    return stage ? `${norm.shortLabel || norm.label}${SEP}${stage.label}` : norm.shortLabel || norm.label;
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
        {preview.origin ? <span>{t('exports.fromOrigin', { origin: preview.origin })}</span> : null}
        <span>{t('exports.codesCount', { count: preview.codes.length })}</span>
        <span>{t('exports.sourcesCount', { count: sources })}</span>
        <span>{t('exports.codingsCount', { count: counts.codings ?? 0 })}</span>
        <span>{t('exports.casesCount', { count: preview.cases.length })}</span>
      </p>
      {preview.cases.length === 0 ? (
        <p className="field-hint">{t('exports.noCasesInFile')}</p>
      ) : (
        <p className="field-hint">{t('exports.casesInFile', { names: preview.cases.map((c) => c.name).join(', ') })}</p>
      )}
      <div className="qda-table-wrap">
        <table className="qda-table">
          <thead>
            <tr>
              <th scope="col">{t('exports.codeInFile')}</th>
              <th scope="col" className="num">
                {t('exports.codings')}
              </th>
              <th scope="col">{t('exports.excerptsGoTo')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.codes.map((code) => (
              <tr key={code.guid} className={code.codings === 0 ? 'qda-zero' : undefined}>
                <th scope="row" title={code.description || undefined}>
                  <span className="qda-swatch" style={{ background: code.color ?? 'transparent' }} aria-hidden="true" />
                  {code.path.length > 1 ? <span className="qda-code-path">
                      {code.path.slice(0, -1).join(CRUMB)}
                      {CRUMB}
                    </span> : null}
                  <span className="qda-code-name">{code.path[code.path.length - 1] ?? code.name}</span>
                </th>
                <td className="num">{code.codings}</td>
                <td>
                  {code.comparanda ? (
                    <span className="qda-ours">{t('exports.oursCode', { app: APP_NAME, stage: stageName(code.comparanda.normId, code.comparanda.stageId) })}</span>
                  ) : (
                    <select
                      className="native-select"
                      aria-label={t('exports.excerptsOfGoTo', { name: code.name })}
                      value={mapping[code.guid] ?? ''}
                      onChange={(e) => onMapping({ ...mapping, [code.guid]: e.target.value })}
                    >
                      <option value="">{t('exports.noCellKeep')}</option>
                      {norms.map((norm) => (
                        <optgroup key={norm.id} label={norm.label}>
                          {(frameworkOf(norm, overview.frameworks)?.stages ?? []).map((stage) => (
                            <option key={stage.id} value={`${norm.id}|${stage.id}`}>
                              {t('exports.stageChoice', { norm: norm.shortLabel || norm.label, position: stage.position, stage: stage.label })}
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
            {t('exports.leftOut', { count: preview.skipped.length })}
          </summary>
          <SkippedList items={preview.skipped} testId="qda-preview-skipped" />
        </details>
      ) : null}
      {error ? <InlineAlert message={error.message} /> : null}
      <div className="dialog-actions">
        <span className="muted qda-mapped" role="status" data-testid="qda-import-status">
          {progress
            ? t('exports.progress', { message: progress.message || t('exports.progressStarting'), done: progress.done, total: progress.total ? progress.total : 'none' })
            : mapped > 0 || ours > 0
              ? t('exports.mappedCodes', { count: mapped, ours, app: APP_NAME })
              : t('exports.noCodeMapped')}
        </span>
        {progress ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('exports.cancelImport')}
          </button>
        ) : (
          <button type="button" className="button" onClick={onBack} disabled={pending}>
            {t('exports.back')}
          </button>
        )}
        <button type="button" className="button button-primary" onClick={onImport} disabled={pending}>
          {pending ? t('exports.importing') : t('exports.import')}
        </button>
      </div>
    </div>
  );
}

function ReportStep({ report, onClose }: { report: QdpxImportReportDto; onClose: () => void }) {
  const t = useT();
  const said = useSaid();
  // A report from an older back end has its notes in English only.
  const notes = report.notices ?? report.notes.map((message) => ({ message, text: undefined }));
  return (
    <div className="dialog-form" data-testid="qda-report">
      <p className="qda-summary">
        <span>
          <strong>{report.projectName || report.file}</strong>
        </span>
        {report.origin ? <span>{t('exports.fromOrigin', { origin: report.origin })}</span> : null}
      </p>
      <h3 className="section-heading dialog-section-title">{t('exports.imported')}</h3>
      <Counts counts={report.imported} label={t('exports.imported')} />
      {report.skipped.length > 0 ? (
        <>
          <h3 className="section-heading dialog-section-title">{t('exports.skipped', { count: report.skipped.length })}</h3>
          <SkippedList items={report.skipped} testId="qda-skipped" />
        </>
      ) : (
        <p className="muted">{t('exports.nothingSkipped')}</p>
      )}
      {notes.length > 0 ? (
        <>
          <h3 className="section-heading dialog-section-title">{t('exports.notes')}</h3>
          <ul className="qda-notes">
            {notes.map((n, i) => (
              <li key={`${i}-${n.message}`}>{said(n.message, n.text)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('exports.done')}
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
  const t = useT();
  const { queue } = useServices();
  const suggested = siblingPath(project.path, `${safeFileName(format === 'qdpx' ? project.title : t('exports.codebookName', { title: project.title }))}.${format}`);
  const [path, setPath] = useState(suggested);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [result, setResult] = useState<{ path: string; counts: Record<string, number> } | null>(null);
  const [job, setJob] = useState<JobDto | null>(null);
  const said = useSaid();

  /** A project export is a job: progress source by source, and a cancel that writes nothing. */
  const exportProject = async () =>
    followJob(await api['exchange.startExportQdpx']({ path: path.trim() }), setJob, (result) => result.exported, {
      said,
      cancelled: t('exports.cancelledNothing'),
      noResult: t('exports.exportNoResult'),
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await queue.flush();
      const written = await (format === 'qdpx' ? exportProject() : api['exchange.exportQdc']({ path: path.trim() }));
      setResult(written);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const title = t(format === 'qdpx' ? 'exports.exportQdpxTitle' : 'exports.exportQdcTitle', { refiQda: REFI_QDA, ext: `.${format}` });
  return (
    <Modal
      open
      onOpenChange={(open) => (open || pending ? undefined : onClose())}
      title={title}
      description={
        format === 'qdpx' ? t('exports.exportQdpxDescription', { tools: QDA_TOOLS, refiQda: REFI_QDA, app: APP_NAME }) : t('exports.exportQdcDescription')
      }
      testId="qda-export-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <PathField
          label={t('exports.saveAs')}
          mode="save"
          title={title}
          defaultName={`${safeFileName(project.title)}.${format}`}
          filters={[{ name: t(format === 'qdpx' ? 'exports.projectFilter' : 'exports.codebookFilter', { refiQda: REFI_QDA }), extensions: [format] }]}
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
            <p className="export-done-title">{t('exports.wrote', { path: result.path })}</p>
            <Counts counts={result.counts} label={t('exports.exported')} />
          </div>
        ) : null}
        {job ? <JobProgress job={job} testId="qda-export-progress" /> : null}
        <JobDialogActions job={job} written={result !== null} pending={pending} canExport={path.trim() !== ''} onClose={onClose} />
      </form>
    </Modal>
  );
}
