import { defineMessages } from './define';

/** Words many screens share. Domain terms follow docs/glossary.md. */
export const common = defineMessages({
  en: {
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    ok: 'OK',
    language: 'Language',
    followSystem: 'System ({language})',
    claimsCount: '{count, plural, one {# claim} other {# claims}}',
    casesCount: '{count, plural, one {# case} other {# cases}}',
    excerptsCount: '{count, plural, one {# excerpt} other {# excerpts}}',
  },
  ru: {
    cancel: 'Отмена',
    close: 'Закрыть',
    save: 'Сохранить',
    ok: 'ОК',
    language: 'Язык',
    followSystem: 'Системный ({language})',
    claimsCount: '{count, plural, one {# утверждение} few {# утверждения} many {# утверждений} other {# утверждения}}',
    casesCount: '{count, plural, one {# кейс} few {# кейса} many {# кейсов} other {# кейса}}',
    excerptsCount: '{count, plural, one {# выдержка} few {# выдержки} many {# выдержек} other {# выдержки}}',
  },
  kk: {
    cancel: 'Болдырмау',
    close: 'Жабу',
    save: 'Сақтау',
    ok: 'ОК',
    language: 'Тіл',
    followSystem: 'Жүйелік ({language})',
    claimsCount: '{count, plural, one {# мәлімдеме} other {# мәлімдеме}}',
    casesCount: '{count, plural, one {# кейс} other {# кейс}}',
    excerptsCount: '{count, plural, one {# үзінді} other {# үзінді}}',
  },
});
