import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName } from './channelNames';
import type {
  CaseInfo,
  CitationWithSource,
  Entity,
  Link,
  NodePosition,
  Note,
  Source,
  Viewport,
} from './domain';

/**
 * The one contract between the renderer and main. Every channel is listed here once with its
 * input schema; main's handlers, the preload bridge, the renderer's client and the e2e harness
 * are all derived from this list.
 */

export { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName };

const id = z.string().min(1).max(200);
const finite = z.number().finite();

const viewportSchema = z.object({ zoom: finite.positive(), panX: finite, panY: finite }).strict();
const positionSchema = z.object({ entityId: id, x: finite, y: finite }).strict();
const optionalPath = z.object({ path: z.string().min(1).max(4096).optional() }).strict();
const empty = z.undefined().or(z.object({}).strict());

/** Everything the chart needs to draw a case. */
export interface ChartData {
  chartId: string;
  entities: Entity[];
  links: Link[];
  /** Citation count and best Admiralty grade per entity or link id, for styling and the inspector list. */
  evidence: Record<string, { citations: number; bestGrade: string | null }>;
  positions: NodePosition[];
  viewport: Viewport | null;
}

export interface EntityDetail {
  entity: Entity;
  citations: CitationWithSource[];
  notes: Note[];
  links: Link[];
}

export interface LinkDetail {
  link: Link;
  source: Entity;
  target: Entity;
  citations: CitationWithSource[];
  notes: Note[];
}

export interface RecentCase {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: the output type, carried for the typed client. */
  output: O;
  doc: string;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I, doc: string): ChannelSpec<I, O> => ({
    input,
    output: undefined as unknown as O,
    doc,
  });
}

export const channels = {
  'case.current': channel<CaseInfo | null>()(empty, 'The case open in this window, or null.'),
  'case.recent': channel<RecentCase[]>()(empty, 'Recently opened case files, newest first.'),
  'case.new': channel<CaseInfo>()(
    optionalPath,
    'Create an empty case file and open it; without a path, ask with a save dialog.',
  ),
  'case.open': channel<CaseInfo>()(optionalPath, 'Open a case file; without a path, ask with an open dialog.'),
  'case.close': channel<null>()(empty, 'Close the open case.'),
  'chart.load': channel<ChartData>()(empty, 'Entities, links, evidence summary, positions and viewport of the case chart.'),
  'chart.savePositions': channel<{ saved: number }>()(
    z.object({ chartId: id, positions: z.array(positionSchema).max(1_000_000) }).strict(),
    'Store node positions in one transaction (after a drag or a layout stops).',
  ),
  'chart.saveViewport': channel<null>()(
    z.object({ chartId: id, viewport: viewportSchema }).strict(),
    'Store the pan and zoom of a chart.',
  ),
  'entity.get': channel<EntityDetail>()(z.object({ id }).strict(), 'An entity with its citations, notes and links.'),
  'link.get': channel<LinkDetail>()(z.object({ id }).strict(), 'A link with its ends, citations and notes.'),
  'source.get': channel<Source>()(z.object({ id }).strict(), 'A source with its document text.'),
  // `satisfies` makes a channel missing from, or extra to, app/channelNames.ts a compile error.
} as const satisfies Record<ChannelName, ChannelSpec<z.ZodType, unknown>>;

export type Channels = typeof channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = Channels[C]['output'];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channels, value);
}

export interface EventPayloads {
  /** The open case changed (opened, created, closed): the renderer reloads. */
  'case.changed': CaseInfo | null;
  /** A native menu item asks the renderer to run a command from its registry. */
  'command.run': { commandId: string };
}
