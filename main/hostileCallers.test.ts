import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, type ChannelName } from '../app/contract';
import type { Result } from '../app/result';
import { exportCaseDocument } from '../db/exportCase';
import { createSampleCase } from '../db/samples';
import { testSeed } from '../db/testing/random';
import { tempFolder } from '../db/testing/tempCase';
import { CaseSession } from './caseSession';
import { dispatch, type Handlers } from './dispatch';
import { createHandlers } from './handlers';
import { RecentCases } from './recentCases';

/**
 * Hostile callers: arbitrary payloads sent to every IPC channel through the dispatcher, over a
 * real JNIM case. Every answer is a Result: `invalid_input`, a valid answer, or a documented
 * refusal (not_found, cancelled); never `internal`, never a throw. After every refused call the
 * case is unchanged: no row written (the connection's change counter), no byte added to the log,
 * and the whole content, hashed table by table, compared every HASH_EVERY calls and at the end.
 *
 * Valid inputs that name a file path (case.new, case.open, import, export) are left out of the
 * random stream: they are real requests to create, read or write files wherever they point.
 * Unusable case paths get their own test below.
 */

const RUNS_PER_ARBITRARY = Number(process.env.AWB_HOSTILE_RUNS) || 100;
const HASH_EVERY = 100;
const seed = testSeed();

let tmp: ReturnType<typeof tempFolder>;
let casePath: string;
let session: CaseSession;
let handlers: Handlers;
let internalErrors: unknown[];
let tried = 0;
let refused = 0;
let answered = 0;
let contentHash = '';
const ALLOWED_REFUSALS = new Set(['invalid_input', 'not_found', 'cancelled']);
let prototypeKeysBefore: string[];

function hashContent(): string {
  const { exportedAt: _exportedAt, ...content } = exportCaseDocument(session.requireStore().db);
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function totalChanges(): number {
  return session.requireStore().db.prepare('SELECT total_changes()').pluck().get() as number;
}

function logBytes(): string {
  const wal = `${casePath}-wal`;
  return existsSync(wal) ? createHash('sha256').update(readFileSync(wal)).digest('hex') : 'none';
}

/**
 * A valid input that names a file (case.new, case.open, an import or export path): a real request
 * to create, read or write that file, not random garbage, so it is kept out of the random stream.
 */
function isPathRequest(channel: ChannelName, payload: unknown): boolean {
  const parsed = channels[channel].input.safeParse(payload);
  if (!parsed.success || typeof parsed.data !== 'object' || parsed.data === null) return false;
  return (parsed.data as { path?: unknown }).path !== undefined;
}

/** Names a hostile channel for a failure message without converting it (a null-prototype object cannot be). */
function nameOf(channel: unknown): string {
  return typeof channel === 'string' ? channel.slice(0, 60) : `(a ${channel === null ? 'null' : typeof channel})`;
}

async function send(channel: unknown, payload: unknown): Promise<Result<unknown>> {
  const changesBefore = totalChanges();
  const logBefore = logBytes();
  let result: Result<unknown>;
  try {
    result = await dispatch(handlers, channel, payload, (_channel, error) => internalErrors.push(error));
  } catch (error) {
    throw new Error(`dispatch threw for ${nameOf(channel)}: ${String(error)}`);
  }
  tried += 1;
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    answered += 1;
    // Whatever main answers must cross IPC: Electron's structured clone.
    expect(() => structuredClone(result.value)).not.toThrow();
    if (session.current()?.path !== casePath) {
      // Valid, and it closed the case or opened another: back to the JNIM case for the next payload.
      session.open(casePath);
      contentHash = hashContent();
    } else if (totalChanges() !== changesBefore) {
      // A valid write (a layout save, a new channel's edit): the case may change, and did.
      contentHash = hashContent();
    }
  } else {
    refused += 1;
    expect(ALLOWED_REFUSALS, `${nameOf(channel)} answered ${result.error.code}: ${result.error.message}`).toContain(result.error.code);
    expect(totalChanges()).toBe(changesBefore);
    expect(logBytes()).toBe(logBefore);
  }
  if (tried % HASH_EVERY === 0) expect(hashContent()).toBe(contentHash);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Payloads.

const anything = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withUnicodeString: true,
});

const HUGE = 'A'.repeat(5_000_000);
const deep = (depth: number): unknown => {
  let value: unknown = { id: 'bottom' };
  for (let i = 0; i < depth; i++) value = i % 2 ? { id: value } : [value];
  return value;
};

/** Values that break naive code: wrong types, edge numbers, prototype keys, huge and deep. */
const nasty = fc.oneof(
  anything,
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    -0,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 53 + 1,
    '',
    ' ',
    '\u0000',
    '../../../etc/passwd',
    'C:\\Windows\\System32',
    '%2e%2e%2f',
    HUGE,
    deep(5000),
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
    Object.create(null) as unknown,
    [],
    [[]],
    new Array(10_000).fill(0),
  ),
  fc.string({ maxLength: 300 }),
  fc.double(),
  fc.integer(),
);

const positionLike = fc.record(
  { entityId: fc.oneof(nasty, fc.constantFrom('missing-entity', 'x')), x: fc.oneof(nasty, fc.double()), y: fc.oneof(nasty, fc.double()) },
  { requiredKeys: [] },
);

/** Almost-right payloads: each channel's own keys with hostile or valid-looking values, and extra keys. */
function shaped(channel: ChannelName): fc.Arbitrary<unknown> {
  const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'path', 'id', 'then'), nasty, {
    maxKeys: 2,
  });
  const withExtra = <T extends object>(base: fc.Arbitrary<T>) =>
    fc.tuple(base, extra, fc.boolean()).map(([value, more, add]) => (add ? { ...more, ...value } : value));
  switch (channel) {
    case 'chart.savePositions':
      return withExtra(
        fc.record(
          { chartId: fc.oneof(nasty, fc.constantFrom('missing-chart')), positions: fc.oneof(nasty, fc.array(positionLike, { maxLength: 20 })) },
          { requiredKeys: [] },
        ),
      );
    case 'chart.saveViewport':
      return withExtra(
        fc.record(
          {
            chartId: fc.oneof(nasty, fc.constantFrom('missing-chart')),
            viewport: fc.oneof(nasty, fc.record({ zoom: nasty, panX: nasty, panY: nasty }, { requiredKeys: [] })),
          },
          { requiredKeys: [] },
        ),
      );
    case 'entity.get':
    case 'link.get':
    case 'source.get':
      return withExtra(fc.record({ id: fc.oneof(nasty, fc.string({ minLength: 1, maxLength: 40 })) }, { requiredKeys: [] }));
    case 'case.new':
    case 'case.open':
      // Neither takes a path: a page that names one (or forges a recent id) is refused.
      return withExtra(
        fc.record({ path: fc.oneof(nasty, fc.constantFrom(casePath, tmp.dir, '/etc/passwd')), recentId: fc.oneof(nasty, fc.stringMatching(/^[0-9a-f]{16}$/)) }, { requiredKeys: [] }),
      );
    default:
      return fc.oneof(fc.constant(undefined), fc.constant({}), extra, nasty);
  }
}

// ---------------------------------------------------------------------------------------------

beforeAll(() => {
  tmp = tempFolder('awb-hostile-');
  casePath = tmp.file('JNIM.awcase');
  createSampleCase(casePath, 'jnim');
  session = new CaseSession();
  session.open(casePath);
  internalErrors = [];
  handlers = createHandlers({
    session,
    dialogs: { chooseNewCasePath: () => Promise.resolve(null), chooseCaseToOpen: () => Promise.resolve(null) },
    recent: new RecentCases(tmp.file('recent.json')),
    emit: () => undefined,
    // The analyst cancels every native dialog main shows: a hostile page cannot get past them.
    app: { versions: { app: 'test' }, restoreBackup: () => Promise.resolve(null), showMenu: () => undefined },
  });
  contentHash = hashContent();
  prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
});

afterAll(() => {
  session.close();
  tmp.cleanup();
});

describe('hostile callers', () => {
  for (const channel of CHANNEL_NAMES) {
    it(`${channel}: arbitrary and almost-right payloads get invalid_input or a valid answer (seed ${seed})`, async () => {
      const before = tried;
      for (const [name, arbitrary] of [
        ['anything', anything],
        ['shaped', shaped(channel)],
      ] as const) {
        await fc.assert(
          fc.asyncProperty(
            arbitrary.filter((payload) => !isPathRequest(channel, payload)),
            async (payload) => {
              await send(channel, payload);
            },
          ),
          { numRuns: RUNS_PER_ARBITRARY, seed, endOnFailure: true, verbose: 0, examples: [] },
        ).catch((error: unknown) => {
          throw new Error(`${channel} (${name} payloads): ${(error as Error).message}`);
        });
      }
      expect(internalErrors).toEqual([]);
      expect(tried - before).toBeGreaterThanOrEqual(RUNS_PER_ARBITRARY * 2);
    }, 120_000);
  }

  it('unknown and hostile channel names are refused as invalid_input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anything, fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'case.current ')), anything, async (channel, payload) => {
        if ((CHANNEL_NAMES as readonly unknown[]).includes(channel)) return;
        const result = await send(channel, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }),
      { numRuns: RUNS_PER_ARBITRARY, seed },
    );
  });

  it('refuses every path the page names to case.open and case.new, touching no file', async () => {
    const paths = [
      casePath,
      tmp.file('missing.awcase'),
      tmp.dir,
      tmp.file('with\u0000nul.awcase'),
      tmp.file(`${'long'.repeat(100)}.awcase`),
      tmp.file('no-such-folder/new.awcase'),
      '/etc/passwd',
    ];
    const bytes = createHash('sha256').update(readFileSync(casePath)).digest('hex');
    const logBefore = logBytes();
    const filesBefore = readdirSync(tmp.dir).sort();
    for (const channel of ['case.open', 'case.new'] as const) {
      for (const path of paths) {
        const result = await dispatch(handlers, channel, { path }, (_c, error) => internalErrors.push(error));
        tried += 1;
        refused += 1;
        expect(result, `${channel} ${path.slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
      // A forged recent id names nothing main knows.
      const forged = await dispatch(handlers, channel, { recentId: 'ffffffffffffffff' }, (_c, error) => internalErrors.push(error));
      expect(forged.ok).toBe(false);
    }
    expect(internalErrors).toEqual([]);
    expect(readdirSync(tmp.dir).sort()).toEqual(filesBefore);
    expect(session.current()?.path).toBe(casePath);
    expect(hashContent()).toBe(contentHash);
    expect(createHash('sha256').update(readFileSync(casePath)).digest('hex')).toBe(bytes);
    expect(logBytes()).toBe(logBefore);
  });

  it('leaves no prototype polluted and the case whole', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(hashContent()).toBe(contentHash);
    expect(session.requireStore().db.pragma('integrity_check', { simple: true })).toBe('ok');
    console.info(
      `hostile callers: ${tried} payloads tried on ${CHANNEL_NAMES.length} channels and unknown names (seed ${seed}): ` +
        `${refused} refused (invalid_input, not_found, cancelled, or a refused path), ${answered} valid answers, 0 internal errors, 0 throws, ` +
        'case unchanged by every refused call.',
    );
  });
});
