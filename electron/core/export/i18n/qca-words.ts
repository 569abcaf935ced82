/**
 * The words of the QCA export, per export language. Kept apart from the shared catalogues (en.ts, ru.ts, kk.ts): the
 * QCA terms follow docs/glossary.md (consistency = согласованность / сәйкестік, coverage = покрытие / қамту, truth
 * table = таблица истинности / ақиқат кестесі, prime implicant = простая импликанта / жай импликанта). The fit
 * measures keep the R package's names (inclS, PRI, covS, covU, inclN, RoN, covN) in every language.
 */
import { plural, type ExportLanguage } from './messages';

export interface QcaWords {
  title: string;
  subtitle: (project: string) => string;
  intro: (outcome: string, conditions: string, cases: number) => string;
  membershipsCaption: string;
  case: string;
  setsNoteLabel: string;
  roleOutcome: string;
  roleCondition: string;
  calibration: {
    crisp: (thresholds: string) => string;
    multi: (thresholds: string) => string;
    fuzzy: (exclusion: string, crossover: string, inclusion: string) => string;
    direct: string;
    manual: string;
  };
  necessityCaption: (outcome: string) => string;
  condition: string;
  necessityNote: string;
  truthTableCaption: (outcome: string) => string;
  row: string;
  out: string;
  cases: string;
  outNoteLabel: string;
  outNote: string;
  parameters: (inclCut: string, contradictionCut: string | null, nCut: number, priCut: string) => string;
  remainders: (remainders: number, total: number) => string;
  unassigned: (cases: string) => string;
  solutionCaption: (kind: string, outcome: string) => string;
  kinds: { conservative: string; parsimonious: string; intermediate: string };
  term: string;
  model: (n: number) => string;
  fitNoteLabel: string;
  fitNote: string;
  primeImplicants: (list: string) => string;
  simplifying: (n: number) => string;
  counterfactuals: (easy: number, difficult: number) => string;
  truncated: (n: number) => string;
  subject: (project: string, outcome: string) => string;
}

const en: QcaWords = {
  title: 'Qualitative Comparative Analysis',
  subtitle: (project) => `Truth table and solutions · ${project}`,
  intro: (outcome, conditions, cases) => `Outcome ${outcome}; conditions ${conditions}; ${plural('en', cases, { one: '{n} case', other: '{n} cases' })}. Computed with Comparanda, whose definitions follow the R package QCA (Dusa).`,
  membershipsCaption: 'Calibrated set memberships',
  case: 'Case',
  setsNoteLabel: 'Sets. ',
  roleOutcome: 'outcome',
  roleCondition: 'condition',
  calibration: {
    crisp: (t) => `crisp, threshold ${t}`,
    multi: (t) => `multi-value, thresholds ${t}`,
    fuzzy: (e, c, i) => `fuzzy (direct method): full non-membership ${e}, crossover ${c}, full membership ${i}`,
    direct: 'values used as memberships',
    manual: 'scores set by hand, each with its reason',
  },
  necessityCaption: (outcome) => `Analysis of necessity for ${outcome}`,
  condition: 'Condition',
  necessityNote: 'inclN: consistency of necessity; RoN: relevance of necessity; covN: coverage of necessity.',
  truthTableCaption: (outcome) => `Truth table of ${outcome}`,
  row: 'Row',
  out: 'OUT',
  cases: 'Cases',
  outNoteLabel: 'OUT. ',
  outNote: '1: positive (consistent with the outcome); 0: negative; C: contradiction (consistency between the two inclusion cuts). Incl.: consistency of sufficiency; PRI: proportional reduction in inconsistency.',
  parameters: (incl, contradiction, n, pri) => `Inclusion cut ${incl}${contradiction ? ` (contradiction from ${contradiction})` : ''}; frequency cut ${n}; PRI cut ${pri}.`,
  remainders: (r, total) => `${plural('en', r, { one: '{n} logical remainder', other: '{n} logical remainders' })} of ${total} configurations (not shown).`,
  unassigned: (cases) => `In no row (a membership of exactly 0.5): ${cases}.`,
  solutionCaption: (kind, outcome) => `${kind} solution for ${outcome}`,
  kinds: { conservative: 'Conservative', parsimonious: 'Parsimonious', intermediate: 'Intermediate' },
  term: 'Term',
  model: (n) => `Model M${n}`,
  fitNoteLabel: 'Fit. ',
  fitNote: 'inclS: consistency; PRI: proportional reduction in inconsistency; covS: raw coverage; covU: unique coverage (– for a model of one term). Cases: the cases of the positive rows each term covers.',
  primeImplicants: (list) => `Prime implicants: ${list}.`,
  simplifying: (n) => `${plural('en', n, { one: '{n} simplifying assumption', other: '{n} simplifying assumptions' })} (remainders used).`,
  counterfactuals: (easy, difficult) => `Easy counterfactuals: ${easy}; difficult: ${difficult}.`,
  truncated: (n) => `More equally minimal models exist; the first ${n} are shown.`,
  subject: (project, outcome) => `QCA of ${outcome} in the project “${project}”`,
};

const ru: QcaWords = {
  title: 'Качественный сравнительный анализ',
  subtitle: (project) => `Таблица истинности и решения · ${project}`,
  intro: (outcome, conditions, cases) =>
    `Результат ${outcome}; условия ${conditions}; ${plural('ru', cases, { one: '{n} кейс', few: '{n} кейса', many: '{n} кейсов', other: '{n} кейса' })}. Рассчитано в Comparanda по определениям R-пакета QCA (Душа).`,
  membershipsCaption: 'Откалиброванная принадлежность к множествам',
  case: 'Кейс',
  setsNoteLabel: 'Множества. ',
  roleOutcome: 'результат',
  roleCondition: 'условие',
  calibration: {
    crisp: (t) => `чёткое, порог ${t}`,
    multi: (t) => `многозначное, пороги ${t}`,
    fuzzy: (e, c, i) => `нечёткое (прямой метод): полная непринадлежность ${e}, точка перехода ${c}, полная принадлежность ${i}`,
    direct: 'значения используются как степени принадлежности',
    manual: 'оценки заданы вручную, каждая с обоснованием',
  },
  necessityCaption: (outcome) => `Анализ необходимости для ${outcome}`,
  condition: 'Условие',
  necessityNote: 'inclN — согласованность необходимости; RoN — релевантность необходимости; covN — покрытие необходимости.',
  truthTableCaption: (outcome) => `Таблица истинности для ${outcome}`,
  row: 'Строка',
  out: 'OUT',
  cases: 'Кейсы',
  outNoteLabel: 'OUT. ',
  outNote: '1 — положительная строка (согласуется с результатом); 0 — отрицательная; C — противоречие (согласованность между двумя порогами). Согл. — согласованность достаточности; PRI — пропорциональное снижение несогласованности.',
  parameters: (incl, contradiction, n, pri) => `Порог согласованности ${incl}${contradiction ? ` (противоречие от ${contradiction})` : ''}; порог частоты ${n}; порог PRI ${pri}.`,
  remainders: (r, total) =>
    `${plural('ru', r, { one: '{n} логический остаток', few: '{n} логических остатка', many: '{n} логических остатков', other: '{n} логического остатка' })} из ${total} конфигураций (не показаны).`,
  unassigned: (cases) => `Ни в одной строке (принадлежность ровно 0,5): ${cases}.`,
  solutionCaption: (kind, outcome) => `${kind} решение для ${outcome}`,
  kinds: { conservative: 'Консервативное', parsimonious: 'Экономное', intermediate: 'Промежуточное' },
  term: 'Терм',
  model: (n) => `Модель M${n}`,
  fitNoteLabel: 'Показатели. ',
  fitNote: 'inclS — согласованность; PRI — пропорциональное снижение несогласованности; covS — покрытие; covU — уникальное покрытие (– для модели из одного терма). Кейсы — кейсы положительных строк, покрываемые термом.',
  primeImplicants: (list) => `Простые импликанты: ${list}.`,
  simplifying: (n) =>
    `${plural('ru', n, { one: '{n} упрощающее допущение', few: '{n} упрощающих допущения', many: '{n} упрощающих допущений', other: '{n} упрощающего допущения' })} (использованные остатки).`,
  counterfactuals: (easy, difficult) => `Лёгкие контрфактуалы: ${easy}; трудные: ${difficult}.`,
  truncated: (n) => `Есть и другие равно минимальные модели; показаны первые ${n}.`,
  subject: (project, outcome) => `QCA результата ${outcome} в проекте «${project}»`,
};

const kk: QcaWords = {
  title: 'Сапалық салыстырмалы талдау',
  subtitle: (project) => `Ақиқат кестесі және шешімдер · ${project}`,
  intro: (outcome, conditions, cases) => `Нәтиже ${outcome}; шарттар ${conditions}; ${cases} кейс. Comparanda-да R QCA пакетінің (Душа) анықтамалары бойынша есептелді.`,
  membershipsCaption: 'Жиындарға калибрленген тиесілілік',
  case: 'Кейс',
  setsNoteLabel: 'Жиындар. ',
  roleOutcome: 'нәтиже',
  roleCondition: 'шарт',
  calibration: {
    crisp: (t) => `нақты, шек ${t}`,
    multi: (t) => `көпмәнді, шектер ${t}`,
    fuzzy: (e, c, i) => `анық емес (тікелей әдіс): толық тиесілі емес ${e}, өту нүктесі ${c}, толық тиесілі ${i}`,
    direct: 'мәндер тиесілілік дәрежесі ретінде алынды',
    manual: 'бағалар қолмен берілген, әрқайсысы негіздемесімен',
  },
  necessityCaption: (outcome) => `${outcome} үшін қажеттілік талдауы`,
  condition: 'Шарт',
  necessityNote: 'inclN — қажеттілік сәйкестігі; RoN — қажеттілік маңыздылығы; covN — қажеттілік қамтуы.',
  truthTableCaption: (outcome) => `${outcome} ақиқат кестесі`,
  row: 'Жол',
  out: 'OUT',
  cases: 'Кейстер',
  outNoteLabel: 'OUT. ',
  outNote: '1 — оң жол (нәтижемен сәйкес); 0 — теріс; C — қайшылық (сәйкестік екі шектің арасында). Сәйк. — жеткіліктілік сәйкестігі; PRI — сәйкессіздіктің пропорционалды азаюы.',
  parameters: (incl, contradiction, n, pri) => `Сәйкестік шегі ${incl}${contradiction ? ` (қайшылық ${contradiction} бастап)` : ''}; жиілік шегі ${n}; PRI шегі ${pri}.`,
  remainders: (r, total) => `${total} конфигурацияның ${r} логикалық қалдығы (көрсетілмеген).`,
  unassigned: (cases) => `Ешбір жолда емес (тиесілілік дәл 0,5): ${cases}.`,
  solutionCaption: (kind, outcome) => `${outcome} үшін ${kind.toLowerCase()} шешім`,
  kinds: { conservative: 'Консервативті', parsimonious: 'Үнемді', intermediate: 'Аралық' },
  term: 'Терм',
  model: (n) => `M${n} моделі`,
  fitNoteLabel: 'Көрсеткіштер. ',
  fitNote: 'inclS — сәйкестік; PRI — сәйкессіздіктің пропорционалды азаюы; covS — қамту; covU — бірегей қамту (бір термді модель үшін –). Кейстер — әр терм қамтитын оң жолдардың кейстері.',
  primeImplicants: (list) => `Жай импликанталар: ${list}.`,
  simplifying: (n) => `${n} жеңілдететін болжам (пайдаланылған қалдықтар).`,
  counterfactuals: (easy, difficult) => `Жеңіл контрфактілер: ${easy}; қиын: ${difficult}.`,
  truncated: (n) => `Басқа да тең минималды модельдер бар; алғашқы ${n} көрсетілген.`,
  subject: (project, outcome) => `«${project}» жобасындағы ${outcome} нәтижесінің QCA талдауы`,
};

const WORDS: Record<ExportLanguage, QcaWords> = { en, ru, kk };

export function qcaWords(language: ExportLanguage): QcaWords {
  return WORDS[language];
}

/** Three decimals, with the decimal comma of Russian and Kazakh typesetting. */
export function fit3(language: ExportLanguage, x: number | null): string {
  if (x === null) return '–';
  const s = x.toFixed(3);
  return language === 'en' ? s : s.replace('.', ',');
}

/** A cut or threshold as typed (1, 0.8), with the language's decimal mark. */
export function decimal(language: ExportLanguage, x: number): string {
  const s = String(x);
  return language === 'en' ? s : s.replace('.', ',');
}
