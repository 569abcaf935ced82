/**
 * A new project's fixed words in its creator's language: the framework it starts with (name, stages, their
 * descriptions), the status scale and the dimensions observers' findings are coded on. Once written they are the
 * project's own text, edited like any other; a project shared with a colleague who reads another language keeps them.
 * The words live in the catalogue's `templates` area, keyed there by their English, which is word for word the text
 * the core writes in English (the sample project stays English).
 */
import type Database from 'better-sqlite3';
import { catalogue, messageIds, type MessageId } from '../contract/i18n/catalogue';
import type { Language } from '../contract/i18n/languages';
import type { FrameworkTemplateDto } from '../contract/api';
import { stmt } from './db/statements';
import type { NewFramework } from './repos/frameworks';

let byEnglish: Map<string, MessageId> | undefined;

/** The catalogue id of a fixed word, found by its English text. */
function fixedWordId(english: string): MessageId | undefined {
  if (!byEnglish) {
    const en = catalogue('en');
    byEnglish = new Map(messageIds().filter((id) => id.startsWith('templates.')).map((id) => [en[id], id]));
  }
  return byEnglish.get(english);
}

/** A fixed word in `language`; text that is not one of them (a researcher's own) comes back as it is. */
export function localiseFixedWord(text: string, language: Language): string {
  if (language === 'en') return text;
  const id = fixedWordId(text);
  return id ? catalogue(language)[id] : text;
}

export function localiseFramework(framework: NewFramework, language: Language): NewFramework {
  const word = (text: string) => localiseFixedWord(text, language);
  return {
    ...framework,
    name: word(framework.name),
    description: framework.description === undefined ? undefined : word(framework.description),
    stages: framework.stages.map((stage) => ({ ...stage, label: word(stage.label), description: stage.description === undefined ? undefined : word(stage.description) })),
    statuses: framework.statuses.map((status) => ({ ...status, label: word(status.label) })),
  };
}

/** A template as a researcher working in `language` is offered it (a reference in its citation stays as published; the article's own note is translated). */
export function localiseTemplate(template: FrameworkTemplateDto, language: Language): FrameworkTemplateDto {
  const word = (text: string) => localiseFixedWord(text, language);
  return {
    ...template,
    name: word(template.name),
    description: word(template.description),
    citation: word(template.citation),
    stages: template.stages.map((stage) => ({ ...stage, label: word(stage.label), description: word(stage.description) })),
  };
}

/** The finding dimensions the migrations seed in English, in `language`; dimensions a researcher changed are kept. */
export function localiseSeededDimensions(db: Database.Database, language: Language): void {
  if (language === 'en') return;
  const rows = stmt(db, 'SELECT id, label, description FROM finding_dimensions').all() as { id: string; label: string; description: string }[];
  const update = stmt(db, 'UPDATE finding_dimensions SET label = @label, description = @description WHERE id = @id');
  for (const row of rows) {
    const label = localiseFixedWord(row.label, language);
    if (label === row.label) continue;
    update.run({ id: row.id, label, description: localiseFixedWord(row.description, language) });
  }
}
