import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CaseDocument } from '../../../app/domain';
import type { TextExportFormat } from '../../../app/interchange/encode';
import type { ImportFormat, InterchangeGraph } from '../../../app/interchange/graph';
import { createCaseFile } from '../../../db/caseFile';
import { exportCaseDocument } from '../../../db/exportCase';
import { tempFolder } from '../../../db/testing/tempCase';
import { exportCaseToFile } from '../exportService';
import { ImportSessions } from '../importService';
import { parseFileInWorker } from '../parseHost';

/**
 * The public files in ../shared/fixtures (see its README), each with what the tool that wrote it
 * shows: how many entities and links, and a few items as that tool draws them. Shared by
 * fixtures.test.ts, which checks them, and scripts/fixture-report.ts, which prints the table.
 *
 * The expected counts are not our importer's output. Each is the count of the file's own items
 * (`countInFile`, a plain count of elements or JSON objects that shares no code with the codecs)
 * less what is deliberately left out, named with its reason in `leftOut`.
 */

export const FIXTURES_DIR = '../shared/fixtures';

/** One entity as the writing tool shows it. */
export interface EntitySample {
  label: string;
  aliases?: string[];
  /** Chart coordinates: y grows downwards (Gephi's y, which grows upwards, is negated). */
  position?: { x: number; y: number };
  color?: string | null;
  type?: string;
  id?: string;
}

/** One link as the writing tool shows it, by its ends' labels. */
export interface LinkSample {
  source: string;
  target: string;
  directed: boolean;
  label?: string | null;
}

export interface FixtureCase {
  format: string;
  writtenBy: string;
  /** What the file holds, counted by `countInFile`: the kind of item and how. */
  counted: string;
  /** Items of the file the import leaves out on purpose, and why (reported under "skipped"). */
  leftOut?: { entities?: number; links?: number; reason: string; /** Listed in the import report's "left out" (a report object is not: it becomes a source). */ listed: boolean };
  /** What the tool shows: entities and links, with how that is known; or the refusal expected. */
  expected: { entities: number; links: number; how: string } | { refused: RegExp; how: string };
  entities?: EntitySample[];
  links?: LinkSample[];
  /** The format the imported case is exported to and read back from; null with a reason when there is none. */
  roundTrip: { format: TextExportFormat; note?: string } | { format: null; reason: string };
}

/** Every fixture, by its path under ../shared/fixtures. */
export const FIXTURE_CASES: Record<string, FixtureCase> = {
  'gephi/les-miserables-gephi-0.8.gexf': {
    format: 'GEXF 1.3',
    writtenBy: 'Gephi 0.8.1 (<creator>)',
    counted: '<node> and <edge> elements',
    expected: { entities: 77, links: 254, how: 'Gephi shows 77 nodes and 254 edges (README: Les Misérables, 77 characters, 254 co-appearances)' },
    entities: [
      // viz:position x="-102.81979" y="-185.35468", viz:color 91,91,245. Gephi draws y upwards,
      // the chart downwards: y is negated, so what Gephi shows above another node stays above it.
      { label: 'Myriel', position: { x: -102.81979, y: 185.35468 }, color: '#5b5bf5' },
      { label: 'Valjean', position: { x: 76.07767, y: -121.14779 }, color: '#f55b5b' },
    ],
    links: [{ source: 'MlleBaptistine', target: 'Myriel', directed: false }],
    roundTrip: { format: 'gexf' },
  },
  'gexf/basic.gexf': {
    format: 'GEXF 1.2',
    writtenBy: 'graphology test file (<author> Yomguithereal)',
    counted: '<node> and <edge> elements',
    expected: { entities: 2, links: 2, how: '2 <node>, 2 <edge>: John → Suzy (directed, "Fine edge") and John – Suzy (type="undirected")' },
    entities: [
      // viz:color r=234 g=34 b=12 (a=0.6 kept as opacity), viz:position x=12 y=35.
      { label: 'Suzy, Ghost', position: { x: 12, y: -35 }, color: '#ea220c' },
      { label: 'John, Appleseed', position: { x: 45, y: 0 }, color: '#cccccc' },
    ],
    links: [
      { source: 'John, Appleseed', target: 'Suzy, Ghost', directed: true, label: 'Fine edge' },
      { source: 'John, Appleseed', target: 'Suzy, Ghost', directed: false, label: null },
    ],
    roundTrip: { format: 'gexf' },
  },
  'gexf/les_miserables.gexf': {
    format: 'GEXF 1.1',
    writtenBy: 'ofNodesAndEdges.com (<Creator>)',
    counted: '<node> and <edge> elements',
    expected: { entities: 77, links: 254, how: 'nodes count="77"; 254 <edge>; README known answer 77/254' },
    entities: [{ label: 'Myriel', position: { x: 268.72385, y: -91.18155 }, color: '#d8482d' }],
    roundTrip: { format: 'gexf' },
  },
  'gexf/minimal.gexf': {
    format: 'GEXF 1.2',
    writtenBy: 'gexf.net "hello world" example',
    counted: '<node> and <edge> elements',
    expected: { entities: 2, links: 1, how: 'Hello → Word, one directed edge' },
    entities: [{ label: 'Hello' }, { label: 'Word' }],
    links: [{ source: 'Hello', target: 'Word', directed: true }],
    roundTrip: { format: 'gexf' },
  },
  'gexf/v1_3.gexf': {
    format: 'GEXF 1.3',
    writtenBy: 'graphology test file (GEXF 1.3, hex colours)',
    counted: '<node> and <edge> elements',
    expected: { entities: 2, links: 1, how: '2 <node>, 1 <edge> of kind "likes"' },
    entities: [
      { label: 'Suzy', color: '#ff00ff' },
      { label: 'John', color: '#ee00cc' },
    ],
    // GEXF 1.3's default edge type is undirected (no defaultedgetype on <graph>).
    links: [{ source: 'John', target: 'Suzy', directed: false }],
    roundTrip: { format: 'gexf' },
  },
  'graphml/attributes.graphml': {
    format: 'GraphML',
    writtenBy: 'GraphML primer example (graphdrawing.org)',
    counted: '<node> and <edge> elements',
    expected: { entities: 6, links: 7, how: 'the GraphML primer’s attribute example: 6 nodes, 7 edges' },
    // No label key: tools show the node id. "color" is a data value ("green"), not a drawn colour.
    entities: [{ label: 'n0', color: null }],
    links: [{ source: 'n0', target: 'n2', directed: false }],
    roundTrip: { format: 'graphml' },
  },
  'graphml/basic.graphml': {
    format: 'GraphML',
    writtenBy: 'GraphML primer example (graphdrawing.org)',
    counted: '<node> and <edge> elements',
    expected: { entities: 11, links: 12, how: 'the GraphML primer’s first example: 11 nodes, 12 undirected edges' },
    entities: [{ label: 'n10' }],
    links: [{ source: 'n8', target: 'n10', directed: false }],
    roundTrip: { format: 'graphml' },
  },
  'graphml/miserables.graphml': {
    format: 'GraphML',
    writtenBy: 'Gephi (its GraphML exporter’s keys: label, r, g, b, x, y, size)',
    counted: '<node> and <edge> elements',
    expected: { entities: 77, links: 254, how: 'README known answer: 77 nodes, 254 edges' },
    entities: [
      // Gephi's GraphML exporter writes a node's y as Gephi draws it, upwards, as in GEXF: negated here.
      { label: 'Valjean', position: { x: -87.93029, y: -6.8120565 }, color: '#f55b5b' },
      { label: 'Myriel', position: { x: -266.82776, y: 299.6904 }, color: '#5b5bf5' },
    ],
    roundTrip: { format: 'graphml' },
  },
  'graphml/multigraph.graphml': {
    format: 'GraphML',
    writtenBy: 'graphology test file (parallel edges)',
    counted: '<node> and <edge> elements',
    expected: { entities: 6, links: 9, how: '6 <node>, 9 <edge>, two pairs of them parallel (n2–n4, n5–n4)' },
    links: [
      { source: 'n2', target: 'n4', directed: false },
      { source: 'n5', target: 'n4', directed: false },
    ],
    roundTrip: { format: 'graphml' },
  },
  'yed/yfiles-2.7.graphml': {
    format: 'GraphML (yFiles)',
    writtenBy: 'yFiles for Java 2.7 (header comment)',
    counted: '<node> and <edge> elements',
    expected: { entities: 3, links: 1, how: 'yEd shows 3 nodes labelled 1, 2, 3 and one edge 1 → 2 (arrow at the target)' },
    entities: [
      // y:Geometry x=125 y=100 w=30 h=30: yEd's y grows downwards; our position is the centre.
      { label: '1', position: { x: 140, y: 115 }, color: '#ffcc00' },
      { label: '3', position: { x: 990, y: 306 }, color: '#e8eef7' },
    ],
    links: [{ source: '1', target: '2', directed: true }],
    roundTrip: { format: 'graphml' },
  },
  'misp/clusters_threat-actor.json': {
    format: 'MISP galaxy clusters',
    writtenBy: 'MISP misp-galaxy (commit 9434ace4)',
    counted: 'values; their related entries',
    leftOut: { links: 324, reason: '324 relations point at clusters of other galaxies, not in this file: listed as left out', listed: true },
    expected: { entities: 1041, links: 108, how: 'MISP lists 1,041 clusters with 1,403 synonyms; 108 of their 432 relations point at a cluster of this file' },
    entities: [
      { label: 'APT1', aliases: ['COMMENT PANDA', 'PLA Unit 61398', 'Comment Crew', 'Byzantine Candor', 'Group 3', 'TG-8223', 'Comment Group', 'Brown Fox', 'GIF89a', 'ShadyRAT', 'G0006'] },
      // The one UUIDv7 in the file keeps its id.
      { label: 'STAC5143', id: '019514dc-c894-751f-8cfd-ff2b932ff451' },
    ],
    roundTrip: { format: 'misp-event', note: 'no galaxy-cluster export: MISP event JSON, the format MISP instances exchange' },
  },
  'misp/galaxy_terrorist-groups.json': {
    format: 'MISP galaxy definition',
    writtenBy: 'MISP misp-galaxy',
    counted: 'a galaxy definition holds no clusters',
    expected: { refused: /galaxy definition .*not a galaxy cluster file: it holds no values to import/, how: 'a galaxy’s name and icon; its clusters are another file' },
    roundTrip: { format: null, reason: 'refused' },
  },
  'misp/schema_clusters.json': {
    format: 'JSON Schema',
    writtenBy: 'MISP misp-galaxy',
    counted: 'a JSON schema holds no clusters',
    expected: { refused: /This is a JSON schema, not a MISP galaxy cluster file/, how: 'the validator of cluster files, not data' },
    roundTrip: { format: null, reason: 'refused' },
  },
  'opencti/bundle_with_internal_ids.json': {
    format: 'STIX 2.1',
    writtenBy: 'OpenCTI (its test data)',
    counted: 'STIX domain objects; relationship objects',
    leftOut: { links: 1, reason: 'OpenCTI shows its part-of link by resolving its own internal ids; without created and modified, and with refs that are not STIX ids, it is not STIX 2.1: left out and listed, the other objects imported', listed: true },
    // OpenCTI itself shows a fourth item, the part-of link malware 01 → malware 02: it resolves its
    // own internal ids (x_opencti_id, the extension's id) in source_ref and created_by_ref. Without
    // created and modified, and with refs that are not STIX ids, the object is not STIX 2.1.
    expected: { entities: 3, links: 0, how: 'OpenCTI shows JRI, malware 01, malware 02 and the part-of link between the two malware (by its internal ids)' },
    entities: [
      { label: 'JRI', type: 'organisation' },
      { label: 'malware 01', type: 'malware' },
    ],
    roundTrip: { format: 'stix' },
  },
  'opencti/sectors-stix20.json': {
    format: 'STIX 2.0',
    writtenBy: 'OpenCTI (its test data)',
    counted: 'STIX domain objects; relationship objects',
    expected: { entities: 72, links: 49, how: '72 identities (sectors and organisations), 49 relationships; OpenCTI shows x_opencti_aliases as aliases' },
    entities: [
      { label: "Agence Nationale de la Sécurité des Systèmes d'Information", aliases: ['ANSSI'] },
      { label: 'Agriculture and agribusiness', aliases: ['Agriculture', 'Agribusiness'] },
    ],
    roundTrip: { format: 'stix' },
  },
  'stix21/apt1.json': {
    format: 'STIX 2.1',
    writtenBy: 'OASIS cti-stix2-json-schemas example',
    counted: 'STIX domain objects; relationship objects',
    leftOut: { entities: 1, reason: 'the report becomes a source citing what it refers to, not an entity', listed: false },
    expected: { entities: 45, links: 30, how: '76 objects: 45 domain objects (intrusion set, 5 threat actors, 4 identities, 10 tools, 6 malware, 7 attack patterns, 12 indicators), 30 relationships, 1 report' },
    entities: [{ label: 'APT1', aliases: ['Comment Crew', 'Comment Group', 'Shady Rat'], type: 'group' }],
    roundTrip: { format: 'stix' },
  },
  'stix21/indicator-to-campaign-relationship.json': {
    format: 'STIX 2.1',
    writtenBy: 'OASIS cti-stix2-json-schemas example',
    counted: 'STIX domain objects; relationship objects',
    expected: { entities: 2, links: 1, how: 'an indicator that indicates a campaign' },
    entities: [{ label: 'Operation Omega', type: 'event' }],
    links: [{ source: 'test_name', target: 'Operation Omega', directed: true }],
    roundTrip: { format: 'stix' },
  },
  'stix21/interop-objectmarking-test.json': {
    format: 'STIX 2.1',
    writtenBy: 'OASIS cti-stix2-json-schemas example',
    counted: 'STIX domain objects; relationship objects',
    expected: { entities: 1, links: 0, how: 'one bare campaign object (not a bundle)' },
    entities: [{ label: 'Spear Phishing', type: 'event' }],
    roundTrip: { format: 'stix' },
  },
  'stix21/mitre-attack-2.0-intrusion-set.json': {
    format: 'STIX 2.0',
    writtenBy: 'MITRE ATT&CK (mitre/cti)',
    counted: 'STIX domain objects; relationship objects',
    expected: { entities: 1, links: 0, how: 'ATT&CK shows G0006 APT1 with its associated groups' },
    entities: [{ label: 'APT1', aliases: ['Comment Crew', 'Comment Group', 'Comment Panda'] }],
    roundTrip: { format: 'stix' },
  },
  'stix21/poisonivy.json': {
    format: 'STIX 2.1',
    writtenBy: 'OASIS cti-stix2-json-schemas example',
    counted: 'STIX domain objects; relationship objects',
    leftOut: { entities: 1, reason: 'the report becomes a source citing what it refers to, not an entity', listed: false },
    expected: { entities: 64, links: 90, how: '155 objects: 64 domain objects (25 malware, 25 indicators, 6 vulnerabilities, 3 campaigns, 3 attack patterns, a course of action, an identity), 90 relationships, 1 report' },
    entities: [{ label: 'menuPass', type: 'event' }],
    roundTrip: { format: 'stix' },
  },
};

/** The files of the fixtures folder, as paths relative to it (README.md excepted). */
export function listFixtureFiles(dir = FIXTURES_DIR): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.filter((p) => p !== 'README.md');
}

const STIX_NOT_ENTITIES = new Set(['relationship', 'sighting', 'bundle', 'marking-definition', 'language-content', 'extension-definition']);

/**
 * What the file itself holds, counted without our codecs: XML elements by a plain scan, STIX
 * objects and MISP values from the parsed JSON. Null for a file that holds no graph.
 */
export function countInFile(path: string): { entities: number; links: number } | null {
  const text = readFileSync(path, 'utf8');
  if (/\.(graphml|gexf)$/.test(path)) {
    const body = text.replace(/<!--[\s\S]*?-->/g, '');
    return { entities: (body.match(/<node[\s/>]/g) ?? []).length, links: (body.match(/<edge[\s/>]/g) ?? []).length };
  }
  const json = JSON.parse(text) as Record<string, unknown>;
  if (Array.isArray(json.values)) {
    const values = json.values as { related?: unknown[] }[];
    return { entities: values.length, links: values.flatMap((v) => v.related ?? []).length };
  }
  if (json.type === 'bundle' || typeof json.spec_version === 'string' || (typeof json.id === 'string' && json.id.includes('--'))) {
    const objects = (json.type === 'bundle' ? (json.objects as { type: string }[]) : [json as { type: string }]) ?? [];
    return { entities: objects.filter((o) => !STIX_NOT_ENTITIES.has(o.type)).length, links: objects.filter((o) => o.type === 'relationship').length };
  }
  return null;
}

export interface FixtureRun {
  /** The parse the import worker returned (the app's and the CLI's path), or its refusal. */
  graph: InterchangeGraph | null;
  refusal: string | null;
  /** The case after the import was committed, as exported. */
  doc: CaseDocument | null;
  skipped: number;
  /** The case exported to the round-trip format, read back by the worker. */
  back: InterchangeGraph | null;
  /** The exported file read back, as a case (imported into a second, empty case). */
  backDoc: CaseDocument | null;
  format: ImportFormat | null;
}

/**
 * Runs one fixture as the app does: the import worker parses it, the preview plans it, the commit
 * writes it into an empty case; then the case is exported (File › Export) and the export is read
 * back through the worker and imported into another empty case.
 */
export async function runFixture(name: string, fixture: FixtureCase, dir = FIXTURES_DIR): Promise<FixtureRun> {
  const tmp = tempFolder('awb-fixture-');
  const last: { graph: InterchangeGraph | null } = { graph: null };
  // The app's parse (the import worker), keeping what it returned for the checks.
  const sessions = new ImportSessions(async (path, options) => {
    const result = await parseFileInWorker(path, options);
    last.graph = result.graph;
    return result;
  });
  const store = createCaseFile(tmp.file('case.awcase'), { name });
  try {
    let previewId: string;
    let format: ImportFormat;
    try {
      const preview = await sessions.preview(store, join(dir, name));
      previewId = preview.previewId;
      format = preview.file.format;
    } catch (error) {
      return { graph: null, refusal: (error as Error).message, doc: null, skipped: 0, back: null, backDoc: null, format: null };
    }
    const graph = last.graph as InterchangeGraph;
    const report = sessions.commit(store, previewId);
    const doc = exportCaseDocument(store.db);
    if (fixture.roundTrip.format === null) return { graph, refusal: null, doc, skipped: report.leftOut.length, back: null, backDoc: null, format };
    const exported = tmp.file(`export.${fixture.roundTrip.format === 'graphml' || fixture.roundTrip.format === 'gexf' ? fixture.roundTrip.format : 'json'}`);
    exportCaseToFile(store.db, fixture.roundTrip.format, exported);
    const again = createCaseFile(tmp.file('again.awcase'), { name: `${name} again` });
    try {
      const preview = await sessions.preview(again, exported);
      const back = last.graph as InterchangeGraph;
      sessions.commit(again, preview.previewId);
      return { graph, refusal: null, doc, skipped: report.leftOut.length, back, backDoc: exportCaseDocument(again.db), format };
    } finally {
      again.close();
    }
  } finally {
    store.close();
    tmp.cleanup();
  }
}

const entityLabels = (doc: CaseDocument) => doc.entities.map((e) => e.label).sort();
const linkLines = (doc: CaseDocument) => {
  const label = new Map(doc.entities.map((e) => [e.id, e.label]));
  return doc.links.map((l) => `${label.get(l.sourceId) ?? '?'} ${l.directed ? '->' : '--'} ${label.get(l.targetId) ?? '?'}`).sort();
};
const aliasLines = (doc: CaseDocument) =>
  doc.entities
    .filter((e) => e.aliases.length > 0)
    .map((e) => `${e.label}: ${[...e.aliases].sort().join('|')}`)
    .sort();

/** Each entity's position on the chart, by label (to a millionth: the formats write decimals). */
const positionLines = (doc: CaseDocument) => {
  const at = new Map((doc.charts[0]?.positions ?? []).map((p) => [p.entityId, p]));
  return doc.entities
    .map((e) => {
      const p = at.get(e.id);
      return `${e.label}: ${p ? `${p.x.toFixed(6)}, ${p.y.toFixed(6)}` : 'none'}`;
    })
    .sort();
};

/**
 * The case read back from its export, less what the format adds by design: a MISP event comes
 * back as an entity of its own (MISP's event, named after the case) linked to each thing it holds.
 */
export function readBackCase(run: FixtureRun, format: TextExportFormat): CaseDocument {
  const back = run.backDoc as CaseDocument;
  if (format !== 'misp-event') return back;
  const caseName = (run.doc as CaseDocument).name;
  const events = new Set(back.entities.filter((e) => e.type === 'event' && e.label === caseName && e.attributes.misp_event_uuid !== undefined).map((e) => e.id));
  return { ...back, entities: back.entities.filter((e) => !events.has(e.id)), links: back.links.filter((l) => !events.has(l.sourceId) && !events.has(l.targetId)) };
}

/** How the case read back from its export differs from the imported case: counts, labels, links (by their ends' labels and direction), aliases; positions and colours where the format carries them. */
export function roundTripDifferences(run: FixtureRun, format: TextExportFormat): string[] {
  const doc = run.doc as CaseDocument;
  const back = readBackCase(run, format);
  const differences: string[] = [];
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (back.entities.length !== doc.entities.length) differences.push(`${back.entities.length} entities, not ${doc.entities.length}`);
  if (back.links.length !== doc.links.length) differences.push(`${back.links.length} links, not ${doc.links.length}`);
  if (!same(entityLabels(back), entityLabels(doc))) differences.push('other entity labels');
  if (!same(linkLines(back), linkLines(doc))) differences.push('other links');
  if (!same(aliasLines(back), aliasLines(doc))) differences.push('other aliases');
  if (format === 'graphml' || format === 'gexf') {
    const moved = positionLines(doc).filter((line, i) => line !== positionLines(back)[i]);
    if (moved.length > 0) differences.push(`${moved.length} other positions (${moved[0] ?? ''})`);
    const colours = (d: CaseDocument) => d.entities.map((e) => `${e.label}: ${e.color ?? 'none'}`).sort();
    if (!same(colours(back), colours(doc))) differences.push('other colours');
  }
  return differences;
}
