import { useId, useMemo, useRef, useState, type KeyboardEvent, type RefCallback } from 'react';
import type { AutoSave } from '../ui/fields';
import { useAutoSave } from '../ui/fields';
import { MOD } from '../shell/keyboard';
import { renderSummary } from '../ui/markdown';
import { Toolbar } from '../shell/Toolbar';
import { useT } from '../i18n/use-t';

interface SummaryEditorProps extends AutoSave<string> {
  textareaRef?: RefCallback<HTMLTextAreaElement>;
}

type Format = 'bold' | 'italic' | 'bullets' | 'numbers' | 'link';

/**
 * Edits a summary as Markdown in a plain textarea, with a small toolbar and Ctrl/Cmd+B, Ctrl/Cmd+I. Changes go
 * through the browser's own editing (execCommand insertText), so Ctrl/Cmd+Z in the field undoes them like typing.
 */
export function SummaryEditor({ textareaRef, ...save }: SummaryEditorProps) {
  const t = useT();
  const id = useId();
  const { shown, set, flush, error } = useAutoSave(save);
  const localRef = useRef<HTMLTextAreaElement | null>(null);
  const [preview, setPreview] = useState(false);
  const html = useMemo(() => (preview ? renderSummary(shown) : ''), [preview, shown]);

  const setRefs = (element: HTMLTextAreaElement | null) => {
    localRef.current = element;
    textareaRef?.(element);
  };

  const apply = (format: Format) => {
    const area = localRef.current;
    if (!area) return;
    area.focus();
    const { selectionStart: start, selectionEnd: end, value } = area;
    const selected = value.slice(start, end);
    let replacement: string;
    let selectFrom: number;
    let selectTo: number;
    if (format === 'bold' || format === 'italic') {
      const mark = format === 'bold' ? '**' : '*';
      const inner = selected || t(format === 'bold' ? 'matrix.boldText' : 'matrix.italicText');
      replacement = `${mark}${inner}${mark}`;
      selectFrom = start + mark.length;
      selectTo = selectFrom + inner.length;
    } else if (format === 'link') {
      const text = selected || t('matrix.linkText');
      replacement = `[${text}](https://)`;
      selectFrom = start + text.length + 3;
      selectTo = selectFrom + 'https://'.length;
    } else {
      // Lists work on whole lines: extend the selection to the lines it touches.
      const lineStart = value.lastIndexOf('\n', start - 1) + 1;
      const lineEndAt = value.indexOf('\n', end);
      const lineEnd = lineEndAt === -1 ? value.length : lineEndAt;
      area.setSelectionRange(lineStart, lineEnd);
      const lines = value.slice(lineStart, lineEnd).split('\n');
      replacement = lines.map((line, i) => `${format === 'bullets' ? '- ' : `${i + 1}. `}${line.replace(/^([-*+]|\d+[.)])\s+/, '')}`).join('\n');
      selectFrom = lineStart;
      selectTo = lineStart + replacement.length;
    }
    if (!document.execCommand('insertText', false, replacement)) {
      // Without execCommand the edit still happens, only outside the field's own undo.
      const next = area.value.slice(0, area.selectionStart) + replacement + area.value.slice(area.selectionEnd);
      set(next);
    }
    area.setSelectionRange(selectFrom, selectTo);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey || event.shiftKey) return;
    const key = event.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      event.preventDefault();
      apply(key === 'b' ? 'bold' : 'italic');
    }
  };

  const tool = (format: Format, label: string, text: string, shortcut?: string) => (
    <button
      type="button"
      className={`tool tool-${format}`}
      data-toolbar-item=""
      aria-label={label}
      title={shortcut ? t('matrix.toolWithShortcut', { label, shortcut }) : label}
      disabled={preview}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => apply(format)}
    >
      {/* The glyph is a picture of the format drawn by CSS, so that the button's only text is its name. */}
      {text === label ? text : <span className="tool-glyph" data-glyph={text} />}
    </button>
  );

  return (
    <div className="field summary-field">
      <div className="summary-head">
        <label htmlFor={id} className="section-heading">
          {t('matrix.summary')}
        </label>
        <Toolbar className="toolbar-mini" label={t('matrix.summaryFormatting')}>
          {tool('bold', t('matrix.bold'), 'B', `${MOD}B`)}
          {tool('italic', t('matrix.italic'), 'I', `${MOD}I`)}
          {tool('bullets', t('matrix.bulletedList'), '•', undefined)}
          {tool('numbers', t('matrix.numberedList'), '1.', undefined)}
          {tool('link', t('matrix.link'), t('matrix.link'), undefined)}
          <button type="button" className="tool tool-preview" data-toolbar-item="" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
            {t('matrix.preview')}
          </button>
        </Toolbar>
      </div>
      {preview ? (
        html ? (
          <div className="summary-preview prose-md" data-testid="summary-preview" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <div className="summary-preview prose-md" data-testid="summary-preview">
            <p className="muted">{t('matrix.noSummary')}</p>
          </div>
        )
      ) : (
        <textarea
          id={id}
          ref={setRefs}
          className="text-area summary-input"
          rows={6}
          value={shown}
          placeholder={t('matrix.summaryPlaceholder')}
          aria-invalid={error ? true : undefined}
          onChange={(e) => set(e.target.value)}
          onBlur={flush}
          onKeyDown={onKeyDown}
        />
      )}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
