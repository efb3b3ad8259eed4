import { tempFolder } from '../../db/testing/tempCase';
import { CaseSession } from '../caseSession';
import { dispatch } from '../dispatch';
import { createHandlers, type CaseDialogs } from '../handlers';
import { RecentCases } from '../recentCases';

export type Call = (channel: string, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

/**
 * Native dialogs that give the answers a test queued, in order, then "cancelled": how a path
 * reaches `case.open` and `case.new` (the renderer cannot name one).
 */
export function scriptedDialogs(): { dialogs: CaseDialogs; answer: (...paths: (string | null)[]) => void } {
  const answers: (string | null)[] = [];
  const next = () => Promise.resolve(answers.shift() ?? null);
  return { dialogs: { chooseNewCasePath: next, chooseCaseToOpen: next }, answer: (...paths) => answers.push(...paths) };
}

/** The real handlers over a fresh session and temp folder, called through the IPC dispatcher (tests only). */
export function handlerHarness() {
  const tmp = tempFolder();
  const session = new CaseSession();
  const scripted = scriptedDialogs();
  const handlers = createHandlers({
    session,
    dialogs: scripted.dialogs,
    recent: new RecentCases(tmp.file('recent.json')),
    emit: () => undefined,
  });
  const call: Call = (channel, input) => dispatch(handlers, channel, input, () => undefined);
  return {
    tmp,
    session,
    call,
    /** Opens the case at `path` as the analyst would: File › Open, choosing it in the dialog. */
    openCase: (path: string) => {
      scripted.answer(path);
      return call('case.open', {});
    },
    close: () => {
      session.close();
      tmp.cleanup();
    },
  };
}
