import { api, toApiError } from '../api';
import { requestUnlock } from './unlock-request';

/**
 * Opens another project file from inside the workbench (a restored backup, a copy): an encrypted one asks for its
 * passphrase first; once open, the window loads again on it (as the desktop app does after File › Open).
 * Resolves to a sentence when it could not be opened.
 */
export async function openProjectFile(path: string, beforeLeaving: () => Promise<void>): Promise<string | null> {
  try {
    await beforeLeaving();
    await api['project.open']({ path });
    window.location.reload();
    return null;
  } catch (error) {
    const failure = toApiError(error);
    if (failure.code === 'PASSPHRASE_REQUIRED') {
      requestUnlock(path);
      return null;
    }
    return failure.message;
  }
}
