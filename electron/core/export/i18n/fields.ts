/**
 * The name of a changed field in the record of changes, in Russian or Kazakh: the app's history names (contract
 * `fields` area, the names the record history shows) where they have one, the columns only exports show here, and
 * otherwise the column as stored (a name no catalogue has is better shown as it is than guessed).
 */
import { catalogue, type MessageId } from '../../../contract/i18n/catalogue';
import { formatMessage } from '../../../contract/i18n/format';

const MORE: Record<'ru' | 'kk', Record<string, string>> = {
  ru: {
    case_id: 'кейс',
    period_from: 'начало периода',
    period_to: 'конец периода',
    date: 'дата',
    target: 'адресат',
    source_id: 'источник',
    document_id: 'документ',
    page: 'страница',
    paragraph: 'абзац',
    text_kind: 'вид текста',
    language: 'язык',
    translation_language: 'язык перевода',
    speaker: 'говорящий',
    participant_id: 'участник',
    election_id: 'выборы',
    organisation: 'организация',
    mission_type: 'вид миссии',
    reason: 'причина',
    head_of_mission: 'глава миссии',
    verdict: 'вердикт',
    verdict_quote: 'цитата вердикта',
    verdict_source_id: 'источник вердикта',
    type: 'вид',
    round: 'тур',
    label: 'название',
    official_result: 'официальный результат',
    notes: 'примечания',
    issue: 'вопрос',
    severity: 'серьёзность',
    resolved: 'решено',
  },
  kk: {
    case_id: 'кейс',
    period_from: 'кезеңнің басы',
    period_to: 'кезеңнің соңы',
    date: 'күні',
    target: 'адресат',
    source_id: 'дереккөз',
    document_id: 'құжат',
    page: 'бет',
    paragraph: 'абзац',
    text_kind: 'мәтін түрі',
    language: 'тіл',
    translation_language: 'аударма тілі',
    speaker: 'сөйлеуші',
    participant_id: 'қатысушы',
    election_id: 'сайлау',
    organisation: 'ұйым',
    mission_type: 'миссия түрі',
    reason: 'себеп',
    head_of_mission: 'миссия басшысы',
    verdict: 'вердикт',
    verdict_quote: 'вердикт дәйексөзі',
    verdict_source_id: 'вердикт дереккөзі',
    type: 'түрі',
    round: 'тур',
    label: 'атауы',
    official_result: 'ресми нәтиже',
    notes: 'ескертпелер',
    issue: 'мәселе',
    severity: 'ауырлық дәрежесі',
    resolved: 'шешілді',
  },
};

export function fieldLabel(language: 'ru' | 'kk', column: string): string {
  const id = `fields.${column}`;
  if (Object.hasOwn(catalogue('en'), id)) return formatMessage(language, id as MessageId).toLocaleLowerCase(language);
  return MORE[language][column] ?? column;
}
