import path from 'node:path';
import type { ApiInput, ApiOutput, JobDto } from '../../electron/contract/api';
import type { Envelope } from '../../electron/contract/errors';
import type { Method } from '../../electron/contract/methods';
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

/**
 * A session on `file` (in a user-data folder beside it), the project opened through the API as the window opens it:
 * `ok` answers a method's result (typed) or throws its message; `until` polls a job until `done` says so (by default,
 * until it has ended).
 */
export async function sessionOn(file: string, passphrase?: string) {
  const session = new Session(path.join(path.dirname(file), 'user-data'));
  const dispatch = createDispatcher(createHandlers(session, 'http'), () => undefined);
  const ok = async <M extends Method>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const answer = await dispatch(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.result as ApiOutput<M>;
  };
  const until = async (job: JobDto, done: (j: JobDto) => boolean = (j) => j.state !== 'running'): Promise<JobDto> => {
    let current = job;
    while (!done(current)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      current = await ok('jobs.get', { id: job.id });
    }
    return current;
  };
  await ok('project.open', { path: file, ...(passphrase === undefined ? {} : { passphrase }) });
  return { session, dispatch, ok, until };
}
