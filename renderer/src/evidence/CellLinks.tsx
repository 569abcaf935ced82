/** The matrix cells an excerpt is evidence for: listed (show in the matrix, unlink), and a case × norm × stage picker to add one. */
import { useId, useState } from 'react';
import { useT } from '../i18n/use-t';
import { frameworkOf, orderStages } from '../matrix/matrix-model';
import { RichMsg } from './RichMsg';
import { useCellLookup } from './cells';
import type { CellTarget } from './store';

export interface LinkedCell {
  key: string;
  label: string;
  /** Null when the cell is no longer in the matrix (archived). */
  target: CellTarget | null;
}

interface CellLinksProps {
  items: LinkedCell[];
  onLink: (cell: CellTarget) => void;
  onUnlink: (key: string) => void;
  onShow?: ((cell: CellTarget) => void) | undefined;
  pending?: boolean;
}

export function CellLinks({ items, onLink, onUnlink, onShow, pending = false }: CellLinksProps) {
  const t = useT();
  const { overview, label } = useCellLookup();
  const ids = { case: useId(), norm: useId(), stage: useId() };
  const cases = overview?.cases.filter((c) => !c.archived) ?? [];
  const norms = overview?.norms.filter((n) => !n.archived) ?? [];
  const [caseId, setCaseId] = useState('');
  const [normId, setNormId] = useState('');
  const [stageId, setStageId] = useState('');
  const kase = cases.find((c) => c.id === caseId) ?? cases.find((c) => c.role === 'focal') ?? cases[0];
  const norm = norms.find((n) => n.id === normId) ?? norms[0];
  const stages = orderStages(frameworkOf(norm, overview?.frameworks ?? [])?.stages ?? []);
  const stage = stages.find((s) => s.id === stageId) ?? stages[0];
  const chosen = kase && norm && stage ? { caseId: kase.id, normId: norm.id, stageId: stage.id } : null;
  const already = chosen !== null && items.some((i) => i.target && i.target.caseId === chosen.caseId && i.target.normId === chosen.normId && i.target.stageId === chosen.stageId);

  return (
    <div className="ev-cell-links">
      {items.length === 0 ? (
        <p className="muted small">{t('evidence.notLinked')}</p>
      ) : (
        <ul className="ev-linked" aria-label={t('evidence.linkedCells')}>
          {items.map((item) => (
            <li key={item.key} className="ev-linked-item">
              <span className="ev-linked-label">{item.label}</span>
              {item.target && onShow ? (
                <button type="button" className="button button-small" onClick={() => onShow(item.target!)}>
                  <RichMsg id="evidence.showInMatrix" values={{ label: item.label }} />
                </button>
              ) : null}
              <button type="button" className="button button-small" onClick={() => onUnlink(item.key)} disabled={pending}>
                <RichMsg id="evidence.unlinkLabel" values={{ label: item.label }} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="ev-cell-picker" role="group" aria-label={t('evidence.linkToCell')}>
        <label className="visually-hidden" htmlFor={ids.case}>
          {t('evidence.case')}
        </label>
        <select id={ids.case} className="native-select" value={kase?.id ?? ''} onChange={(e) => setCaseId(e.target.value)}>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={ids.norm}>
          {t('evidence.norm')}
        </label>
        <select id={ids.norm} className="native-select" value={norm?.id ?? ''} onChange={(e) => setNormId(e.target.value)}>
          {norms.map((n) => (
            <option key={n.id} value={n.id}>
              {n.shortLabel || n.label}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={ids.stage}>
          {t('evidence.stage')}
        </label>
        <select id={ids.stage} className="native-select" value={stage?.id ?? ''} onChange={(e) => setStageId(e.target.value)}>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.position} {s.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          disabled={!chosen || already || pending}
          title={chosen ? (already ? t('evidence.alreadyLinked') : t('evidence.linkTo', { label: label(chosen) })) : undefined}
          onClick={() => chosen && onLink(chosen)}
        >
          {t('evidence.link')}
        </button>
      </div>
    </div>
  );
}
