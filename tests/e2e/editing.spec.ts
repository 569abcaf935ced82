import { expect, test } from './fixtures';

test.describe('editing the matrix', () => {
  test('add Russia, fill two cells (one by keyboard), transpose, reorder, undo, reload: the saved state is back', async ({ workbench, page }) => {
    await workbench.open();

    // A comparison case joins the matrix as the last column.
    await workbench.addCase('Russia', 'RUS');
    await expect(workbench.caseHeaders()).toHaveText([/^Kazakhstan/, /^Belarus/, /^Russia/]);
    await expect(workbench.cell('Russia', 'Diffusion')).toHaveText('No data');

    // First cell with the mouse: status from the scale, a summary with Markdown.
    await workbench.cell('Russia', 'Diffusion').click();
    await expect(workbench.editor.title).toHaveText('Russia · Diffusion');
    await workbench.editor.setStatus('Reached');
    await workbench.editor.summary.fill('OSCE participating State since 1973; bound by **Copenhagen** para 8.');
    await workbench.saved();
    const diffusion = workbench.cell('Russia', 'Diffusion');
    await expect(diffusion).toContainText('Reached');
    await expect(diffusion).toContainText('bound by Copenhagen para 8');
    // Markdown is rendered, never shown as markers or raw HTML.
    await expect(diffusion.locator('strong')).toHaveText('Copenhagen');
    await expect(workbench.undoButton).toHaveAttribute('title', /Edit Russia · Diffusion/);

    // Second cell with the keyboard only: arrows to the cell, F2 (the summary), type, Escape back to the grid.
    await diffusion.focus();
    await page.keyboard.press('ArrowDown');
    const acceptance = workbench.cell('Russia', 'Acceptance');
    await expect(acceptance).toBeFocused();
    await page.keyboard.press('F2');
    await expect(workbench.editor.summary).toBeFocused();
    await page.keyboard.type('Observers admitted by the 1997 law, then limited.');
    await expect(workbench.saveState).toHaveText(/Saving…|Saved/);
    await page.keyboard.press('Escape');
    await expect(acceptance).toBeFocused();
    await workbench.saved();
    await expect(acceptance).toContainText('Observers admitted by the 1997 law');
    await expect(workbench.undoButton).toHaveAttribute('title', /Edit Russia · Acceptance/);

    // Transpose: stages become the columns, cases the rows.
    await workbench.transposeButton.click();
    await expect(workbench.transposeButton).toHaveAttribute('aria-pressed', 'true');
    await expect(workbench.stageColumnHeaders()).toHaveText([/Diffusion/, /Acceptance/, /Reconstitution/, /Moment of contestation/]);
    await expect(workbench.caseRowHeaders()).toHaveText([/^Kazakhstan/, /^Belarus/, /^Russia/]);
    await expect(workbench.cell('Russia', 'Acceptance')).toContainText('Observers admitted');

    // Reorder the cases shown, from the keyboard: Russia before Belarus. The focal case stays first.
    await workbench.moveColumnByKeyboard('Russia', -1);
    await expect(workbench.caseRowHeaders()).toHaveText([/^Kazakhstan/, /^Russia/, /^Belarus/]);

    // Undo (focus in the grid, not in a text field) takes back the last edit: the second cell is empty again.
    await workbench.cell('Russia', 'Diffusion').focus();
    await page.keyboard.press('Control+z');
    await expect(workbench.cell('Russia', 'Acceptance')).toHaveText('No data');
    await expect(workbench.cell('Russia', 'Diffusion')).toContainText('Reached');
    await expect(workbench.redoButton).toHaveAttribute('title', /Redo “Edit Russia · Acceptance”/);
    // Redo and undo again from the toolbar buttons.
    await workbench.redoButton.click();
    await expect(workbench.cell('Russia', 'Acceptance')).toContainText('Observers admitted');
    await workbench.undoButton.click();
    await expect(workbench.cell('Russia', 'Acceptance')).toHaveText('No data');

    // Reload: what was saved is there, the layout is remembered.
    await workbench.reload();
    await expect(workbench.transposeButton).toHaveAttribute('aria-pressed', 'true');
    await expect(workbench.caseRowHeaders()).toHaveText([/^Kazakhstan/, /^Russia/, /^Belarus/]);
    await expect(workbench.cell('Russia', 'Diffusion')).toContainText('Reached');
    await expect(workbench.cell('Russia', 'Diffusion')).toContainText('bound by Copenhagen');
    await expect(workbench.cell('Russia', 'Acceptance')).toHaveText('No data');
    const cells = await workbench.apiResult<{ summary: string; stageId: string }[]>('cells.list', {});
    expect(cells.filter((c) => c.summary.includes('1997 law'))).toHaveLength(0);
    expect(cells.filter((c) => c.summary.includes('since 1973'))).toHaveLength(1);
  });

  test('in a text field Ctrl+Z undoes typing, not the last matrix edit; Ctrl+Y redoes edits', async ({ workbench, page }) => {
    await workbench.open();
    await workbench.cell('Belarus', 'Reconstitution').click();
    await workbench.editor.setStatus('Partial');
    await workbench.saved();
    await expect(workbench.cell('Belarus', 'Reconstitution')).toContainText('Partial');

    await workbench.editor.memo.click();
    await page.keyboard.type('check');
    await page.keyboard.press('Control+z');
    // The browser's own undo took back typing in the field; the status edit is untouched.
    await expect(workbench.editor.memo).not.toHaveValue('check');
    await expect(workbench.cell('Belarus', 'Reconstitution')).toContainText('Partial');
    await workbench.saved();
    await expect(workbench.undoButton).toHaveAttribute('title', /Edit Belarus · Reconstitution/);

    // In the grid, Ctrl+Z undoes edits: first the memo, then the status (the cell it created goes too).
    await workbench.cell('Belarus', 'Reconstitution').focus();
    await page.keyboard.press('Control+z');
    await expect(workbench.editor.memo).toHaveValue('');
    await expect(workbench.cell('Belarus', 'Reconstitution')).toContainText('Partial');
    await page.keyboard.press('Control+z');
    await expect(workbench.cell('Belarus', 'Reconstitution')).toHaveText('No data');
    await page.keyboard.press('Control+y');
    await expect(workbench.cell('Belarus', 'Reconstitution')).toContainText('Partial');
    await page.keyboard.press('Control+Shift+z');
    await expect(workbench.editor.memo).not.toHaveValue('');
    await expect(workbench.redoButton).toBeDisabled();
  });

  test('the cell editor saves every field: mode, period, confidence, memo, and formats the summary', async ({ workbench, page }) => {
    await workbench.open();
    await workbench.cell('Belarus', 'Reconstitution').click();
    const { editor } = workbench;
    // Reconstitution asks for the mode (discourse / practice).
    await editor.setStatus('Contested');
    await editor.setMode('Practice');
    await editor.periodFrom.fill('2015');
    await editor.periodTo.fill('2020');
    await editor.confidence.getByRole('radio', { name: 'High' }).click();
    await editor.memo.fill('Ask the CEC interviewee about 2020.');

    // Toolbar and shortcuts write Markdown into the summary.
    await editor.summary.click();
    await page.keyboard.type('Commissions ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('staffed by loyalists');
    await page.keyboard.press('End');
    await page.keyboard.type('. See ');
    await editor.summaryToolbar.getByRole('button', { name: 'Link' }).click();
    await page.keyboard.type('https://www.osce.org/odihr/elections/belarus');
    await expect(editor.summary).toHaveValue('Commissions **staffed by loyalists**. See [link text](https://www.osce.org/odihr/elections/belarus)');
    await editor.summaryToolbar.getByRole('button', { name: 'Preview' }).click();
    const preview = editor.root.getByTestId('summary-preview');
    await expect(preview.locator('strong')).toHaveText('staffed by loyalists');
    const link = preview.getByRole('link', { name: 'link text' });
    await expect(link).toHaveAttribute('rel', 'noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
    await workbench.saved();

    await expect(workbench.cell('Belarus', 'Reconstitution')).toContainText('Contested · practice');
    // An invalid period is kept, not sent, and said where it is.
    await editor.periodTo.fill('2010');
    await expect(editor.root).toContainText('The period must not end before it starts.');
    await expect(workbench.saveState).toContainText('Not saved — Belarus · Reconstitution: The period must not end before it starts.');
    await editor.periodTo.fill('2021');
    await workbench.saved();

    await workbench.reload();
    await workbench.cell('Belarus', 'Reconstitution').click();
    await expect(editor.status).toHaveText('Contested');
    await expect(editor.mode.getByRole('radio', { name: 'Practice' })).toBeChecked();
    await expect(editor.periodFrom).toHaveValue('2015');
    await expect(editor.periodTo).toHaveValue('2021');
    await expect(editor.confidence.getByRole('radio', { name: 'High' })).toBeChecked();
    await expect(editor.memo).toHaveValue('Ask the CEC interviewee about 2020.');
    await expect(editor.root).toContainText(/Created .* edited/);

    // Space on the chosen confidence keeps it (radio semantics); "Not rated" clears it, and that is saved too.
    await editor.confidence.getByRole('radio', { name: 'High' }).focus();
    await page.keyboard.press(' ');
    await expect(editor.confidence.getByRole('radio', { name: 'High' })).toBeChecked();
    await editor.confidence.getByRole('radio', { name: 'Not rated' }).click();
    await workbench.saved();
    await workbench.reload();
    await workbench.cell('Belarus', 'Reconstitution').click();
    await expect(editor.confidence.getByRole('radio', { name: 'Not rated' })).toBeChecked();
  });

  test('a failed save keeps what was typed, says why, and Retry stores it', async ({ workbench, page }) => {
    await workbench.open();
    await workbench.cell('Kazakhstan', 'Diffusion').click();
    let refuse = true;
    await page.route('**/api/cells.update', async (route) => {
      if (refuse) await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'PROJECT_UNREADABLE', message: 'The disk is full.' } }) });
      else await route.continue();
    });
    await workbench.editor.memo.fill('A thought that must not be lost.');
    await expect(workbench.saveState).toContainText('Not saved — Kazakhstan · Diffusion: The disk is full.');
    // Moving to another cell and back: the draft is still there.
    await workbench.cell('Belarus', 'Diffusion').click();
    await workbench.cell('Kazakhstan', 'Diffusion').click();
    await expect(workbench.editor.memo).toHaveValue('A thought that must not be lost.');

    refuse = false;
    await workbench.saveState.getByRole('button', { name: 'Retry' }).click();
    await workbench.saved();
    await workbench.reload();
    await workbench.cell('Kazakhstan', 'Diffusion').click();
    await expect(workbench.editor.memo).toHaveValue('A thought that must not be lost.');
  });

  test('Electron’s Edit menu commands undo and redo edits, and undo typing in a text field', async ({ workbench, page }) => {
    // The preload's bridge, stood in for by the same calls over HTTP plus a way to send menu commands.
    await page.addInitScript({
      content: `
        const listeners = new Set();
        window.__menuCommand = (command) => listeners.forEach((listener) => listener(command));
        window.comparanda = new Proxy({}, {
          get: (_, method) => method === 'onCommand'
            ? (listener) => { listeners.add(listener); return () => listeners.delete(listener); }
            : (input) => fetch('/api/' + String(method), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {}) }).then((r) => r.json()),
        });
      `,
    });
    const menu = (command: 'undo' | 'redo') => page.evaluate((c) => (globalThis as unknown as { __menuCommand: (c: string) => void }).__menuCommand(c), command);
    // With the bridge stood in for, the page has no code form: the session starts beside it.
    await workbench.startSession();
    await workbench.open();
    await workbench.cell('Belarus', 'Reconstitution').click();
    await workbench.editor.setStatus('Contested');
    await workbench.saved();

    await workbench.cell('Belarus', 'Reconstitution').focus();
    await menu('undo');
    await expect(workbench.cell('Belarus', 'Reconstitution')).not.toContainText('Contested');
    await menu('redo');
    await expect(workbench.cell('Belarus', 'Reconstitution')).toContainText('Contested');

    // In a text field the same menu item undoes typing, and leaves the matrix alone.
    await workbench.editor.memo.click();
    await page.keyboard.type('x');
    await menu('undo');
    await expect(workbench.editor.memo).toHaveValue('');
    await expect(workbench.cell('Belarus', 'Reconstitution')).toContainText('Contested');
  });
});
