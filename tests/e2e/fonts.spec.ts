import path from 'node:path';
import { expect, test } from './fixtures';

const KAZAKH_TITLE = 'Қазақстан: сайлау бақылауы (Ә Ғ Қ Ң Ө Ұ Ү Һ І)';

test('Kazakh, Russian and Latin text share the bundled Noto Sans face', async ({ workbench, page }) => {
  await workbench.open();
  const created = await workbench.callApi('project.create', { path: path.join(workbench.app.workDir, 'kazakh.comparanda'), title: KAZAKH_TITLE });
  expect(created.status).toBe(200);
  await page.reload();
  await expect(workbench.projectTitle).toHaveText(KAZAKH_TITLE);
  await workbench.fontsReady();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const fontsOf = async (selector: string) => {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => ({ family: f.familyName, custom: f.isCustomFont }));
  };

  for (const selector of ['[data-testid="project-title"]', '.titlebar-app']) {
    const fonts = await fontsOf(selector);
    expect(fonts.length, selector).toBeGreaterThan(0);
    // The platform name carries the weight ("Noto Sans SemiBold" for 600); no other family may appear.
    for (const font of fonts) expect(font, selector).toEqual({ family: expect.stringMatching(/^Noto Sans( SemiBold)?$/), custom: true });
  }
});
