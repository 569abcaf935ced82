/**
 * Layout in a longer language: every screen in the pseudo-locale `?lang=en-XA` (accented, 40% longer, like Russian
 * and Kazakh), a screenshot of each in the test's output, and a failure for any main control whose text is clipped
 * or overflows its box — buttons, tabs, menu items, headers, labels. Text meant to be cut with an ellipsis is
 * left alone when the whole of it is in a title (the user can read it by pointing at it).
 */
import { expect, test } from './fixtures';
import { screenSlug, walkScreens } from '../helpers/i18n-screens';
import { measureOverflow, type Overflow } from '../helpers/i18n-overflow';

test('no main control clips or overflows its text in the pseudo-locale (en-XA, 40% longer)', async ({ page, app }, testInfo) => {
  test.setTimeout(600_000);
  const findings: (Overflow & { screen: string })[] = [];
  let shots = 0;
  const walk = await walkScreens(
    page,
    app,
    'en-XA',
    async (screen) => {
      await page.screenshot({ path: testInfo.outputPath(`${screenSlug(shots++, screen)}.png`), animations: 'disabled', caret: 'hide' });
      for (const overflow of await measureOverflow(page)) findings.push({ screen, ...overflow });
    },
    { depth: 'full' },
  );
  console.log(`en-XA: ${walk.visited.length} screens, screenshots in ${testInfo.outputDir}`);
  const unreached = walk.unreached.map((u) => `[${u.screen}] not reached: ${u.reason}`).join('\n');
  expect(walk.visited.length).toBeGreaterThan(30);
  expect(walk.unreached.length, `screens the walk could not reach:\n${unreached}`).toBe(0);
  const report = findings.map((f) => `[${f.screen}] ${f.control} "${f.text}" — ${f.how} @ ${f.where}`).join('\n');
  expect(findings.length, `${findings.length} clipped or overflowing controls:\n${report}`).toBe(0);
});
