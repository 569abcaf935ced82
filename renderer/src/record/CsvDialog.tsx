/**
 * CSV in and out of the record. Import: choose the kind and the file (the desktop's file dialog, or a path typed in
 * the browser, which has none), read the preview (what is new, what changes and in which columns, what stays as it
 * is, every problem with its line, the encoding when it is not UTF-8), then import all or nothing — or, when the user
 * ticks it, the good rows only. Organisations the project lacks are refused unless the user ticks "create them".
 * Export: the kind's CSV, downloaded.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useId, useState, type FormEvent } from 'react';
import type { CsvChange, CsvImportDto, CsvKind, CsvPreviewDto } from '../../../electron/contract/api';
import { CSV_KINDS } from '../../../electron/contract/api';
import { api, toApiError, transportKind } from '../api';
import { ChevronIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { useT } from '../i18n/use-t';
import type { Translate } from './labels';
import { useRecordEdit } from './record-store';
import { clip, SPACE, WARNING_SIGN } from './typography';

/** A path, the same in every language: the browser has no file dialog, so the field shows what to type. */
const PATH_EXAMPLE = '/home/me/data/elections.csv';

/** What a CSV kind holds, in words (its catalogue id). */
export const csvKindId = (kind: CsvKind) => `verification.csvKind.${kind}` as const;

/** "Import CSV…" and "Export CSV" for a page; `kinds` when the page holds more than one kind. */
export function CsvActions({ kind, kinds = [kind] }: { kind: CsvKind; kinds?: CsvKind[] }) {
  const t = useT();
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const exportKind = async (k: CsvKind) => {
    setError(undefined);
    try {
      const { text } = await api['data.exportCsv']({ kind: k });
      download(`comparanda-${k}.csv`, text);
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  };

  return (
    <>
      <button type="button" className="button button-small" onClick={() => setImporting(true)}>
        {t('verification.importCsvMenu')}
      </button>
      {kinds.length === 1 ? (
        <button type="button" className="button button-small" onClick={() => void exportKind(kind)}>
          {t('verification.exportCsv')}
        </button>
      ) : (
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger className="button button-small">
            {t('verification.exportCsv')} <ChevronIcon />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
              {kinds.map((k) => (
                <DropdownMenu.Item key={k} className="menu-item" onSelect={() => void exportKind(k)}>
                  {t(csvKindId(k))}
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
      {error ? <span className="field-error rec-inline-error">{error}</span> : null}
      {importing ? <CsvImportDialog initialKind={kind} onClose={() => setImporting(false)} /> : null}
    </>
  );
}

/** Hands a text to the browser (or Electron) as a downloaded file. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CsvImportDialog({ initialKind, onClose }: { initialKind: CsvKind; onClose: () => void }) {
  const t = useT();
  const ids = { kind: useId(), path: useId() };
  const [kind, setKind] = useState<CsvKind>(initialKind);
  const [path, setPath] = useState('');
  const [preview, setPreview] = useState<CsvPreviewDto | undefined>(undefined);
  const [previewError, setPreviewError] = useState<string | undefined>(undefined);
  const [previewing, setPreviewing] = useState(false);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [createMissing, setCreateMissing] = useState(false);
  const [done, setDone] = useState<CsvImportDto | undefined>(undefined);
  const importer = useRecordEdit('data.importCsv');

  const reset = () => {
    setPreview(undefined);
    setPreviewError(undefined);
    setSkipBadRows(false);
    setDone(undefined);
    importer.clearError();
  };

  const choose = async () => {
    try {
      const { path: chosen } = await api['host.chooseFile']({ mode: 'open', title: t('verification.importCsv'), filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }] });
      if (chosen) {
        setPath(chosen);
        reset();
        await runPreview(kind, chosen, createMissing);
      }
    } catch (caught) {
      setPreviewError(toApiError(caught).message);
    }
  };

  const runPreview = async (k: CsvKind, p: string, create: boolean) => {
    reset();
    setPreviewing(true);
    try {
      setPreview(await api['data.previewCsv']({ kind: k, path: p, createMissing: create }));
    } catch (caught) {
      setPreviewError(toApiError(caught).message);
    } finally {
      setPreviewing(false);
    }
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim() !== '') void runPreview(kind, path.trim(), createMissing);
  };

  // What the file may create changes what is a problem: preview again with the new choice.
  const toggleCreateMissing = () => {
    const next = !createMissing;
    setCreateMissing(next);
    if (preview && path.trim() !== '') void runPreview(kind, path.trim(), next);
  };

  const onImport = async () => {
    const result = await importer.run({ kind, path: path.trim(), skipBadRows, createMissing });
    if (result) setDone(result);
  };

  const problems = preview?.problems ?? [];
  const good = preview ? preview.rows - new Set(problems.map((p) => p.line)).size : 0;
  const blocked = problems.length > 0 && !skipBadRows;
  const nothingToDo = !!preview && problems.length === 0 && preview.created + preview.updated === 0;

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('verification.importCsv')} description={t('verification.importHelp')} wide testId="csv-import-dialog">
      <form className="dialog-form" onSubmit={onPreview}>
        <div className="inline-fields rec-csv-fields">
          <div className="field rec-csv-kind">
            <label className="field-label" htmlFor={ids.kind}>
              {t('verification.kind')}
            </label>
            <select
              id={ids.kind}
              className="native-select"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as CsvKind);
                reset();
              }}
            >
              {CSV_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(csvKindId(k))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.path}>
              {t('verification.path')}
            </label>
            <div className="rec-path-row">
              <input
                id={ids.path}
                className="text-input"
                value={path}
                spellCheck={false}
                autoComplete="off"
                placeholder={transportKind === 'http' ? PATH_EXAMPLE : t('verification.pathPlaceholder')}
                onChange={(e) => {
                  setPath(e.target.value);
                  reset();
                }}
              />
              {transportKind === 'ipc' ? (
                <button type="button" className="button" onClick={() => void choose()}>
                  {t('verification.chooseFile')}
                </button>
              ) : null}
              <button type="submit" className="button" disabled={path.trim() === '' || previewing}>
                {previewing ? t('verification.reading') : t('verification.preview')}
              </button>
            </div>
            <p className="field-hint">
              {transportKind === 'http' ? t('verification.noFileDialog') : ''}
              {t('verification.tip')}
            </p>
          </div>
        </div>
      </form>

      {previewError ? <InlineAlert message={previewError} /> : null}

      {preview ? (
        <section className="rec-csv-preview" aria-label={t('verification.preview')} data-testid="csv-preview">
          <p className="rec-csv-summary" role="status">
            {t('verification.summary', { rows: preview.rows, created: preview.created, updated: preview.updated, unchanged: preview.unchanged })}
            {SPACE}
            {problems.length === 0 ? (
              <span>{t('verification.noProblems')}</span>
            ) : (
              <strong className="rec-problem-count">{t('verification.problems', { count: problems.length })}</strong>
            )}
          </p>
          {preview.notices.map((notice) => (
            <p key={notice.message} className="rec-csv-notice" data-testid="csv-notice">
              {notice.message}
            </p>
          ))}
          {problems.length > 0 ? (
            <ul className="rec-csv-problems" aria-label={t('verification.problemsLabel')} data-testid="csv-problems">
              {problems.map((p, i) => (
                <li key={`${p.line}-${i}`}>
                  <span className="rec-line">{t('verification.line', { line: String(p.line) })}</span> {p.message}
                </li>
              ))}
            </ul>
          ) : null}
          {preview.changes.length > 0 ? (
            <div className="rec-csv-changes" data-testid="csv-changes">
              <p className="small">{t('verification.changed', { columns: changedColumns(preview.changes, t) })}</p>
              <ul aria-label={t('verification.changedRows')}>
                {preview.changes.map((c) => (
                  <li key={c.line}>
                    <span className="rec-line">{t('verification.line', { line: String(c.line) })}</span> {c.fields.join(', ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.createdNames.length > 0 ? <p className="small">{t('verification.willAdd', { names: preview.createdNames.join(', ') })}</p> : null}
          <div className="rec-csv-sample-scroll">
            <table className="rec-table rec-csv-sample" aria-label={t('verification.firstRows')}>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('verification.lineHeader')}
                  </th>
                  {preview.header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.slice(0, 8).map((row, i) => {
                  const line = preview.sampleLines[i];
                  const problem = problems.find((p) => p.line === line);
                  return (
                  <tr key={i} className={problem ? 'is-problem' : undefined} data-problem={problem ? 'true' : undefined} title={problem?.message}>
                    <td className={problem ? 'numeric rec-problem-line' : 'numeric muted'}>
                      {problem ? <span aria-hidden="true">{WARNING_SIGN}</span> : null}
                      {line}
                      {problem ? <span className="visually-hidden">{t('verification.hasProblem', { message: problem.message })}</span> : null}
                    </td>
                    {row.map((cell, j) => (
                      <td key={j} title={cell}>
                        {clip(cell, 60)}
                      </td>
                    ))}
                  </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {preview.rows > 8 ? <p className="muted small">{t('verification.firstOf', { count: preview.rows })}</p> : null}
          <label className="rec-check">
            <input type="checkbox" checked={createMissing} onChange={toggleCreateMissing} />
            <span>{t('verification.createMissing')}</span>
          </label>
          {problems.length > 0 ? (
            <label className="rec-check">
              <input type="checkbox" checked={skipBadRows} onChange={() => setSkipBadRows((v) => !v)} />
              <span>{t('verification.skipBad', { count: good })}</span>
            </label>
          ) : null}
        </section>
      ) : null}

      {importer.error ? <InlineAlert message={importer.error.message} /> : null}
      {done ? (
        <p className="rec-csv-done" role="status" data-testid="csv-done">
          {t('verification.imported', { rows: done.imported, created: done.created, updated: done.updated, unchanged: done.unchanged })}
          {done.skipped.length > 0 ? t('verification.skipped', { lines: done.skipped.map((s) => t('verification.lineLower', { line: String(s.line) })).join(', ') }) : ''}
          {t('verification.importEnd')}
          {done.created + done.updated > 0 ? t('verification.importUndo') : t('verification.nothingWritten')}
        </p>
      ) : null}

      <div className="dialog-actions">
        {preview && blocked && !done ? <span className="muted small rec-grow">{t('verification.blocked')}</span> : null}
        {nothingToDo && !done ? <span className="muted small rec-grow">{t('verification.nothingToDo')}</span> : null}
        <button type="button" className="button" onClick={onClose}>
          {done ? t('common.close') : t('common.cancel')}
        </button>
        {!done ? (
          <button type="button" className="button button-primary" disabled={!preview || blocked || good === 0 || nothingToDo || importer.pending} onClick={() => void onImport()}>
            {importer.pending ? t('verification.importing') : skipBadRows && problems.length > 0 ? t('verification.importRows', { count: good }) : t('verification.import')}
          </button>
        ) : null}
      </div>
    </Modal>
  );
}

/** Which columns change, and in how many rows: "notes (3 rows), label (1 row)". */
function changedColumns(changes: CsvChange[], t: Translate): string {
  const counts = new Map<string, number>();
  for (const change of changes) for (const field of change.fields) counts.set(field, (counts.get(field) ?? 0) + 1);
  return [...counts].map(([field, n]) => t('verification.columnRows', { field, count: n })).join(', ');
}
