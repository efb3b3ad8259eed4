import { tempFolder } from '../../db/testing/tempCase';
import { CaseSession } from '../caseSession';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { RecentCases } from '../recentCases';

export type Call = (channel: string, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

/** The real handlers over a fresh session and temp folder, called through the IPC dispatcher (tests only). */
export function handlerHarness() {
  const tmp = tempFolder();
  const session = new CaseSession();
  const handlers = createHandlers({
    session,
    dialogs: { chooseNewCasePath: () => Promise.resolve(null), chooseCaseToOpen: () => Promise.resolve(null) },
    recent: new RecentCases(tmp.file('recent.json')),
    emit: () => undefined,
  });
  const call: Call = (channel, input) => dispatch(handlers, channel, input, () => undefined);
  return {
    tmp,
    session,
    call,
    close: () => {
      session.close();
      tmp.cleanup();
    },
  };
}
