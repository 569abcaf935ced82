/**
 * Word lists for the pseudo-text of the synthetic projects, in the three languages of the research programme the
 * product is built for: English, Russian and Kazakh. Ordered roughly by how common each word is (the generator draws
 * them by Zipf's law, so the first words are the most frequent). Set phrases are inserted whole, so that phrase
 * queries find them.
 */
export type Language = 'en' | 'ru' | 'kk';

export const LANGUAGES: readonly Language[] = ['en', 'ru', 'kk'];

const EN = `the of and to in a that for is on was by with as observers election were not be it this are from at
commission mission report vote voting polling station observation international law which have had their or an
osce odihr electoral process candidates political government central parliament national rights freedom also
observer media campaign ballot ballots count counting procedures registration voters voter president presidential
party parties opposition state authorities local district regional official results turnout democratic democracy
standards commitments norm norms copenhagen document paragraph participating states legal framework legislation
administration members appointed access accredited interim final statement preliminary findings conclusions
recommendations assessment serious irregularities violations pressure fraud stuffing carousel multiple family
protocols tabulation transparency secrecy complaints appeals court courts judicial independent independence
impartial neutral executive interference public sector employees students teachers pensioners mobilised
reported noted observed found expressed concern welcomed regretted however although despite while whereas
during after before since until between among within without against under over through across towards
significant considerable limited restricted genuine competitive pluralistic fair free equal universal secret
direct periodic elections referendum constitution constitutional amendment decree article provisions law's
implementation practice discourse contestation diffusion acceptance reconstitution sovereignty interference
internal affairs double standards criticism criticised western monitoring monitors short-term long-term core team
headquarters capital regions cities villages rural urban precinct precincts territorial commissions chairperson
secretary deputy nominated nominations registration deadlines signatures verification lists inaccuracies
deceased duplicates additional mobile boxes early voting absentee certificates abroad embassies diaspora
television radio newspapers online outlets coverage airtime paid free-of-charge debates editorial bias
state-owned private journalists bloggers defamation criminal liability self-censorship licensing frequencies
assembly association expression demonstrations protests detained arrested fined sentenced released prisoners
dialogue cooperation partnership membership organisation organisations regional security community bilateral
multilateral shanghai commonwealth independent cis sco observers' verdict verdicts endorsed contradicted
legitimacy legitimate sovereign stability order tradition traditions path model gradual evolutionary`;

const RU = `и в на не что с по как для о к от это из за при а также был были было его их он она они мы
выборы выборов выборах наблюдатели наблюдателей наблюдение наблюдения миссия миссии ОБСЕ БДИПЧ комиссия комиссии
избирательной избирательная избирательные голосование голосования голосов бюллетени бюллетеней участок участков
участковой территориальной центральной ЦИК кандидат кандидатов кандидаты партия партии партий оппозиция
оппозиционных власти власть президент президента президентских парламент парламентских депутатов мажилис
сенат закон закона законодательство конституция конституции поправки статья пункт копенгагенского документа
обязательства обязательств стандарты стандартов нормы норма международных международные демократии
демократических права прав свободы свобод граждан гражданина избирателей избиратели явка явки результаты
итоги протоколы протоколов подсчет подсчета вброс вбросы карусель давление нарушения нарушений фальсификации
жалобы жалоб суд суда суды решение решения независимых независимость прозрачность тайна тайны голосования
отметили отметила заявили заявил подчеркнул выразили озабоченность приветствовали критиковали однако хотя
несмотря поскольку тогда когда после до между среди внутри без против через около более менее очень
значительные ограниченные серьезные подлинно конкурентные честные свободные равные всеобщие тайные прямые
референдум указ акимат аким область области район района город города село сельских городских регионов
учителя студенты пенсионеры бюджетники работники предприятий мобилизация принуждение списки списков
двойные стандарты суверенитета суверенитет вмешательство внутренние дела стабильность порядок традиции путь
казахстанский модель постепенной эволюционной реформы реформ СМИ телевидение радио газеты журналисты
освещение эфир дебаты цензура самоцензура диффамация лицензирование собрания ассоциации выражения митинги
протесты задержаны арестованы оштрафованы осуждены освобождены диалог сотрудничество партнерство членство
организация организации региональной безопасности ШОС СНГ шанхайской содружества вердикт оценка оценки
легитимность легитимный признали одобрили отвергли краткосрочные долгосрочные штаб столица регионы`;

const KK = `және мен бен пен да де та те бұл осы сол ол олар біз үшін туралы бойынша сияқты арасында кейін дейін
емес бар жоқ болды болып табылады етті жасады берді алды айтты деді көрсетті жариялады мәлімдеді өтті
сайлау сайлауы сайлауда сайлаудың сайлаушылар сайлаушылардың байқаушылар байқаушы байқау миссиясы миссия
ЕҚЫҰ ДИАҚБ комиссиясы комиссия орталық аумақтық учаскелік учаске учаскелер дауыс дауыстар дауыс беру
бюллетень бюллетеньдер кандидат кандидаттар партия партиялар оппозиция оппозициялық билік президент
Президенті парламент Мәжіліс Сенат депутаттар заң заңы заңнама Конституция Конституциясы түзетулер бап
тармақ Копенгаген құжаты міндеттемелер стандарттар нормалар норма халықаралық демократия демократиялық
құқықтар құқығы бостандықтар азаматтар азаматтың қатысу нәтижелері нәтиже қорытынды хаттамалар хаттама
санау есептеу бұзушылықтар бұзушылық алаяқтық қысым шағымдар шағым сот соты шешім шешімі тәуелсіз
тәуелсіздік ашықтық құпиялық атап өтті алаңдаушылық білдірді құптады сынады дегенмен алайда себебі
өйткені кезінде уақытта жыл жылы күн ай бірінші екінші жаңа ескі үлкен маңызды барлық көп аз еркін әділ
тең жалпыға бірдей құпия тікелей референдум Жарлық әкімдік әкім облыс облысы аудан ауданы қала қаласы ауыл
ауылдық қалалық өңірлер мұғалімдер студенттер зейнеткерлер мемлекеттік қызметкерлер жұмысшылар тізім
тізімдер тіркеу қосарлы стандарттар егемендік егемендігі ішкі істер араласу тұрақтылық тәртіп дәстүр
дәстүрлер жол қазақстандық үлгі біртіндеп реформалар реформа бұқаралық ақпарат құралдары теледидар радио
газеттер журналистер тілшілер жариялау эфир пікірталас цензура жиналыс бейбіт наразылық ұсталды
айыппұл сотталды босатылды диалог ынтымақтастық серіктестік мүшелік ұйым ұйымы өңірлік қауіпсіздік ШЫҰ
ТМД Шанхай Достастық бағалау бағасы заңдылық заңды мойындады қолдады қабылдады жоққа шығарды қысқа
мерзімді ұзақ мерзімді штаб елорда Қазақстан Қазақстанның Республикасы Астана Алматы Ақтөбе Қарағанды
Шымкент Өскемен Павлодар Қостанай Атырау Тараз Орал Көкшетау Түркістан Жезқазған`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

export const WORDS: Record<Language, string[]> = { en: words(EN), ru: words(RU), kk: words(KK) };

/** Set phrases inserted whole: phrase queries ("...") must find them. */
export const PHRASES: Record<Language, string[]> = {
  en: [
    'election observation mission',
    'double standards',
    'Copenhagen Document',
    'Central Election Commission',
    'free and fair elections',
    'carousel voting',
    'ballot box stuffing',
    'Kazakh path to democracy',
    'precinct election commission',
    'OSCE participating States',
  ],
  ru: [
    'избирательная комиссия',
    'двойные стандарты',
    'Копенгагенский документ',
    'Центральная избирательная комиссия',
    'свободные и справедливые выборы',
    'карусельное голосование',
    'вброс бюллетеней',
    'казахстанский путь к демократии',
    'миссия по наблюдению за выборами',
    'государства участники ОБСЕ',
  ],
  kk: [
    'сайлау комиссиясы',
    'қосарлы стандарттар',
    'Орталық сайлау комиссиясы',
    'еркін және әділ сайлау',
    'дауыс беру учаскесі',
    'халықаралық байқаушылар',
    'Қазақстан Республикасы',
    'демократияға қазақстандық жол',
    'сайлауды бақылау миссиясы',
    'ЕҚЫҰ-ға қатысушы мемлекеттер',
  ],
};

/** Given and family names for the authors of the sources (Latin and Cyrillic). */
export const FAMILY_NAMES = [
  'Nurpeisova', 'Akhmetov', 'Smith', 'Kowalski', 'Ivanova', 'Bekmukhambetov', 'Schmidt', 'Dupont', 'Omarova', 'Sultanbekov',
  'Петров', 'Сидорова', 'Жақсылықов', 'Әбдірахманова', 'Құдайбергенов', 'Ермекова', 'Müller', 'Novák', 'Kuznetsova', 'Tokayeva',
];
export const GIVEN_NAMES = ['Aigerim', 'Daniyar', 'John', 'Anna', 'Олег', 'Ирина', 'Әсел', 'Ұлан', 'Marta', 'Serik', 'Гүлнар', 'Pierre', 'Ержан', 'Ольга'];

/** OSCE participating States (and a few others) with their ISO 3166 alpha-3 codes: the cases. */
export const COUNTRIES: readonly (readonly [string, string])[] = [
  ['Kazakhstan', 'KAZ'], ['Belarus', 'BLR'], ['Russia', 'RUS'], ['Uzbekistan', 'UZB'], ['Kyrgyzstan', 'KGZ'], ['Tajikistan', 'TJK'],
  ['Turkmenistan', 'TKM'], ['Azerbaijan', 'AZE'], ['Armenia', 'ARM'], ['Georgia', 'GEO'], ['Ukraine', 'UKR'], ['Moldova', 'MDA'],
  ['Poland', 'POL'], ['Lithuania', 'LTU'], ['Latvia', 'LVA'], ['Estonia', 'EST'], ['Hungary', 'HUN'], ['Serbia', 'SRB'],
  ['Montenegro', 'MNE'], ['North Macedonia', 'MKD'], ['Albania', 'ALB'], ['Bosnia and Herzegovina', 'BIH'], ['Croatia', 'HRV'],
  ['Slovenia', 'SVN'], ['Slovakia', 'SVK'], ['Czechia', 'CZE'], ['Romania', 'ROU'], ['Bulgaria', 'BGR'], ['Türkiye', 'TUR'],
  ['Mongolia', 'MNG'], ['Austria', 'AUT'], ['Germany', 'DEU'], ['France', 'FRA'], ['Italy', 'ITA'], ['Spain', 'ESP'],
  ['Portugal', 'PRT'], ['Greece', 'GRC'], ['Cyprus', 'CYP'], ['Malta', 'MLT'], ['Norway', 'NOR'],
];

export const NORMS: readonly { label: string; short: string; paragraph: string }[] = [
  { label: 'International election observation', short: 'Observation', paragraph: 'para 8' },
  { label: 'Free and fair voting through balanced election commissions', short: 'Commissions', paragraph: 'paras 5.1, 7' },
  { label: 'Secret ballot', short: 'Secret ballot', paragraph: 'para 7.4' },
  { label: 'Honest counting and reporting of results', short: 'Counting', paragraph: 'para 7.4' },
  { label: 'Equal access to the media', short: 'Media access', paragraph: 'para 7.8' },
  { label: 'Free candidacy and party registration', short: 'Candidacy', paragraph: 'paras 7.5, 7.6' },
  { label: 'Effective remedies and complaints', short: 'Complaints', paragraph: 'para 5.10' },
  { label: 'Universal and accurate voter lists', short: 'Voter lists', paragraph: 'para 7.3' },
];

/** The six stages of the L framework (the article's four, framed by emergence and settlement). */
export const SIX_STAGES: readonly { label: string; description: string; asksMode: boolean }[] = [
  { label: 'Emergence', description: 'The norm is made by an external agent; the recipient has little say.', asksMode: false },
  { label: 'Diffusion', description: 'The external agent diffuses the norm to the recipient.', asksMode: false },
  { label: 'Acceptance', description: 'The recipient accepts the norm and enshrines it in law.', asksMode: false },
  { label: 'Reconstitution', description: 'The norm is re-made locally through discourse and/or practice.', asksMode: true },
  { label: 'Contestation', description: 'The gap between the norm in law and in practice opens.', asksMode: false },
  { label: 'Settlement', description: 'A local version of the norm settles, or the contestation continues.', asksMode: false },
];

export const CODE_TREE: readonly { name: string; children: readonly string[] }[] = [
  { name: 'Observer access', children: ['Accreditation', 'Access to counting', 'Harassment of observers'] },
  { name: 'Commission composition', children: ['Patronage appointments', 'Opposition members', 'Chairpersons'] },
  { name: 'Fraud', children: ['Carousel voting', 'Ballot stuffing', 'Turnout orders', 'Protocol falsification'] },
  { name: 'Discourse', children: ['Double standards', 'Kazakh path', 'Sovereignty', 'Stability'] },
  { name: 'Media environment', children: ['State media bias', 'Self-censorship'] },
  { name: 'Regional context', children: ['SCO', 'CIS observers'] },
];
