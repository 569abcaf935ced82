import * as Dialog from '@radix-ui/react-dialog';
import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { ExportFormatName, ExportKindDto, ProjectOverview, ProjectSummary } from '../../../electron/contract/api';
import { api, toApiError, useApiQuery } from '../api';
import { InlineAlert } from '../ui/InlineAlert';
import { formatBytes } from '../safety/format';
import { CAN_CHOOSE_FILES, chooseFile, PathField } from '../safety/PathField';
import { basename } from '../safety/paths';
import { useServices } from '../workbench-context';
import { ExportPreview } from './ExportPreview';
import {
  defaultOrientation,
  EXTENSIONS,
  FORMAT_LABELS,
  formatNote,
  formProblem,
  kindDescription,
  kindLabel as labelOfKind,
  initialForm,
  pathForFormat,
  requestOf,
  LANGUAGE_LABELS,
  CITATION_STYLES,
  styleLabel,
  suggestedPath,
  usesCases,
  usesCitations,
  usesNormsAndCases,
  usesNoteMarks,
  usesPages,
  usesShape,
  viewSelection,
  type CitationStyle,
  type ExportForm,
  type ExportPreset,
  type ExportLanguage,
} from './export-form';
import { useJob } from './use-job';
import './exports.css';
import { useT } from '../i18n/use-t';
import { SPACE } from '../ui/marks';

/** A paper size's name: the same in every language, as printers list it. */
const PAPER_NAMES = { a4: 'A4', letter: 'Letter' } as const;

interface ExportDialogProps {
  project: ProjectSummary;
  overview: ProjectOverview;
  onClose: () => void;
  /** A page's own export (the QCA page's analysis on screen) instead of what the matrix shows. */
  preset?: ExportPreset | undefined;
}

/**
 * Publication export: what, in which format, for which norms and cases (what the matrix shows now, by default),
 * with which citation style and page; a live preview of the first page; then the export as a job with its progress,
 * a Cancel, and the files it wrote.
 */
export function ExportDialog({ project, overview, onClose, preset }: ExportDialogProps) {
  const t = useT();
  const { queue } = useServices();
  const kinds = useApiQuery('export.kinds', {});
  const [form, setForm] = useState<ExportForm>(() => initialForm(project.path, overview, preset));
  const [typedPath, setTypedPath] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const job = useJob();
  const claims = useApiQuery('claims.list', form.what === 'claims' ? {} : null);

  // Whatever was typed a moment ago is in the export too.
  useEffect(() => {
    void queue.flush();
  }, [queue]);

  const kind = kinds.data?.find((k) => k.kind === form.what);
  const kindLabel = kind ? labelOfKind(kind, t) : t('exports.export');
  const suggested = suggestedPath(project.path, project.title, form, overview, kindLabel);
  const path = typedPath === null ? suggested : pathForFormat(typedPath, form.format);
  const problem = kinds.data ? formProblem(form, kinds.data, t) : null;
  const request = useMemo(() => (problem === null && kinds.data ? requestOf(form) : null), [form, problem, kinds.data]);
  const orientation = form.orientation === 'auto' ? defaultOrientation(form.what) : form.orientation;
  const state = job.job?.state;
  const busy = job.running;
  const view = form.viewId ? viewSelection(overview, form.viewId) : null;

  const update = (patch: Partial<ExportForm>) => {
    if (busy) return;
    if (state && state !== 'running') job.reset();
    setForm((f) => ({ ...f, ...patch }));
  };

  const chooseKind = (next: ExportKindDto) => {
    const formats = next.formats.includes(form.format) ? form.format : (next.formats[0] ?? 'pdf');
    update({ what: next.kind, format: formats });
  };

  const run = async (event?: FormEvent) => {
    event?.preventDefault();
    setTried(true);
    if (!request || busy) return;
    let target = path.trim();
    if (target === '' && CAN_CHOOSE_FILES) {
      const picked = await chooseFile({
        mode: 'save',
        title: t('exports.export'),
        defaultName: basename(suggested),
        filters: [{ name: FORMAT_LABELS[form.format], extensions: [EXTENSIONS[form.format]] }],
      });
      if (!picked) return;
      target = picked;
      setTypedPath(picked);
    }
    if (target === '') return;
    await queue.flush();
    await job.start(api['export.run']({ ...request, path: target }));
  };

  const [openError, setOpenError] = useState<string | null>(null);
  const openFile = async (file: string) => {
    setOpenError(null);
    try {
      await api['host.openPath']({ path: file });
    } catch (error) {
      setOpenError(toApiError(error).message);
    }
  };

  const ids = { format: useId(), paper: useId(), orientation: useId(), layout: useId(), shape: useId(), noteMarks: useId() };
  const refused = state === 'failed' && job.job?.error?.code === 'VALIDATION_FAILED';
  const files = state === 'done' ? (job.job?.result?.files ?? []) : [];
  // Each warning arrives in this window's language (the client renders its catalogue entry).
  const warnings = state === 'done' ? (job.job?.result?.warnings ?? []).map((w) => w.message) : [];

  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        // A running export is cancelled first (the button says so); closing never leaves it running unseen.
        if (!open && !busy) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog export-dialog" data-testid="export-dialog" aria-describedby={undefined}>
          <form className="export-layout" onSubmit={(e) => void run(e)}>
            <div className="export-form">
              <div className="export-fields">
                <Dialog.Title className="dialog-title">{t('exports.export')}</Dialog.Title>
                <fieldset className="export-group" disabled={busy}>
                  <legend className="section-heading">{t('exports.what')}</legend>
                  {kinds.error ? <InlineAlert message={kinds.error.message} actionLabel={t('exports.tryAgain')} onAction={kinds.reload} /> : null}
                  <div className="export-kinds" role="radiogroup" aria-label={t('exports.what')}>
                    {(kinds.data ?? []).map((k) => (
                      <label key={k.kind} className={`export-kind${k.unavailable ? ' is-unavailable' : ''}`} title={k.unavailable ?? kindDescription(k, t)}>
                        <input type="radio" name="export-what" value={k.kind} checked={form.what === k.kind} disabled={k.unavailable !== null} onChange={() => chooseKind(k)} />
                        <span className="export-kind-label">{labelOfKind(k, t)}</span>
                        {k.unavailable ? <span className="export-kind-note">{k.unavailable}</span> : null}
                      </label>
                    ))}
                  </div>
                  {kind ? <p className="export-kind-description">{kindDescription(kind, t)}</p> : null}
                  {preset?.note && form.what === preset.what ? <p className="export-kind-description" data-testid="export-preset">{preset.note}</p> : null}
                </fieldset>

                <fieldset className="export-group" disabled={busy}>
                  <Row label={t('exports.format')} labelId={ids.format}>
                    <ToggleGroup.Root
                      type="single"
                      className="segmented"
                      aria-labelledby={ids.format}
                      value={form.format}
                      onValueChange={(value) => value && update({ format: value as ExportFormatName })}
                    >
                      {(kind?.formats ?? ['pdf']).map((f) => (
                        <ToggleGroup.Item key={f} value={f} className="segment" title={formatNote(f, t)}>
                          {FORMAT_LABELS[f]}
                        </ToggleGroup.Item>
                      ))}
                    </ToggleGroup.Root>
                  </Row>
                  <p className="export-hint">{formatNote(form.format, t)}</p>

                  {usesNormsAndCases(form.what) ? (
                    <>
                      <Row label={t('exports.savedView')}>
                        <select className="native-select" aria-label={t('exports.savedView')} value={form.viewId} onChange={(e) => update({ viewId: e.target.value, ...(viewSelection(overview, e.target.value) ?? {}) })}>
                          <option value="">{t('exports.noView')}</option>
                          {overview.views.map((v) => (
                            <option key={v.id} value={v.id}>
                              {v.name}
                            </option>
                          ))}
                        </select>
                      </Row>
                      <Row label={t('exports.norms')}>
                        <CheckList
                          label={t('exports.norms')}
                          items={overview.norms.filter((n) => !n.archived).map((n) => ({ id: n.id, label: n.label }))}
                          checked={view ? view.normIds : form.normIds}
                          disabled={view !== null}
                          onChange={(normIds) => update({ normIds })}
                        />
                      </Row>
                    </>
                  ) : null}
                  {usesCases(form.what) ? (
                    <Row label={t('exports.cases')}>
                      <CheckList
                        label={t('exports.cases')}
                        items={orderedCases(overview, form.caseIds).map((c) => ({ id: c.id, label: c.name, note: c.role === 'focal' ? t('exports.focal') : undefined }))}
                        checked={view && form.what !== 'observation' ? view.caseIds : form.caseIds}
                        disabled={view !== null && form.what !== 'observation'}
                        inline
                        onChange={(caseIds) => update({ caseIds })}
                      />
                    </Row>
                  ) : null}
                  {form.what === 'case' ? (
                    <Row label={t('exports.case')}>
                      <select className="native-select" aria-label={t('exports.case')} value={form.caseId} onChange={(e) => update({ caseId: e.target.value })}>
                        {overview.cases
                          .filter((c) => !c.archived)
                          .map((c) => (
                            <option key={c.id} value={c.id}>
                              {c.role === 'focal' ? t('exports.caseFocal', { name: c.name }) : c.name}
                            </option>
                          ))}
                      </select>
                    </Row>
                  ) : null}
                  {form.what === 'claims' ? (
                    <Row label={t('exports.claims')}>
                      <select className="native-select" aria-label={t('exports.claims')} value={form.claimId} onChange={(e) => update({ claimId: e.target.value })}>
                        <option value="">{t('exports.wholeRegister')}</option>
                        {(claims.data ?? []).map((c) => (
                          <option key={c.id} value={c.id}>
                            {t('exports.oneClaimCard', { claimant: c.claimant, date: c.date || 'none' })}
                          </option>
                        ))}
                      </select>
                    </Row>
                  ) : null}
                  {usesNormsAndCases(form.what) ? (
                    <Row label={t('exports.layout')} labelId={ids.layout}>
                      <ToggleGroup.Root
                        type="single"
                        className="segmented"
                        aria-labelledby={ids.layout}
                        value={form.layout}
                        onValueChange={(value) => value && update({ layout: value as ExportForm['layout'] })}
                      >
                        <ToggleGroup.Item value="cases-as-columns" className="segment">
                          {t('exports.casesAsColumns')}
                        </ToggleGroup.Item>
                        <ToggleGroup.Item value="stages-as-columns" className="segment">
                          {t('exports.stagesAsColumns')}
                        </ToggleGroup.Item>
                      </ToggleGroup.Root>
                    </Row>
                  ) : null}
                  {usesShape(form.format) && form.format === 'csv' ? (
                    <Row label={t('exports.table')} labelId={ids.shape}>
                      <ToggleGroup.Root type="single" className="segmented" aria-labelledby={ids.shape} value={form.shape} onValueChange={(value) => value && update({ shape: value as 'long' | 'wide' })}>
                        <ToggleGroup.Item value="long" className="segment" title={t('exports.longTitle')}>
                          {t('exports.long')}
                        </ToggleGroup.Item>
                        <ToggleGroup.Item value="wide" className="segment" title={t('exports.wideTitle')}>
                          {t('exports.wide')}
                        </ToggleGroup.Item>
                      </ToggleGroup.Root>
                    </Row>
                  ) : null}
                  {form.format === 'csv' ? (
                    <Row label={t('exports.encoding')}>
                      <label className="choice">
                        <input type="checkbox" checked={form.bom} onChange={(e) => update({ bom: e.target.checked })} />
                        <span>{t('exports.bom', { utf8: 'UTF-8', excel: 'Excel' })}</span>
                      </label>
                    </Row>
                  ) : null}
                  {usesCitations(form.format) ? (
                    <Row label={t('exports.citations')}>
                      <select className="native-select" aria-label={t('exports.citationStyle')} value={form.style} onChange={(e) => update({ style: e.target.value as CitationStyle })}>
                        {CITATION_STYLES.map((s) => (
                          <option key={s} value={s}>
                            {styleLabel(s, t)}
                          </option>
                        ))}
                      </select>
                    </Row>
                  ) : null}
                  <Row label={t('exports.language')}>
                    <select className="native-select" aria-label={t('exports.languageOfHeadings')} value={form.language} onChange={(e) => update({ language: e.target.value as ExportLanguage })}>
                      {(Object.keys(LANGUAGE_LABELS) as ExportLanguage[]).map((l) => (
                        <option key={l} value={l} lang={l}>
                          {LANGUAGE_LABELS[l]}
                        </option>
                      ))}
                    </select>
                  </Row>
                  {form.language === 'kk' ? <p className="export-hint">{t('exports.kazakhCitations')}</p> : null}
                  {usesCitations(form.format) ? (
                    <Row label={t('exports.references')}>
                      <label className="choice">
                        <input type="checkbox" checked={form.romanise} onChange={(e) => update({ romanise: e.target.checked })} />
                        <span>{t('exports.romanise', { alaLc: 'ALA-LC', journals: 'Europe-Asia Studies, Post-Soviet Affairs' })}</span>
                      </label>
                    </Row>
                  ) : null}
                  {usesNoteMarks(form.format) && form.style === 'chicago-note' ? (
                    <Row label={t('exports.tableNotes')} labelId={ids.noteMarks}>
                      <ToggleGroup.Root
                        type="single"
                        className="segmented"
                        aria-labelledby={ids.noteMarks}
                        value={form.noteMarks}
                        onValueChange={(value) => value && update({ noteMarks: value as ExportForm['noteMarks'] })}
                      >
                        <ToggleGroup.Item value="letters" className="segment" title={t('exports.lettersTitle', { chicagoRule: 'Chicago 3.77' })}>
                          {t('exports.letters')}
                        </ToggleGroup.Item>
                        <ToggleGroup.Item value="numbers" className="segment" title={t('exports.numbersTitle', { word: 'Word' })}>
                          {t('exports.numbers')}
                        </ToggleGroup.Item>
                      </ToggleGroup.Root>
                    </Row>
                  ) : null}
                  {usesPages(form.format) ? (
                    <>
                      <Row label={t('exports.paper')} labelId={ids.paper}>
                        <ToggleGroup.Root type="single" className="segmented" aria-labelledby={ids.paper} value={form.paper} onValueChange={(value) => value && update({ paper: value as 'a4' | 'letter' })}>
                          <ToggleGroup.Item value="a4" className="segment">
                            {PAPER_NAMES.a4}
                          </ToggleGroup.Item>
                          <ToggleGroup.Item value="letter" className="segment">
                            {PAPER_NAMES.letter}
                          </ToggleGroup.Item>
                        </ToggleGroup.Root>
                      </Row>
                      <Row label={t('exports.orientation')} labelId={ids.orientation}>
                        <ToggleGroup.Root
                          type="single"
                          className="segmented"
                          aria-labelledby={ids.orientation}
                          value={form.orientation}
                          onValueChange={(value) => value && update({ orientation: value as ExportForm['orientation'] })}
                        >
                          <ToggleGroup.Item value="auto" className="segment" title={t('exports.autoTitle', { orientation: defaultOrientation(form.what) })}>
                            {t('exports.automatic')}
                          </ToggleGroup.Item>
                          <ToggleGroup.Item value="landscape" className="segment">
                            {t('exports.landscape')}
                          </ToggleGroup.Item>
                          <ToggleGroup.Item value="portrait" className="segment">
                            {t('exports.portrait')}
                          </ToggleGroup.Item>
                        </ToggleGroup.Root>
                      </Row>
                    </>
                  ) : null}
                </fieldset>
              </div>

              <div className="export-footer">
                <PathField
                  label={t('exports.saveAs')}
                  mode="save"
                  title={t('exports.export')}
                  defaultName={basename(suggested)}
                  filters={[{ name: FORMAT_LABELS[form.format], extensions: [EXTENSIONS[form.format]] }]}
                  value={path}
                  onChange={setTypedPath}
                  disabled={busy}
                  placeholder={suggested || t('exports.pathPlaceholder', { home: '/home/me', ext: `.${EXTENSIONS[form.format]}` })}
                  hint={t('exports.replaced')}
                  error={tried && path.trim() === '' && !CAN_CHOOSE_FILES ? t('exports.givePath') : null}
                />

                <ExportStatus
                  state={state}
                  starting={busy && !job.job}
                  message={job.job?.message ?? t('exports.starting')}
                  done={job.job?.done ?? 0}
                  total={job.job?.total ?? 0}
                  refused={refused}
                  error={job.startError?.message ?? (state === 'failed' || state === 'cancelled' ? job.job?.error?.message : undefined)}
                  files={files}
                  warnings={warnings}
                  onOpen={(file) => void openFile(file)}
                />
                {openError && state === 'done' ? <InlineAlert message={openError} /> : null}

                <div className="dialog-actions export-actions">
                  {busy ? (
                    <button type="button" className="button" onClick={() => void job.cancel()} disabled={!job.job}>
                      {t('exports.cancelExport')}
                    </button>
                  ) : (
                    <>
                      <button type="button" className="button" onClick={onClose}>
                        {state === 'done' ? t('exports.close') : t('exports.cancel')}
                      </button>
                      <button type="submit" className="button button-primary" disabled={request === null}>
                        {state === 'done' ? t('exports.exportAgain') : t('exports.export')}
                      </button>
                    </>
                  )}
                </div>
              </div>
            </div>
            <ExportPreview request={request} problem={problem} paper={form.paper} orientation={orientation} format={form.format} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function orderedCases(overview: ProjectOverview, chosen: readonly string[]) {
  const live = overview.cases.filter((c) => !c.archived);
  const rank = new Map(chosen.map((id, i) => [id, i]));
  return [...live].sort((a, b) => (rank.get(a.id) ?? 1000 + live.indexOf(a)) - (rank.get(b.id) ?? 1000 + live.indexOf(b)));
}

function Row({ label, labelId, children }: { label: string; labelId?: string; children: ReactNode }) {
  return (
    <div className="export-row">
      <span className="export-row-label" id={labelId}>
        {label}
      </span>
      <div className="export-row-control">{children}</div>
    </div>
  );
}

interface CheckListProps {
  label: string;
  items: { id: string; label: string; note?: string | undefined }[];
  checked: readonly string[];
  disabled?: boolean;
  inline?: boolean;
  onChange: (ids: string[]) => void;
}

/** Checkboxes that keep the order of `items` in what they report. */
function CheckList({ label, items, checked, disabled = false, inline = false, onChange }: CheckListProps) {
  const t = useT();
  const set = new Set(checked);
  return (
    <div className={`check-list${inline ? ' is-inline' : ''}`} role="group" aria-label={label}>
      {items.map((item) => (
        <label key={item.id} className="choice">
          <input
            type="checkbox"
            checked={set.has(item.id)}
            disabled={disabled}
            onChange={(e) => {
              const next = new Set(set);
              if (e.target.checked) next.add(item.id);
              else next.delete(item.id);
              onChange(items.map((i) => i.id).filter((id) => next.has(id)));
            }}
          />
          <span>
            {item.label}
            {item.note ? (
              <span className="muted">
                {SPACE}
                {t('exports.parenthesised', { text: item.note })}
              </span>
            ) : null}
          </span>
        </label>
      ))}
    </div>
  );
}

interface ExportStatusProps {
  state: 'running' | 'done' | 'failed' | 'cancelled' | undefined;
  starting: boolean;
  message: string;
  done: number;
  total: number;
  refused: boolean;
  error: string | undefined;
  files: { path: string; bytes: number }[];
  warnings: string[];
  onOpen: (file: string) => void;
}

/** Where the export stands, in place: progress and its message, the refusal, or the files written. */
function ExportStatus({ state, starting, message, done, total, refused, error, files, warnings, onOpen }: ExportStatusProps) {
  const t = useT();
  if (starting || state === 'running') {
    const value = total > 0 ? Math.min(done / total, 1) : 0;
    return (
      <div className="export-status is-running" data-testid="export-progress">
        <progress className="progress" max={1} value={value} aria-label={t('exports.exportProgress')} />
        <p role="status" aria-live="polite">
          {starting ? t('exports.starting') : message}
        </p>
      </div>
    );
  }
  if (refused && error) {
    return (
      <div className="export-refusal" role="alert" data-testid="export-refusal">
        <p className="export-refusal-title">{t('exports.notExported')}</p>
        <p className="export-refusal-message">{error}</p>
      </div>
    );
  }
  if (state === 'cancelled') {
    return (
      <p className="export-status" role="status" data-testid="export-cancelled">
        {t('exports.cancelledNothing')}
      </p>
    );
  }
  if (error) return <InlineAlert message={error} />;
  if (state === 'done') {
    return (
      <div className="export-status is-done" data-testid="export-result" role="status">
        <p className="export-done-title">{t('exports.exportedFiles', { count: files.length })}</p>
        <ul className="export-files">
          {files.map((f) => (
            <li key={f.path}>
              <span className="export-file-path" title={f.path}>
                {f.path}
              </span>
              <span className="muted numeric">{formatBytes(f.bytes)}</span>
              {CAN_CHOOSE_FILES ? (
                <button type="button" className="button button-small" onClick={() => onOpen(f.path)}>
                  {t('exports.open')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {warnings.length > 0 ? (
          <ul className="export-warnings" aria-label={t('exports.warnings')}>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return null;
}
