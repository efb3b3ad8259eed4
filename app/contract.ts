import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName } from './channelNames';
import * as editing from './editing/schemas';
import type {
  CaseEdit,
  DeletePreview,
  HistoryState,
  LinkStrengthDetail,
  MergeResult,
  NoteListItem,
  SearchHit,
  SourceSummary,
} from './editing/types';
import type { GradedCitation } from './analysis/grades';
import { chartScaleInputs, type ChartAddResult, type ExpandPreview, type OffChartLinks } from './chart/chartScale';
import { layoutNameSchema, viewFiltersSchema, type SavedView } from './views';
import { RELIABILITY_GRADES } from './domain';
import { MENU_BARS } from './menuModel';
import { settingsPatchSchema, type Settings, type SettingsSnapshot } from './settings';
import { TLP_LABELS } from './export/marking';
import { csvMappingSchema } from './interchange/csvMapping';
import { EXPORT_FORMATS, IMPORT_FORMATS } from './interchange/graph';
import type { ImportPreview, ImportReport } from './interchange/plan';
import type { CitedSource } from './export/footnote';
import { chartImageInputs, type RasterExportStarted, type SavedImage } from './export/imageChannels';
import type {
  Annotation,
  CaseInfo,
  CitationWithSource,
  Entity,
  Link,
  LinkStrength,
  MergeRecord,
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
const markingSchema = z.union([
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().max(300) }).strict(),
  z.object({ kind: z.literal('tlp'), label: z.enum(TLP_LABELS) }).strict(),
]);
const menuModelItem = z
  .object({
    commandId: z.string().min(1).max(200),
    label: z.string().min(1).max(200),
    shortcut: z.string().min(1).max(40).optional(),
    enabled: z.boolean(),
    checked: z.boolean().optional(),
    place: z.object({ bar: z.enum(MENU_BARS), section: z.number().int().min(0).max(99), submenu: z.string().min(1).max(100).optional() }).strict(),
  })
  .strict();
/** A recent-list entry's id (main derives it from the path; the renderer only hands it back). */
const recentCaseId = z.string().regex(/^[0-9a-f]{16}$/);
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
  /** What each link is drawn as (solid, dashed, dotted): set by hand, or derived from its citations. */
  linkStrengths: Record<string, LinkStrength>;
  /** Notes per entity or link id, for the note-count badge (items without notes are left out). */
  noteCounts: Record<string, number>;
  /** The chart's text callouts. */
  annotations: Annotation[];
  /** The latest `case.edited` announcement this data includes: later ones apply on top of it. */
  version: number;
}

/**
 * What a chart looks like, without what it holds: each entity's place, type, own colour and label,
 * and the links between them as pairs of indexes into those lists. Main answers it in a fraction
 * of `chart.load`'s time (no evidence, notes, attributes or ids), so a large chart's first frame
 * (the preview, renderer/chart/glPreview.ts) is drawn while the chart itself is still read.
 */
export interface ChartSketch {
  chartId: string;
  viewport: Viewport | null;
  x: number[];
  y: number[];
  /** Index into `types`. */
  type: number[];
  types: string[];
  /** The entity's own colour, else null (its type's). */
  color: (string | null)[];
  label: string[];
  /** Links on the chart: source and target indexes, a pair each. */
  links: number[];
}

/**
 * The chart's rows for some ids, each computed as `chart.load` computes it: what the renderer asks
 * for after a `case.edited` delta. An id asked for and absent from the answer is gone.
 */
export interface CaseRows {
  chartId: string;
  entities: Entity[];
  links: Link[];
  /** Entities and links asked for that have citations (absent: none). */
  evidence: Record<string, { citations: number; bestGrade: string | null }>;
  /** Every link returned. */
  linkStrengths: Record<string, LinkStrength>;
  /** Entities and links asked for that have notes (absent: none). */
  noteCounts: Record<string, number>;
  /** Entities asked for that have a stored position on the chart. */
  positions: NodePosition[];
  /** Callouts asked for that are still on the chart. */
  annotations: Annotation[];
}

const idList = z.array(id).max(1_000_000);

/** An entity named as the other end of a link: enough to show and select it. */
export interface LinkEnd {
  id: string;
  label: string;
  type: string;
}

export interface EntityDetail {
  entity: Entity;
  citations: CitationWithSource[];
  notes: Note[];
  links: Link[];
  /** The entities at the other ends of its links, read from the case: the chart may hold few of them. */
  linkEnds: LinkEnd[];
  /** Merges this entity took part in (as survivor or absorbed), oldest first. */
  merges: MergeRecord[];
}

export interface LinkDetail {
  link: Link;
  source: Entity;
  target: Entity;
  citations: CitationWithSource[];
  notes: Note[];
  strength: LinkStrengthDetail;
}

/** What deleting a source takes with it, for the confirmation: its citations and what they are on. */
export interface SourceDeletePreview {
  source: { id: string; title: string };
  /** Citations that quote the source: deleted with it. */
  citations: number;
  /** Distinct entities and links those citations are on: they stay, without that evidence. */
  entities: number;
  links: number;
}

/** What undo and redo did (null: there was nothing to undo or redo) and the history after. */
export interface HistoryStep {
  edit: CaseEdit | null;
  history: HistoryState;
}

/** Help › About: what this build is made of. Null where a part is not there (Electron in the test harness). */
export interface AboutInfo {
  app: string;
  electron: string | null;
  chromium: string | null;
  node: string;
  sqlite: string;
  /** The case-file schema version this build writes (`user_version`). */
  caseFormat: number;
}

export interface RecentCase {
  /** How the renderer names this entry to `case.open`: it never hands main a path. */
  id: string;
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

/** What `interchange.export` wrote: one file, or two for CSV (entities and links tables). */
export interface ExportResult {
  paths: string[];
  entities: number;
  links: number;
}

const filePath = z.string().min(1).max(4096);
const entityDecision = z.union([
  z.object({ action: z.literal('create') }).strict(),
  z.object({ action: z.literal('skip') }).strict(),
  z.object({ action: z.literal('merge'), into: id }).strict(),
]);

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
  'case.new': channel<CaseInfo>()(empty, 'Create an empty case file where the analyst chooses in a save dialog, and open it.'),
  'case.open': channel<CaseInfo>()(
    z.object({ recentId: recentCaseId.optional() }).strict(),
    'Open a case from the recent list (by its id), or the one the analyst chooses in an open dialog.',
  ),
  'case.close': channel<null>()(empty, 'Close the open case.'),
  'case.restoreBackup': channel<CaseInfo | null>()(
    empty,
    'Choose a backup of the open case in an open dialog, confirm, and put it in the case\'s place (null: cancelled).',
  ),
  'case.setMarking': channel<CaseInfo>()(
    z.object({ marking: markingSchema }).strict(),
    'Set the case\'s handling marking (free text, or a TLP 2.0 label; none removes it), shown in the window\'s banners.',
  ),
  'app.about': channel<AboutInfo>()(empty, 'Versions of the app, Electron, Chromium, Node and SQLite, and the case format this build writes.'),
  'menu.update': channel<null>()(
    z.object({ items: z.array(menuModelItem).max(500) }).strict(),
    'The menu bar as the command registry describes it now (labels, shortcuts, enablement); main shows it natively.',
  ),
  'settings.get': channel<SettingsSnapshot>()(
    empty,
    "The app's settings (theme, panel layout) from main's settings file, and once why a file that could not be read was set aside.",
  ),
  'settings.update': channel<Settings>()(settingsPatchSchema, 'Change some settings; main writes the settings file whole before answering.'),
  'chart.load': channel<ChartData>()(empty, 'The entities on the case chart (not every entity of the case), the links between them, evidence summary, positions and viewport.'),
  'chart.sketch': channel<ChartSketch | null>()(
    empty,
    "The case chart's entities' places, types, colours and labels and its links as index pairs, to draw while chart.load is read; null when an entity has no place yet.",
  ),
  'case.rows': channel<CaseRows>()(
    z.object({ chartId: id, entityIds: idList, linkIds: idList, positionIds: idList, annotationIds: idList }).strict(),
    'The chart rows (entities, links, evidence, strengths, note counts, positions, callouts) for the ids a case.edited delta names.',
  ),
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
  // Editing. Every mutation below is one undoable step, saved when it returns, announced by `case.edited`.
  'entity.create': channel<Entity>()(editing.entityCreateInput, 'Create an entity (optionally placed on a chart at x, y).'),
  'entity.update': channel<Entity>()(editing.entityUpdateInput, 'Change any fields of an entity, aliases included (the list given replaces them).'),
  'entity.addAlias': channel<Entity>()(editing.entityAliasInput, 'Give an entity one more alias (no change if it already has that name).'),
  'entity.removeAlias': channel<Entity>()(editing.entityAliasInput, 'Remove one alias of an entity (matched ignoring case).'),
  'entity.setLocation': channel<Entity>()(
    editing.entitySetLocationInput,
    'Set where an entity is (coordinates or a place entity, with precision and supporting citation), or remove it (null).',
  ),
  'entity.deletePreview': channel<DeletePreview>()(
    editing.entityIdsInput,
    'What deleting these entities would take with it (links, citations, notes, callouts), with a sentence for the confirmation; writes nothing.',
  ),
  'entity.delete': channel<DeletePreview>()(editing.entityIdsInput, 'Delete entities with their links, citations, notes and callouts; returns what went.'),
  'entity.bulkUpdate': channel<{ updated: number }>()(editing.entityBulkUpdateInput, 'Set the type and/or colour (null: the type’s colour) of many entities.'),
  'entity.merge': channel<MergeResult>()(
    editing.entityMergeInput,
    'Merge one entity into another, keeping every alias, link, citation, note and callout of both, and record the merge.',
  ),
  'entity.merges': channel<MergeRecord[]>()(editing.mergesInput, 'Merge records, oldest first: all of them, or those of one entity.'),
  'link.create': channel<Link>()(editing.linkCreateInput, 'Draw a link between two different entities.'),
  'link.update': channel<Link>()(editing.linkUpdateInput, 'Change a link’s fields, ends or hand-set strength (null: derived from its citations).'),
  'link.deletePreview': channel<DeletePreview>()(editing.linkIdsInput, 'What deleting these links would take with it (citations, notes); writes nothing.'),
  'link.delete': channel<DeletePreview>()(editing.linkIdsInput, 'Delete links with their citations and notes; returns what went.'),
  'source.list': channel<SourceSummary[]>()(empty, 'Every source without its document text, with how many citations quote it.'),
  'source.create': channel<Source>()(editing.sourceCreateInput, 'Add a source graded A-F, with its document text when the analyst has it.'),
  'source.update': channel<Source>()(
    editing.sourceUpdateInput,
    'Change a source; a new document text must keep every quoted passage (locators are recomputed).',
  ),
  'source.deletePreview': channel<SourceDeletePreview>()(
    editing.idInput,
    'What deleting a source would take with it: the citations that quote it and the entities and links they are on; writes nothing.',
  ),
  'source.delete': channel<null>()(
    editing.sourceDeleteInput,
    'Delete a source; one that citations quote is refused (conflict) unless withCitations deletes them with it, in the same step.',
  ),
  'citation.create': channel<CitationWithSource>()(
    editing.citationCreateInput,
    'Cite a source on an entity or link: the quote must stand in the source text (stored verbatim with its locator).',
  ),
  'citation.update': channel<CitationWithSource>()(
    editing.citationUpdateInput,
    'Regrade a citation (credibility 1-6), change its comment or its locator.',
  ),
  'citation.delete': channel<null>()(editing.idInput, 'Delete a citation (its source stays).'),
  'note.list': channel<NoteListItem[]>()(editing.noteListInput, 'Notes for the notes panel, newest first: all, or one item’s, filtered by text.'),
  'note.create': channel<Note>()(editing.noteCreateInput, 'Add a Markdown note (up to 2 MB, kept verbatim) on the case, an entity or a link.'),
  'note.update': channel<Note>()(editing.noteUpdateInput, 'Change a note’s text, author or credibility.'),
  'note.delete': channel<null>()(editing.idInput, 'Delete a note.'),
  'annotation.list': channel<Annotation[]>()(editing.annotationListInput, 'The text callouts of a chart (the case chart by default).'),
  'annotation.create': channel<Annotation>()(
    editing.annotationCreateInput,
    'Place a text callout on a chart; tied to an entity, x and y are its offset from the entity’s node.',
  ),
  'annotation.update': channel<Annotation>()(editing.annotationUpdateInput, 'Move a callout, change its text, or tie or untie it.'),
  'annotation.delete': channel<null>()(editing.idInput, 'Delete a callout.'),
  'chart.moveNodes': channel<{ moved: number }>()(
    editing.moveNodesInput,
    'Move nodes as one undoable step (a drag, or a layout the analyst ran); chart.savePositions stays for placements that are not edits.',
  ),
  'history.state': channel<HistoryState>()(empty, 'Whether Undo and Redo can run, their labels, and the latest steps.'),
  'history.undo': channel<HistoryStep>()(empty, 'Undo the latest step (conflict, changing nothing, if the case has moved on outside the history).'),
  'history.redo': channel<HistoryStep>()(empty, 'Redo the latest undone step.'),
  'history.clear': channel<HistoryState>()(empty, 'Forget every undo and redo step (deleted text kept for undo leaves the file).'),
  'search.query': channel<SearchHit[]>()(
    editing.searchInput,
    'Full-text search over labels, aliases, descriptions, attributes, notes, citation quotes and callouts, best first, with snippets.',
  ),
  'interchange.preview': channel<ImportPreview>()(
    z
      .object({ path: filePath.optional(), format: z.enum([...IMPORT_FORMATS, 'auto']).optional(), csvMapping: csvMappingSchema.optional(), taskId: id.optional() })
      .strict(),
    'Read a file in the import worker and say what importing it would create, merge and skip, and why; nothing is written. Without a path, ask with an open dialog. With a taskId, task.cancel stops the reading (error "cancelled").',
  ),
  'interchange.import': channel<ImportReport>()(
    z
      .object({
        previewId: id,
        decisions: z.record(z.string().min(1).max(1000), entityDecision).optional(),
        fileReliability: z.enum(RELIABILITY_GRADES).optional(),
      })
      .strict(),
    'Commit a preview in one transaction (all or nothing), with the analyst’s create/merge/skip choices; announced by case.edited.',
  ),
  'interchange.cancel': channel<null>()(z.object({ previewId: id }).strict(), 'Forget a preview that will not be committed.'),
  'task.cancel': channel<{ cancelled: boolean }>()(
    z.object({ taskId: id }).strict(),
    'Stop long work in main that the renderer started with this taskId (reading an import file); false when it has already ended. What was stopped wrote nothing.',
  ),
  'interchange.export': channel<ExportResult>()(
    z
      .object({
        format: z.enum(EXPORT_FORMATS),
        path: filePath.optional(),
        stixRelationships: z.enum(['strict', 'custom']).optional(),
        /** CSV: a UTF-8 byte order mark first, for Excel. */
        csvBom: z.boolean().optional(),
        /** Without a save dialog: replace the CSV export's -entities.csv / -links.csv files when they exist. */
        overwrite: z.boolean().optional(),
      })
      .strict(),
    'Write the whole case as STIX 2.1, GraphML, GEXF, CSV, an Excel workbook, i2 ANX or JSON. Without a path, ask with a save dialog; CSV asks before replacing its two tables.',
  ),
  'analysis.evidence': channel<GradedCitation[]>()(
    empty,
    'Every citation’s Admiralty grade and what it supports: the evidence input of link analysis (grade filters, evidence weights).',
  ),
  'chart.pinned': channel<string[]>()(z.object({ chartId: id }).strict(), 'Entity ids pinned on a chart: layouts leave them where they are.'),
  'chart.setPinned': channel<{ written: number }>()(
    z.object({ chartId: id, nodes: z.array(positionSchema).min(1).max(1_000_000), pinned: z.boolean() }).strict(),
    'Pin (or unpin) nodes where they stand, in one transaction.',
  ),
  'view.list': channel<SavedView[]>()(z.object({ chartId: id }).strict(), 'The saved views of a chart (filters, layout, viewport), by name.'),
  'view.save': channel<SavedView>()(
    z
      .object({
        chartId: id,
        name: z.string().trim().min(1).max(200),
        filters: viewFiltersSchema,
        layout: layoutNameSchema.nullable(),
        viewport: viewportSchema.nullable(),
      })
      .strict(),
    'Save the chart’s filters, layout and viewport under a name (replacing a view of that name).',
  ),
  'view.delete': channel<null>()(z.object({ id }).strict(), 'Delete a saved view.'),
  'image.sources': channel<CitedSource[]>()(chartImageInputs.sources, 'The sources cited by these entities and links: the footnote of a chart image.'),
  'image.saveVector': channel<SavedImage>()(
    chartImageInputs.saveVector,
    'Ask where to save, then write a chart image scene as SVG or PDF (atomically).',
  ),
  'image.begin': channel<RasterExportStarted>()(
    chartImageInputs.begin,
    'Start a PNG or JPEG export: refuse a size that cannot be made, ask where to save, open the file and return the tile plan.',
  ),
  'image.tile': channel<{ received: number; total: number }>()(chartImageInputs.tile, 'The next tile of a raster export (deflated RGBA pixels), in plan order.'),
  'image.finish': channel<SavedImage>()(chartImageInputs.job, 'Finish a raster export: encode the end of the image and rename it into place.'),
  'image.cancel': channel<null>()(chartImageInputs.job, 'Stop a raster export and delete its temporary file.'),
  // The chart as a view onto the case (app/chart/chartScale.ts): what is on it, and what adding would bring.
  'chart.expandPreview': channel<ExpandPreview>()(
    chartScaleInputs.expandPreview,
    'How many entities (by type) expanding these entities by N hops would add to the chart, and whether that passes the size that asks first; writes nothing.',
  ),
  'chart.expand': channel<ChartAddResult>()(
    chartScaleInputs.expand,
    'Add the neighbours of these entities (N hops, some types, the top N by degree) to the chart, placed around them: one undoable step.',
  ),
  'chart.addPreview': channel<ExpandPreview>()(chartScaleInputs.addPreview, 'How many of these entities (by type) are not on the chart yet; writes nothing.'),
  'chart.addEntities': channel<ChartAddResult>()(
    chartScaleInputs.addEntities,
    'Put entities of the case on the chart (search results), optionally only the top N by degree: one undoable step.',
  ),
  'chart.removeEntities': channel<{ removed: number }>()(
    chartScaleInputs.removeEntities,
    'Take entities off the chart, leaving them in the case: one undoable step.',
  ),
  'chart.offChartLinks': channel<OffChartLinks>()(chartScaleInputs.offChartLinks, 'How many links of an entity lead to entities not on the chart.'),
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
  /**
   * The open case changed (a command, undo, redo, import, placement or restored backup): what was
   * created, updated and deleted, by kind and id, numbered; the renderer asks `case.rows` for them.
   */
  'case.edited': CaseEdit;
  /** A native menu item asks the renderer to run a command from its registry. */
  'command.run': { commandId: string };
  /** Something main did that the analyst should read (e.g. only one of several dropped files was opened). */
  'app.notice': { text: string };
  /** A file was dropped on the window to import: main answers the import's file question with it. */
  'import.dropped': { fileName: string };
}
