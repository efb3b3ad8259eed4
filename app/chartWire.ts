import type { ChannelName } from './channelNames';
import type { ChartData } from './contract';
import type { Result } from './result';

/**
 * The wire form of `chart.load`'s reply: the same ChartData, packed by column so a large chart
 * crosses from main to the renderer as a fraction of the bytes and of the objects.
 *
 * As records, a 20,000-node chart is 27 MB of JSON (most of it the same keys, nulls, empty
 * attributes and timestamps on every link); Electron's IPC clones every one of its ~400,000
 * values, and the renderer parses them before it can draw. Packed, each field is one column: a
 * constant when every row has the same value, a dictionary and indexes when few values repeat
 * (types, timestamps, strengths), indexes into the entity list for link ends and keyed maps, and
 * the plain values otherwise. `unpackChartData(packChartData(x))` is `x` again, every key and
 * value (chartWire.test.ts checks it over random charts); each row gets its own objects.
 *
 * Transports pack with `toWire` after `dispatch` (Electron's IPC handler, the e2e harness, the
 * render bench) and `buildWorkbenchApi` unpacks with `fromWire`, so every caller of the API sees
 * plain ChartData. A reply that is not packed passes through `fromWire` unchanged.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One column: a constant, a dictionary and indexes, indexes into a reference list, or the values. */
type Column =
  | { c: Json }
  | { d: Json[]; i: number[] }
  | { r: number[] }
  | { v: Json[] };

/** Rows of records, by column; `x[k]` lists the rows that lack key `keys[k]` (rare: optional fields). */
interface Table {
  n: number;
  keys: string[];
  cols: Column[];
  x?: Record<number, number[]>;
}

/** A Record<string, V> as two columns: its keys (often indexes into the chart's ids) and its values. */
interface KeyedTable {
  keys: Column;
  values: Column;
}

export interface PackedChartData {
  wire: 'chart/1';
  chartId: string;
  entities: Table;
  links: Table;
  evidence: KeyedTable;
  positions: Table;
  viewport: ChartData['viewport'];
  linkStrengths: KeyedTable;
  noteCounts: KeyedTable;
  annotations: ChartData['annotations'];
  version: number;
}

/** A dictionary is worth it while it is this small beside the rows (indexes are short; values may not be). */
const dictionaryLimit = (rows: number) => Math.max(16, Math.floor(rows / 3));

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Sets an own property, "__proto__" included (an id or attribute name may be any text). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** An object value's dictionary key: its JSON, without serialising the empty ones most rows have. */
function objectKey(value: object): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : JSON.stringify(value);
  for (const _ in value) return JSON.stringify(value);
  return Object.getPrototypeOf(value) === Object.prototype ? '{}' : JSON.stringify(value);
}

function packColumn(values: readonly unknown[], refs?: ReadonlyMap<string, number>): Column {
  if (refs) {
    const indexes: number[] = new Array<number>(values.length);
    let all = true;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const index = typeof value === 'string' ? refs.get(value) : undefined;
      if (index === undefined) {
        all = false;
        break;
      }
      indexes[i] = index;
    }
    if (all && values.length > 0) return { r: indexes };
  }
  // Primitives are told apart by the Map itself (1 and '1' differ); objects by their JSON.
  const primitive = new Map<unknown, number>();
  const structured = new Map<string, number>();
  const dictionary: Json[] = [];
  const indexes: number[] = new Array<number>(values.length);
  const limit = dictionaryLimit(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const key = isObject(value) ? objectKey(value) : value;
    const seen = isObject(value) ? structured : primitive;
    let index = seen.get(key);
    if (index === undefined) {
      if (dictionary.length >= limit) return { v: values.map((v) => (v === undefined ? null : (v as Json))) };
      index = dictionary.length;
      seen.set(key, index);
      dictionary.push(value === undefined ? null : (value as Json));
    }
    indexes[i] = index;
  }
  if (dictionary.length === 1) return { c: dictionary[0]! };
  return { d: dictionary, i: indexes };
}

/** Row i's value of a column; objects are parsed anew for each row, so no two rows share one. */
function columnReader(column: Column, refList: readonly string[] | undefined): (i: number) => unknown {
  const fresh = (value: Json): (() => unknown) => {
    if (!isObject(value)) return () => value;
    const json = JSON.stringify(value);
    if (json === '{}') return () => ({});
    if (json === '[]') return () => [];
    return () => JSON.parse(json) as unknown;
  };
  if ('c' in column) {
    const make = fresh(column.c);
    return () => make();
  }
  const damaged = () => new Error('A packed chart column is damaged: it refers past its list.');
  if ('d' in column) {
    const makers = column.d.map(fresh);
    const indexes = column.i;
    return (i) => {
      const make = makers[indexes[i]!];
      if (make === undefined) throw damaged();
      return make();
    };
  }
  if ('r' in column) {
    if (!refList) throw new Error('A packed chart column refers to a list it was not given.');
    const indexes = column.r;
    return (i) => {
      const value = refList[indexes[i]!];
      if (value === undefined) throw damaged();
      return value;
    };
  }
  const values = column.v;
  return (i) => {
    const value = values[i] as Json;
    return isObject(value) ? (JSON.parse(JSON.stringify(value)) as unknown) : value;
  };
}

function packTable<T extends object>(rows: readonly T[], refs: Partial<Record<string, ReadonlyMap<string, number>>> = {}): Table {
  const keys: string[] = [];
  const known = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (known.has(key)) continue;
      known.add(key);
      keys.push(key);
    }
  }
  const absent: Record<number, number[]> = {};
  const cols = keys.map((key, k) => {
    const values = rows.map((row, i) => {
      if (!Object.prototype.hasOwnProperty.call(row, key)) (absent[k] ??= []).push(i);
      return (row as Record<string, unknown>)[key];
    });
    return packColumn(values, refs[key]);
  });
  return Object.keys(absent).length > 0 ? { n: rows.length, keys, cols, x: absent } : { n: rows.length, keys, cols };
}

function unpackTable<T>(table: Table, refs: Partial<Record<string, readonly string[]>> = {}): T[] {
  const readers = table.cols.map((column, k) => columnReader(column, refs[table.keys[k]!]));
  const absent = table.keys.map((_, k) => new Set(table.x?.[k] ?? []));
  const rows: T[] = new Array<T>(table.n);
  for (let i = 0; i < table.n; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < table.keys.length; k++) {
      if (absent[k]!.size > 0 && absent[k]!.has(i)) continue;
      setOwn(row, table.keys[k]!, readers[k]!(i));
    }
    rows[i] = row as T;
  }
  return rows;
}

function packKeyed(record: Readonly<Record<string, unknown>>, ids: ReadonlyMap<string, number>): KeyedTable {
  const keys = Object.keys(record);
  return { keys: packColumn(keys, ids), values: packColumn(keys.map((key) => record[key])) };
}

function unpackKeyed<V>(table: KeyedTable, ids: readonly string[]): Record<string, V> {
  // Keys are distinct, so a constant key column is a record of one key.
  const keys = table.keys;
  const count = 'r' in keys ? keys.r.length : 'v' in keys ? keys.v.length : 'd' in keys ? keys.i.length : 1;
  const key = columnReader(keys, ids);
  const value = columnReader(table.values, undefined);
  const out: Record<string, V> = {};
  for (let i = 0; i < count; i++) setOwn(out, key(i) as string, value(i));
  return out;
}

const indexOf = (ids: readonly string[]) => new Map(ids.map((id, i) => [id, i] as const));

export function packChartData(data: ChartData): PackedChartData {
  const entityIds = data.entities.map((e) => e.id);
  const itemIds = [...entityIds, ...data.links.map((l) => l.id)];
  const entityIndex = indexOf(entityIds);
  const itemIndex = indexOf(itemIds);
  return {
    wire: 'chart/1',
    chartId: data.chartId,
    entities: packTable(data.entities),
    links: packTable(data.links, { sourceId: entityIndex, targetId: entityIndex }),
    evidence: packKeyed(data.evidence, itemIndex),
    positions: packTable(data.positions, { entityId: entityIndex }),
    viewport: data.viewport,
    linkStrengths: packKeyed(data.linkStrengths, itemIndex),
    noteCounts: packKeyed(data.noteCounts, itemIndex),
    annotations: data.annotations,
    version: data.version,
  };
}

export function isPackedChartData(value: unknown): value is PackedChartData {
  return isObject(value) && (value as { wire?: unknown }).wire === 'chart/1';
}

export function unpackChartData(packed: PackedChartData): ChartData {
  const entities = unpackTable<ChartData['entities'][number]>(packed.entities);
  const entityIds = entities.map((e) => e.id);
  const links = unpackTable<ChartData['links'][number]>(packed.links, { sourceId: entityIds, targetId: entityIds });
  const itemIds = [...entityIds, ...links.map((l) => l.id)];
  return {
    chartId: packed.chartId,
    entities,
    links,
    evidence: unpackKeyed(packed.evidence, itemIds),
    positions: unpackTable(packed.positions, { entityId: entityIds }),
    viewport: packed.viewport,
    linkStrengths: unpackKeyed(packed.linkStrengths, itemIds),
    noteCounts: unpackKeyed(packed.noteCounts, itemIds),
    annotations: packed.annotations,
    version: packed.version,
  };
}

/** Channels whose successful replies cross packed. */
const PACKED_CHANNELS: ReadonlySet<string> = new Set<ChannelName>(['chart.load']);

/** A transport's reply for `channel` (main side): chart.load's ChartData packed, anything else as it is. */
export function toWire(channel: unknown, result: Result<unknown>): Result<unknown> {
  if (typeof channel !== 'string' || !PACKED_CHANNELS.has(channel) || !result.ok) return result;
  return { ok: true, value: packChartData(result.value as ChartData) };
}

/** What the renderer's API returns for a transport's reply: a packed chart unpacked, anything else as it is. */
export function fromWire(channel: string, reply: unknown): unknown {
  if (!PACKED_CHANNELS.has(channel) || !isObject(reply)) return reply;
  const result = reply as { ok?: unknown; value?: unknown };
  if (result.ok !== true || !isPackedChartData(result.value)) return reply;
  return { ok: true, value: unpackChartData(result.value) };
}
