/**
 * Issue 18's acceptance: no English word on any screen in Russian mode. Every screen and main dialog of the app
 * (tests/helpers/i18n-screens.ts) is opened with the sample project in `?lang=ru`, and what it shows is compared
 * with the English catalogue and cleared of the researcher's data (tests/helpers/i18n-text.ts). Each finding names
 * its screen, the text and where it is. Kazakh gets a smoke pass over the main screens.
 *
 * While parts of the renderer still show English, this test lists them screen by screen and fails; it goes green
 * when the last screen speaks Russian.
 */
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import type { Language } from '../../electron/contract/i18n/languages';
import { localiseTemplate } from '../../electron/core/project-language';
import { SAMPLE_FILE_NAME } from '../../electron/core/sample';
import { FRAMEWORK_TEMPLATES } from '../../electron/core/templates';
import { walkScreens } from '../helpers/i18n-screens';
import { collectFragments, LanguageChecker, reportFindings, sampleProjectTexts, type TextFinding } from '../helpers/i18n-text';
import type { WebApp } from './support/web-app';

let sampleTexts: string[] | undefined;

/**
 * The sample's texts, and the other things of the user's a screen shows: the file's name and folder; and the
 * framework templates' references, which are cited as published (the ones the language leaves as they are).
 */
function userData(app: WebApp, language: Language): string[] {
  sampleTexts ??= sampleProjectTexts();
  const file = path.join(app.workDir, SAMPLE_FILE_NAME);
  const references = FRAMEWORK_TEMPLATES.filter((template) => localiseTemplate(template, language).citation === template.citation).map((template) => template.citation);
  return [...sampleTexts, ...references, file, app.workDir, path.basename(file), SAMPLE_FILE_NAME.replace(/\.comparanda$/, ''), os.userInfo().username];
}

for (const [language, depth] of [
  ['ru', 'full'],
  ['kk', 'smoke'],
] as const satisfies readonly (readonly [Exclude<Language, 'en'>, 'full' | 'smoke'])[]) {
  test(`no English is left on any screen in ${language === 'ru' ? 'Russian' : 'Kazakh (smoke)'}, outside the researcher's data`, async ({ page, app }) => {
    test.setTimeout(depth === 'full' ? 600_000 : 180_000);
    const checker = new LanguageChecker(language, userData(app, language));
    const findings: TextFinding[] = [];
    const walk = await walkScreens(
      page,
      app,
      language,
      async (screen) => {
        const seen = new Set<string>();
        for (const fragment of await collectFragments(page)) {
          const key = `${fragment.kind}\u0000${fragment.text}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const problem = checker.check(fragment.text);
          if (problem) findings.push({ screen, ...fragment, problem });
        }
      },
      { depth },
    );
    console.log(`${language}: visited ${walk.visited.length} screens: ${walk.visited.join('; ')}`);
    const unreached = walk.unreached.map((u) => `[${u.screen}] not reached: ${u.reason}`).join('\n');
    expect(walk.visited.length).toBeGreaterThan(depth === 'full' ? 30 : 8);
    expect(walk.unreached.length, `screens the walk could not reach:\n${unreached}`).toBe(0);
    const screens = new Set(findings.map((f) => f.screen)).size;
    // The count, not the list, is compared: the message is the readable report, screen by screen.
    expect(findings.length, `${findings.length} English texts on ${screens} of ${walk.visited.length} screens in ${language}:\n${reportFindings(findings)}`).toBe(0);
  });
}
