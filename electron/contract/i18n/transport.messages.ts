import { defineMessages } from './define';

/** What the window says when the way to the back end itself fails (IPC or the loopback web transport). */
export const transport = defineMessages({
  en: {
    backEndSilent: 'Comparanda’s back end did not answer ({detail}).',
    noSession: 'This browser has no Comparanda session yet. Enter the one-time code that "{command}" printed next to the address.',
    webSilent: 'Comparanda does not answer. Check that "{command}" is still running, then try again.',
    unexpectedAnswer: 'Comparanda’s back end answered in an unexpected way ({status}). Restart it and reload this page.',
    windowError: 'Something went wrong in the window. Reload it; if it happens again, please report it.',
    notStored: 'The back end did not store it.',
    unknownMethod: 'This version of Comparanda cannot do "{method}" yet. Restart the app after updating it.',
  },
  ru: {
    backEndSilent: 'Внутренняя часть Comparanda не ответила ({detail}).',
    noSession: 'У этого браузера ещё нет сеанса Comparanda. Введите одноразовый код, который «{command}» вывела рядом с адресом.',
    webSilent: 'Comparanda не отвечает. Проверьте, что «{command}» всё ещё работает, и попробуйте снова.',
    unexpectedAnswer: 'Внутренняя часть Comparanda ответила неожиданно ({status}). Перезапустите её и обновите страницу.',
    windowError: 'В окне произошла ошибка. Обновите его; если ошибка повторится, сообщите о ней.',
    notStored: 'Внутренняя часть не сохранила изменение.',
    unknownMethod: 'Эта версия Comparanda ещё не умеет выполнять «{method}». Перезапустите приложение после обновления.',
  },
  kk: {
    backEndSilent: 'Comparanda-ның ішкі бөлігі жауап бермеді ({detail}).',
    noSession: 'Бұл браузерде әлі Comparanda сеансы жоқ. «{command}» мекенжайдың жанына шығарған бір реттік кодты енгізіңіз.',
    webSilent: 'Comparanda жауап бермейді. «{command}» әлі жұмыс істеп тұрғанын тексеріп, қайталап көріңіз.',
    unexpectedAnswer: 'Comparanda-ның ішкі бөлігі күтпеген жауап берді ({status}). Оны қайта іске қосып, бетті жаңартыңыз.',
    windowError: 'Терезеде қате болды. Оны жаңартыңыз; қате қайталанса, хабарлаңыз.',
    notStored: 'Ішкі бөлік өзгерісті сақтамады.',
    unknownMethod: 'Comparanda-ның бұл нұсқасы әлі «{method}» орындай алмайды. Жаңартқаннан кейін қолданбаны қайта іске қосыңыз.',
  },
});
