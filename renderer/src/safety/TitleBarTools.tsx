import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../../electron/contract/api';
import { ExportDialog } from '../exports/ExportDialog';
import { QdaExportDialog, QdaImportDialog } from '../exports/QdaDialogs';
import { ChevronIcon } from '../ui/icons';
import { MOD } from '../shell/keyboard';
import { useProject } from '../workbench-context';
import { LockIcon } from './icons';
import { ProjectPanel } from './ProjectPanel';
import { TeamSyncBadge } from '../team/TeamSyncBadge';
import './safety.css';
import { useT } from '../i18n/use-t';
import { SPACE } from '../ui/marks';

/** The programs a .qdpx comes from: names, the same in every language. */
const QDA_TOOLS = 'NVivo/MAXQDA/ATLAS.ti/QualCoder';

type Open = 'safety' | 'export' | 'qdpx-import' | 'qdc-import' | 'qdpx-export' | 'qdc-export' | null;

/** Ctrl/Cmd+E, without Shift or Alt. */
function isExportKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'e';
}

/**
 * The title bar's project tools: whether the file is encrypted or read-only, the Project menu (safety, backups,
 * REFI-QDA exchange) and Export (also Ctrl/Cmd+E), with the dialogs they open.
 */
export function TitleBarTools({ summary }: { summary: ProjectSummary }) {
  const t = useT();
  const { overview } = useProject();
  const project = overview?.project ?? summary;
  const [open, setOpen] = useState<Open>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isExportKey(event) || event.defaultPrevented) return;
      // The browser's own Ctrl+E (its search bar) never applies here.
      event.preventDefault();
      // Another dialog has the keyboard: leave it be.
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      setOpen('export');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const close = () => setOpen(null);
  return (
    <span className="titlebar-tools">
      {project.encrypted ? (
        <span className="badge badge-encrypted" data-testid="encryption-badge" title={t('shell.encryptedTitle')}>
          <LockIcon />
          {SPACE}
          {t('shell.encrypted')}
        </span>
      ) : null}
      {project.readonly ? (
        <span className="badge badge-readonly" title={t('shell.readOnlyTitle')}>
          {t('shell.readOnly')}
        </span>
      ) : null}
      <TeamSyncBadge />
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className="button button-small" aria-label={t('shell.projectMenu')}>
          {t('shell.project')}
          {SPACE}
          <ChevronIcon />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            <DropdownMenu.Item className="menu-item" onSelect={() => setOpen('safety')}>
              {t('shell.safetyAndBackups')}
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Label className="menu-label">{t('shell.refiQda')}</DropdownMenu.Label>
            <DropdownMenu.Item className="menu-item" disabled={project.readonly} onSelect={() => setOpen('qdpx-import')}>
              {t('shell.importQdpx', { tools: QDA_TOOLS, ext: '.qdpx' })}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" disabled={project.readonly} onSelect={() => setOpen('qdc-import')}>
              {t('shell.importQdc', { ext: '.qdc' })}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => setOpen('qdpx-export')}>
              {t('shell.exportQdpx', { ext: '.qdpx' })}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => setOpen('qdc-export')}>
              {t('shell.exportQdc', { ext: '.qdc' })}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <button type="button" className="button button-small" onClick={() => setOpen('export')} title={t('shell.exportTitle', { keys: `${MOD}E` })} aria-keyshortcuts="Control+E Meta+E">
        {t('shell.exportButton')}
      </button>
      {open === 'safety' ? <ProjectPanel project={project} onClose={close} /> : null}
      {open === 'export' && overview ? <ExportDialog project={project} overview={overview} onClose={close} /> : null}
      {(open === 'qdpx-import' || open === 'qdc-import') && overview ? <QdaImportDialog format={open === 'qdpx-import' ? 'qdpx' : 'qdc'} overview={overview} onClose={close} /> : null}
      {open === 'qdpx-export' || open === 'qdc-export' ? <QdaExportDialog format={open === 'qdpx-export' ? 'qdpx' : 'qdc'} project={project} onClose={close} /> : null}
    </span>
  );
}
