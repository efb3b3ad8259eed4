import { channels, isChannelName, type ChannelName, type ChannelOutput, type ChannelParsedInput } from '../app/contract';
import { toWire } from '../app/chartWire';
import { WorkbenchFailure, type Result, type ValidationIssue } from '../app/result';
import { describeErrorForLog, storageFailure } from './errorReport';

/** One function per channel: the code that runs in main for each contract entry. */
export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export type ErrorLogger = (channel: string, error: unknown) => void;

/**
 * Runs one call from the renderer: validates the input against the contract, runs the handler and
 * returns a Result. Never throws: Electron would keep only the message of a thrown error.
 * Used by the Electron IPC registration and by the e2e harness alike.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  logError: ErrorLogger = defaultLogger,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    // Never String() a hostile value: an object without a prototype throws on conversion.
    const named = typeof channel === 'string' ? channel.slice(0, 100) : `(a ${channel === null ? 'null' : typeof channel})`;
    return { ok: false, error: { code: 'invalid_input', message: `Unknown channel: ${named}` } };
  }
  let parsed: ReturnType<(typeof channels)[typeof channel]['input']['safeParse']>;
  try {
    parsed = channels[channel].input.safeParse(rawInput);
  } catch {
    // Zod reports what it can check; input it cannot even walk (absurdly deep) is refused the same way.
    return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${channel}: it could not be read.` } };
  }
  if (!parsed.success) {
    const issues: ValidationIssue[] = parsed.error.issues.map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: issue.message,
    }));
    const first = issues[0];
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
    return {
      ok: false,
      error: { code: 'invalid_input', message: `Invalid input for ${channel}${where}: ${first?.message ?? 'rejected'}`, issues },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    const failure = error instanceof WorkbenchFailure ? error : storageFailure(error);
    // A raw constraint error means a handler let through input it should have refused: log it.
    if (failure && !(error instanceof WorkbenchFailure) && failure.code === 'conflict') logError(channel, error);
    if (failure) {
      return {
        ok: false,
        error: { code: failure.code, message: failure.message, ...(failure.issues ? { issues: failure.issues } : {}) },
      };
    }
    logError(channel, error);
    return { ok: false, error: { code: 'internal', message: `Something went wrong in ${channel}; the details are in the log.` } };
  }
}

/**
 * `dispatch` as a transport sends its reply: chart.load's chart packed (app/chartWire.ts; the
 * renderer's api.ts unpacks it). Every transport calls this one: Electron's IPC handler, the e2e
 * harness and the render bench.
 */
export async function dispatchToWire(handlers: Handlers, channel: unknown, rawInput: unknown, logError: ErrorLogger = defaultLogger): Promise<Result<unknown>> {
  return toWire(channel, await dispatch(handlers, channel, rawInput, logError));
}

/** The log line carries the error's kind and where it was thrown, never the input or case content (errorReport.ts). */
function defaultLogger(channel: string, error: unknown): void {
  console.error(`[workbench] ${channel} failed: ${describeErrorForLog(error)}`);
}
