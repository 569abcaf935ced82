import { defineMessages } from './define';

/**
 * Errors made in the core, by catalogue id (see localError in format.ts). English is the message every log and
 * older client sees, word for word the sentence the core has always written; Russian and Kazakh quote file names
 * in «guillemets». Each says what happened and what to do.
 */
export const errors = defineMessages({
  en: {
    fileNotFound: '"{file}" does not exist. Check the path, or choose the file again.',
    folderNotFound: 'The folder {folder} does not exist.',
    isFolder: '"{file}" is a folder, not a Comparanda project file.',
    cannotRead: '"{file}" cannot be read ({reason}). Check its permissions.',
    cannotOpen: '"{file}" cannot be opened: {reason}',
    passphraseRequired: '"{file}" is encrypted (or damaged). Enter its passphrase to open it; without it, nothing in it can be read.',
    notSqlite:
      '"{file}" is not a Comparanda project: it is not a SQLite database (it may be another kind of file, or damaged). Choose a .comparanda file, or restore one from a backup.',
    notEncrypted: '"{file}" is not encrypted; open it without a passphrase.',
    wrongPassphrase: 'The passphrase does not open "{file}". Check it (it is case-sensitive) and try again; the file was not changed.',
    damaged: '"{file}" is damaged and cannot be opened. Restore it from a backup; the file was not changed.',
    truncated: '"{file}" is truncated: it holds {size} bytes of the {expected} it should. Restore it from a backup; the file was not changed.',
    notAProject: '"{file}" is a SQLite database but not a Comparanda project. Open a .comparanda file, or create a new project.',
    newerVersion:
      '"{file}" was saved by a newer version of Comparanda (project format {found}; this app reads up to {supported}). Update Comparanda to open it; the file was not changed.',
    readOnly: '"{file}" cannot be written (the file, its folder or the drive is read-only). Open it read-only, or save a copy somewhere you can write to.',
    fileExists: '"{file}" already exists. Choose another name, or open it instead.',
    inUse: '"{file}" is already open in another Comparanda window or process. Close it there, or open it read-only here.',
    noProject: 'No project is open. Open a .comparanda file or create a new project.',
  },
  ru: {
    fileNotFound: 'Файл «{file}» не существует. Проверьте путь или выберите файл ещё раз.',
    folderNotFound: 'Папка {folder} не существует.',
    isFolder: '«{file}» — это папка, а не файл проекта Comparanda.',
    cannotRead: 'Файл «{file}» не удаётся прочитать ({reason}). Проверьте права доступа к нему.',
    cannotOpen: 'Файл «{file}» не удаётся открыть: {reason}',
    passphraseRequired: 'Файл «{file}» зашифрован (или повреждён). Введите парольную фразу, чтобы открыть его: без неё в нём ничего нельзя прочитать.',
    notSqlite:
      '«{file}» — не проект Comparanda: это не база данных SQLite (возможно, это файл другого типа или он повреждён). Выберите файл .comparanda или восстановите его из резервной копии.',
    notEncrypted: 'Файл «{file}» не зашифрован; откройте его без парольной фразы.',
    wrongPassphrase: 'Парольная фраза не подходит к «{file}». Проверьте её (регистр букв важен) и попробуйте ещё раз; файл не изменён.',
    damaged: 'Файл «{file}» повреждён, и его нельзя открыть. Восстановите его из резервной копии; файл не изменён.',
    truncated: 'Файл «{file}» обрезан: в нём {size} байт из {expected}. Восстановите его из резервной копии; файл не изменён.',
    notAProject: '«{file}» — база данных SQLite, но не проект Comparanda. Откройте файл .comparanda или создайте новый проект.',
    newerVersion:
      'Файл «{file}» сохранён более новой версией Comparanda (формат проекта {found}; эта версия читает форматы до {supported}). Обновите Comparanda, чтобы открыть его; файл не изменён.',
    readOnly:
      'В «{file}» нельзя записывать (файл, его папка или диск доступны только для чтения). Откройте его только для чтения или сохраните копию туда, где запись возможна.',
    fileExists: 'Файл «{file}» уже существует. Выберите другое имя или откройте этот файл.',
    inUse: 'Файл «{file}» уже открыт в другом окне или процессе Comparanda. Закройте его там или откройте здесь только для чтения.',
    noProject: 'Проект не открыт. Откройте файл .comparanda или создайте новый проект.',
  },
  kk: {
    fileNotFound: '«{file}» файлы жоқ. Жолды тексеріңіз немесе файлды қайта таңдаңыз.',
    folderNotFound: '{folder} қалтасы жоқ.',
    isFolder: '«{file}» — қалта, Comparanda жоба файлы емес.',
    cannotRead: '«{file}» файлын оқу мүмкін емес ({reason}). Оған қол жеткізу құқықтарын тексеріңіз.',
    cannotOpen: '«{file}» файлын ашу мүмкін емес: {reason}',
    passphraseRequired: '«{file}» файлы шифрланған (немесе бүлінген). Оны ашу үшін құпия фразаны енгізіңіз: онсыз ондағы ештеңені оқу мүмкін емес.',
    notSqlite:
      '«{file}» — Comparanda жобасы емес: ол SQLite дерекқоры емес (басқа түрдегі файл немесе бүлінген болуы мүмкін). .comparanda файлын таңдаңыз немесе оны сақтық көшірмеден қалпына келтіріңіз.',
    notEncrypted: '«{file}» файлы шифрланбаған; оны құпия фразасыз ашыңыз.',
    wrongPassphrase: 'Құпия фраза «{file}» файлын ашпайды. Оны тексеріп (әріп регистрі маңызды), қайталап көріңіз; файл өзгертілмеді.',
    damaged: '«{file}» файлы бүлінген, оны ашу мүмкін емес. Оны сақтық көшірмеден қалпына келтіріңіз; файл өзгертілмеді.',
    truncated: '«{file}» файлы қысқартылған: онда {expected} байттың {size} байты ғана бар. Оны сақтық көшірмеден қалпына келтіріңіз; файл өзгертілмеді.',
    notAProject: '«{file}» — SQLite дерекқоры, бірақ Comparanda жобасы емес. .comparanda файлын ашыңыз немесе жаңа жоба жасаңыз.',
    newerVersion:
      '«{file}» файлы Comparanda-ның жаңарақ нұсқасымен сақталған (жоба пішімі {found}; бұл нұсқа {supported} пішіміне дейін оқиды). Оны ашу үшін Comparanda-ны жаңартыңыз; файл өзгертілмеді.',
    readOnly:
      '«{file}» файлына жазу мүмкін емес (файл, оның қалтасы немесе диск тек оқуға арналған). Оны тек оқу үшін ашыңыз немесе көшірмесін жазуға болатын жерге сақтаңыз.',
    fileExists: '«{file}» файлы бұрыннан бар. Басқа атау таңдаңыз немесе осы файлды ашыңыз.',
    inUse: '«{file}» файлы Comparanda-ның басқа терезесінде немесе процесінде ашық тұр. Оны сонда жабыңыз немесе мұнда тек оқу үшін ашыңыз.',
    noProject: 'Ешбір жоба ашылмаған. .comparanda файлын ашыңыз немесе жаңа жоба жасаңыз.',
  },
});
