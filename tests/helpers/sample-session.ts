import path from 'node:path';
import type { Envelope } from '../../electron/contract/errors';
import { createDispatcher, createHandlers } from '../../electron/core/api';
import { writeSampleProject } from '../../electron/core/sample';
import { Session } from '../../electron/core/session';
import { tempDir } from './temp';

/**
 * A session with a fresh copy of the sample project open, its dispatcher (as the transports call it), and `call`,
 * which answers a method's result or throws `CODE: message`.
 */
export function sampleSession() {
  const dir = tempDir();
  const file = path.join(dir, 'sample.comparanda');
  writeSampleProject(file);
  const session = new Session(path.join(dir, 'user-data'));
  session.open(file);
  const dispatch = createDispatcher(createHandlers(session, 'http'));
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = (await dispatch(method, input)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.result;
  };
  return { dir, session, dispatch, call };
}
