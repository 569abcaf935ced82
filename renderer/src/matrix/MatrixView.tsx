import { useMemo } from 'react';
import type { CellDto, FrameworkDto, ProjectOverview } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { NotEqualIcon, QuoteIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { MOD } from '../shell/keyboard';
import { useT } from '../i18n/use-t';
import { MatrixGrid } from './MatrixGrid';
import { MatrixToolbar } from './MatrixToolbar';
import { buildGrid, frameworkOf, orderStages, type CellRef, type NormBlock } from './matrix-model';
import { ContextBand } from '../record/RecordPages';
import type { EditField } from './selection';
import { StatusSwatch } from './StatusSwatch';
import { groupStarts } from '../../../electron/contract/columns';
import { arrangedCases, shownNorms, type MatrixSettings } from './view-state';

interface MatrixViewProps {
  overview: ProjectOverview;
  /** Undefined while the cells are loading. */
  cells: ReadonlyMap<string, CellDto> | undefined;
  /** Excerpts linked to each cell, by cell id. */
  evidence: ReadonlyMap<string, number> | undefined;
  cellsError: ApiError | undefined;
  onRetry: () => void;
  settings: MatrixSettings;
  onSettings: (next: MatrixSettings) => void;
  selectedKey: string | null;
  onSelectCell: (ref: CellRef | null, edit: EditField | null) => void;
}

/** The central view: one norm's matrix or several stacked, cases against stages, either way round. */
export function MatrixView({ overview, cells, evidence, cellsError, onRetry, settings, onSettings, selectedKey, onSelectCell }: MatrixViewProps) {
  const t = useT();
  const { norms: shown, stacked } = useMemo(() => shownNorms(settings, overview.norms), [settings, overview.norms]);
  const blocks = useMemo(
    () =>
      shown
        .map((norm) => {
          const framework = frameworkOf(norm, overview.frameworks);
          return framework ? { norm, framework, stages: orderStages(framework.stages) } : null;
        })
        .filter((b): b is NormBlock => b !== null),
    [shown, overview.frameworks],
  );
  const cases = useMemo(() => arrangedCases(settings, overview.cases, overview.attributes), [settings, overview.cases, overview.attributes]);
  const groups = useMemo(() => groupStarts(cases, settings.columns, overview.attributes, t), [cases, settings.columns, overview.attributes, t]);
  const model = useMemo(() => buildGrid(blocks, cases, settings.orientation, stacked), [blocks, cases, settings.orientation, stacked]);
  const focal = cases.find((c) => c.role === 'focal');
  const frameworks = [...new Map(blocks.map((b) => [b.framework.id, b.framework])).values()];
  const single = !stacked ? blocks[0] : undefined;
  const sourceLine = single
    ? [single.norm.instrument, single.norm.paragraph, single.norm.diffusingAgent ? t('matrix.diffusedBy', { agent: single.norm.diffusingAgent }) : '']
        .filter((part) => part.trim() !== '')
        .join(' · ')
    : '';

  return (
    <section className="matrix-view" aria-labelledby="matrix-norm-label">
      <header className="matrix-header">
        <p className="eyebrow">{stacked ? t('matrix.eyebrowNorms') : t('matrix.eyebrowNorm')}</p>
        <h2 id="matrix-norm-label" className="matrix-norm" data-testid="matrix-norm">
          {single
            ? single.norm.label
            : blocks.length === overview.norms.filter((n) => !n.archived).length
              ? t('matrix.allNormsStacked')
              : t('matrix.someNormsStacked', { count: blocks.length })}
        </h2>
        {sourceLine ? <p className="matrix-source muted">{sourceLine}</p> : null}
      </header>

      <MatrixToolbar settings={settings} onSettings={onSettings} norms={overview.norms} cases={overview.cases} views={overview.views} attributes={overview.attributes} />
      <Legend frameworks={frameworks} differences={settings.differences} focalName={focal?.name} />

      {cellsError ? <InlineAlert message={cellsError.message} actionLabel={t('matrix.tryAgain')} onAction={onRetry} /> : null}

      {blocks.length === 0 ? (
        <p className="muted matrix-empty">{t('matrix.noNorms')}</p>
      ) : cases.length === 0 ? (
        <p className="muted matrix-empty">{t('matrix.noCases')}</p>
      ) : (
        <div className="matrix-scroll" data-testid="matrix-scroll">
          <MatrixGrid
            model={model}
            cells={cells}
            evidence={evidence}
            differences={settings.differences}
            focalName={focal?.name}
            selectedKey={selectedKey}
            onSelect={onSelectCell}
            labelledBy="matrix-norm-label"
            groupStarts={groups}
          />
          {single?.norm.description ? (
            <section className="matrix-about" aria-labelledby="matrix-about-title">
              <h3 id="matrix-about-title" className="section-heading">
                {t('matrix.theNorm')}
              </h3>
              <p className="prose">{single.norm.description}</p>
            </section>
          ) : null}
        </div>
      )}
      <ContextBand cases={cases} normIds={blocks.map((b) => b.norm.id)} cells={cells} selectedKey={selectedKey} />
      <p className="matrix-hint muted">
        {t('matrix.keyHint', { enter: 'Enter', f2: 'F2', esc: 'Esc', undo: `${MOD}Z`, redo: `${MOD}Shift+Z` })}
      </p>
    </section>
  );
}

function Legend({ frameworks, differences, focalName }: { frameworks: FrameworkDto[]; differences: boolean; focalName: string | undefined }) {
  const t = useT();
  if (frameworks.length === 0) return null;
  return (
    <div className="legend" data-testid="legend" aria-label={t('matrix.legend')}>
      {frameworks.map((framework, i) => (
        <p key={framework.id} className="legend-line">
          <span className="legend-title">{frameworks.length > 1 ? framework.name : t('matrix.legendStatus')}</span>
          {[...framework.statuses]
            .sort((a, b) => a.position - b.position)
            .map((s) => (
              <span key={s.key} className="legend-item">
                <StatusSwatch palette={s.palette} />
                {s.label}
              </span>
            ))}
          {i === frameworks.length - 1 ? (
            <span className="legend-item legend-evidence">
              <QuoteIcon />
              <span>
                <span className="visually-hidden">{t('matrix.legendNumberAfter')} </span>
                {t('matrix.legendExcerpts')}
              </span>
            </span>
          ) : null}
        </p>
      ))}
      {differences ? (
        <p className="legend-line">
          <span className="diff-badge">
            <NotEqualIcon />
            {t('matrix.focal')}
          </span>
          <span>{t('matrix.legendDiffers', { known: focalName === undefined ? 'no' : 'yes', name: focalName ?? '' })}</span>
        </p>
      ) : null}
    </div>
  );
}
