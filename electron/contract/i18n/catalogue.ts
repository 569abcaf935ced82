/**
 * Every interface message, flattened to `area.key` ids, per language. The renderer (react-intl), the Electron
 * main process (menus, dialogs) and the CLI (intl-messageformat) all read these catalogues.
 */
import type { AreaMessages } from './define';
import type { DisplayLanguage, Language } from './languages';
import { access } from './access.messages';
import { claims } from './claims.messages';
import { cli } from './cli.messages';
import { codes } from './codes.messages';
import { common } from './common.messages';
import { context } from './context.messages';
import { errors } from './errors.messages';
import { errorsExport } from './errorsExport.messages';
import { errorsFiles } from './errorsFiles.messages';
import { errorsImport } from './errorsImport.messages';
import { errorsInput } from './errorsInput.messages';
import { errorsQca } from './errorsQca.messages';
import { errorsTeam } from './errorsTeam.messages';
import { errorsCore } from './errorsCore.messages';
import { errorsPrivacy } from './errorsPrivacy.messages';
import { errorsSchema } from './errorsSchema.messages';
import { errorsCsv } from './errorsCsv.messages';
import { evidence } from './evidence.messages';
import { exchangeReport } from './exchangeReport.messages';
import { exportWarnings } from './exportWarnings.messages';
// `exports` is a reserved name in CommonJS output: the area keeps its id, its constant another name.
import { exportsArea } from './exports.messages';
import { fields } from './fields.messages';
import { frameworks } from './frameworks.messages';
import { jobs } from './jobs.messages';
import { main } from './main.messages';
import { matrix } from './matrix.messages';
import { menu } from './menu.messages';
import { observation } from './observation.messages';
import { pages } from './pages.messages';
import { participants } from './participants.messages';
import { qca } from './qca.messages';
import { qcaPlot } from './qcaPlot.messages';
import { record } from './record.messages';
import { register } from './register.messages';
import { safety } from './safety.messages';
import { search } from './search.messages';
import { shell } from './shell.messages';
import { sources } from './sources.messages';
import { team } from './team.messages';
import { templates } from './templates.messages';
import { transport } from './transport.messages';
import { verification } from './verification.messages';
import { pseudoMessage } from './pseudo';

const AREAS = {
  access,
  claims,
  cli,
  codes,
  common,
  context,
  errors,
  errorsExport,
  errorsFiles,
  errorsImport,
  errorsInput,
  errorsQca,
  errorsTeam,
  errorsCore,
  errorsPrivacy,
  errorsSchema,
  errorsCsv,
  evidence,
  exchangeReport,
  exports: exportsArea,
  exportWarnings,
  fields,
  frameworks,
  jobs,
  main,
  matrix,
  menu,
  observation,
  pages,
  participants,
  qca,
  qcaPlot,
  record,
  register,
  safety,
  search,
  shell,
  sources,
  team,
  templates,
  transport,
  verification,
} as const;

type Areas = typeof AREAS;
type KeysOf<A> = A extends AreaMessages<infer K> ? K : never;
export type MessageId = { [A in keyof Areas & string]: `${A}.${KeysOf<Areas[A]>}` }[keyof Areas & string];

export type Catalogue = Readonly<Record<MessageId, string>>;

const built = new Map<DisplayLanguage, Catalogue>();

function flatten(language: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [area, messages] of Object.entries(AREAS) as [string, AreaMessages<string>][]) {
    for (const [key, text] of Object.entries(messages[language])) out[`${area}.${key}`] = text;
  }
  return out;
}

export function catalogue(language: DisplayLanguage): Catalogue {
  let found = built.get(language);
  if (!found) {
    const flat =
      language === 'en-XA'
        ? Object.fromEntries(Object.entries(flatten('en')).map(([id, text]) => [id, pseudoMessage(text)]))
        : flatten(language);
    found = flat as Catalogue;
    built.set(language, found);
  }
  return found;
}

/** Every message id, in catalogue order. */
export function messageIds(): MessageId[] {
  return Object.keys(catalogue('en')) as MessageId[];
}
