import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameworkDto } from '../../electron/contract/api';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { Project } from '../../electron/core/project';
import { DEFAULT_STATUSES, ARTICLE_FRAMEWORK } from '../../electron/core/repos/frameworks';
import { SAMPLE_FILE_NAME, writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { createProjectFile } from '../../electron/core/structure';
import { FRAMEWORK_TEMPLATES } from '../../electron/core/templates';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const sessions: Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

const CYRILLIC_ONLY = /^[^A-Za-z]*$/;

/** Everything fixed a new project holds in words: its framework, stages, status scale and finding dimensions. */
function fixedWords(file: string): { framework: FrameworkDto; dimensions: string[] } {
  const project = Project.open(file);
  try {
    const framework = project.overview().frameworks[0]!;
    const dimensions = (project.db.prepare('SELECT label, description FROM finding_dimensions ORDER BY position').all() as { label: string; description: string }[]).flatMap(
      (d) => [d.label, d.description],
    );
    return { framework, dimensions };
  } finally {
    project.close();
  }
}

function allText({ framework, dimensions }: { framework: FrameworkDto; dimensions: string[] }): string[] {
  return [
    framework.name,
    framework.description,
    ...framework.stages.flatMap((s) => [s.label, s.description]),
    ...framework.statuses.map((s) => s.label),
    ...dimensions,
  ];
}

describe('a new project in its creator’s language', () => {
  it('gets its framework, stages, status names and finding dimensions in Russian through project.create', async () => {
    const session = new Session(tempDir());
    sessions.push(session);
    const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
    const file = path.join(tempDir(), 'Семей.comparanda');
    const envelope = await dispatch('project.create', { path: file, language: 'ru' });
    expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
    await session.close();

    const words = fixedWords(file);
    expect(words.framework.name).toBe('Микрополитика оспаривания норм (четыре стадии)');
    expect(words.framework.stages.map((s) => s.label)).toEqual(['Диффузия', 'Принятие', 'Реконституция', 'Момент оспаривания']);
    expect(words.framework.statuses.map((s) => [s.key, s.label])).toEqual([
      ['not-reached', 'Не достигнута'],
      ['reached', 'Достигнута'],
      ['partial', 'Частично'],
      ['contested', 'Оспаривается'],
      ['unclear', 'Неясно'],
      ['no-data', 'Нет данных'],
    ]);
    expect(words.dimensions[0]).toBe('Фальсификации и вбросы');
    for (const text of allText(words).filter((t) => !t.includes('ОБСЕ'))) expect(text).toMatch(CYRILLIC_ONLY);
  });

  it('gets every framework template in Kazakh, with nothing left in English', () => {
    for (const template of FRAMEWORK_TEMPLATES) {
      const file = path.join(tempDir(), 'жоба.comparanda');
      createProjectFile(file, { template: template.id, language: 'kk' });
      const words = fixedWords(file);
      expect(words.framework.stages).toHaveLength(template.stages.length);
      expect(words.framework.statuses.map((s) => s.label)).toContain('Қол жеткізілді');
      for (const text of allText(words)) expect(text, `${template.id}: ${text}`).toMatch(CYRILLIC_ONLY);
    }
  });

  it('offers the templates, and adds one to an open project, in the language asked for', async () => {
    const session = new Session(tempDir());
    sessions.push(session);
    const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
    await dispatch('project.create', { path: path.join(tempDir(), 'p.comparanda'), language: 'ru' });
    const offered = await dispatch('frameworks.templates', { language: 'ru' });
    if (!offered.ok) throw new Error(JSON.stringify(offered.error));
    const spiral = (offered.result as { id: string; name: string; citation: string }[]).find((t) => t.id === 'spiral-model')!;
    expect(spiral.name).toBe('Спиральная модель изменений в области прав человека');
    expect(spiral.citation).toContain('The Power of Human Rights');
    // The article's note is the interface's sentence, not a published reference: it is translated.
    const article = (offered.result as { id: string; citation: string }[]).find((t) => t.id === 'micro-politics-of-contestation')!;
    expect(article.citation).toMatch(/^Четыре стадии диффузии и оспаривания норм/);
    const made = await dispatch('frameworks.create', { templateId: 'localisation', language: 'ru' });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const framework = made.result as FrameworkDto;
    expect(framework.name).toBe('Локализация нормы');
    expect(framework.stages.map((s) => s.label)).toEqual(['До локализации', 'Местная инициатива', 'Адаптация', 'Усиление и универсализация']);
    expect(framework.statuses.map((s) => s.label)).toContain('Оспаривается');
    const english = await dispatch('frameworks.templates', {});
    if (!english.ok) throw new Error(JSON.stringify(english.error));
    expect((english.result as { name: string }[]).map((t) => t.name)).toEqual(FRAMEWORK_TEMPLATES.map((t) => t.name));
  });

  it('stays English when English is asked for or nothing is said, and the sample project stays English', async () => {
    const plain = path.join(tempDir(), 'plain.comparanda');
    Project.create(plain).close();
    const english = fixedWords(plain);
    expect(english.framework.name).toBe(ARTICLE_FRAMEWORK.name);
    expect(english.framework.statuses.map((s) => s.label)).toEqual(DEFAULT_STATUSES.map((s) => s.label));
    expect(english.dimensions[0]).toBe('Fraud and ballot stuffing');

    const sample = path.join(tempDir(), SAMPLE_FILE_NAME);
    writeSampleProject(sample);
    expect(fixedWords(sample).framework.stages.map((s) => s.label)).toEqual(['Diffusion', 'Acceptance', 'Reconstitution', 'Moment of contestation']);
  });

  it('follows --language, then the locale, in the CLI’s new', () => {
    const dir = tempDir();
    const byFlag = cli(['new', 'flag.comparanda', '--language', 'ru'], dir);
    expect(byFlag.code, byFlag.stderr).toBe(0);
    expect(fixedWords(path.join(dir, 'flag.comparanda')).framework.stages[0]!.label).toBe('Диффузия');

    const byLocale = cli(['new', 'locale.comparanda', '--framework', 'spiral-model'], dir, { LC_ALL: 'kk_KZ.UTF-8' });
    expect(byLocale.code, byLocale.stderr).toBe(0);
    expect(fixedWords(path.join(dir, 'locale.comparanda')).framework.stages[0]!.label).toBe('Қуғын-сүргін');

    const english = cli(['new', 'english.comparanda'], dir);
    expect(fixedWords(path.join(dir, 'english.comparanda')).framework.stages[0]!.label).toBe('Diffusion');
    expect(english.stdout).toContain('default framework: Micro-politics of norm contestation (four stages)');
  });
});
