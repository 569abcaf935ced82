import { useState, type KeyboardEvent } from 'react';
import type { CaseDto, NormDto } from '../../electron/contract/api';

interface SidebarProps {
  cases: CaseDto[];
  norms: NormDto[];
  currentNormId: string | undefined;
  selectedCaseId: string | undefined;
  onSelectNorm: (normId: string) => void;
  onSelectCase: (caseId: string) => void;
}

const MATRIX_ID = 'view:matrix';

/**
 * Navigation: the project's views, its cases and its norms. One Tab stop for the whole list (the item last
 * focused); the arrow keys, Home and End move within it.
 */
export function Sidebar({ cases, norms, currentNormId, selectedCaseId, onSelectNorm, onSelectCase }: SidebarProps) {
  const [focusId, setFocusId] = useState<string>(MATRIX_ID);
  const ids = [MATRIX_ID, ...cases.map((c) => `case:${c.id}`), ...norms.map((n) => `norm:${n.id}`)];
  const tabStop = ids.includes(focusId) ? focusId : MATRIX_ID;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-nav-item]'));
    const at = items.findIndex((item) => item === document.activeElement);
    if (at < 0) return;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(at + 1, items.length - 1);
        break;
      case 'ArrowUp':
        next = Math.max(at - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  };

  const itemProps = (id: string) => ({
    'data-nav-item': id,
    tabIndex: id === tabStop ? 0 : -1,
    onFocus: () => setFocusId(id),
  });

  return (
    <nav className="pane pane-nav" aria-label="Project navigation" onKeyDown={onKeyDown}>
      <h2 className="nav-heading">Project</h2>
      <ul className="nav-list">
        <li>
          <button type="button" className="nav-item" aria-current="page" {...itemProps(MATRIX_ID)}>
            <span className="nav-label">Matrix</span>
          </button>
        </li>
      </ul>

      <h2 className="nav-heading">Cases</h2>
      {cases.length === 0 ? (
        <p className="nav-empty">No cases yet — add Kazakhstan, Belarus…</p>
      ) : (
        <ul className="nav-list" data-testid="case-list">
          {cases.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="nav-item"
                aria-pressed={selectedCaseId === c.id}
                onClick={() => onSelectCase(c.id)}
                {...itemProps(`case:${c.id}`)}
              >
                <span className="nav-label">
                  {c.name}
                  {c.role === 'focal' ? (
                    <>
                      {' '}
                      <span className="focal-star" aria-hidden="true" title="Focal case">
                        ★
                      </span>
                      <span className="visually-hidden"> (focal)</span>
                    </>
                  ) : null}
                </span>
                {c.isoCode ? <span className="nav-code">{c.isoCode}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h2 className="nav-heading">Norms</h2>
      {norms.length === 0 ? (
        <p className="nav-empty">No norms yet.</p>
      ) : (
        <ul className="nav-list" data-testid="norm-list">
          {norms.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className="nav-item nav-item-wrap"
                aria-current={n.id === currentNormId ? 'true' : undefined}
                onClick={() => onSelectNorm(n.id)}
                title={n.description || undefined}
                {...itemProps(`norm:${n.id}`)}
              >
                <span className="nav-label">{n.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
