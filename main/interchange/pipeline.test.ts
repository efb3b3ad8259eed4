import { truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyGraph, FILE_SOURCE_KEY, type InterchangeGraph } from '../../app/interchange/graph';
import { createCaseFile, openCaseFile, type CaseStore } from '../../db/caseFile';
import { listCitations } from '../../db/citations';
import { insertEntity, listEntities } from '../../db/entities';
import { commitImport } from '../../db/importCase';
import { listSources } from '../../db/sources';
import { tempFolder } from '../../db/testing/tempCase';
import { ImportSessions } from './importService';
import { ImportParseError, parseFileInChildProcess, parseFileInWorker } from './parseHost';
import { caseContentHash } from './testing/caseHash';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

const FIXTURES = '../shared/fixtures';
let tmp: ReturnType<typeof tempFolder>;
let store: CaseStore;
let casePath: string;

beforeAll(() => {
  useBuiltInterchangeWorker();
});
beforeEach(() => {
  tmp = tempFolder('awb-import-');
  casePath = tmp.file('case.awcase');
  store = createCaseFile(casePath, { name: 'Import test' });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function graphmlWith(nodes: string[], edges: [number, number][] = []): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
${nodes.map((label, i) => `    <node id="n${i}"><data key="label">${label}</data></node>`).join('\n')}
${edges.map(([a, b], i) => `    <edge id="e${i}" source="n${a}" target="n${b}"/>`).join('\n')}
  </graph>
</graphml>`;
}

describe('import pipeline: worker parse → preview → commit', () => {
  it('imports Les Misérables from GraphML with the file recorded as the source of what it created', async () => {
    const sessions = new ImportSessions();
    const preview = await sessions.preview(store, `${FIXTURES}/graphml/miserables.graphml`);
    expect(preview.file.format).toBe('graphml');
    expect(preview.plan.counts.entities.create).toBe(77);
    expect(preview.plan.counts.links.create).toBe(254);
    expect(listEntities(store.db)).toHaveLength(0);

    const report = sessions.commit(store, preview.previewId);
    expect(report.created.entities).toBe(77);
    expect(report.created.links).toBe(254);
    const sha = createHash('sha256').update(readFileSync(`${FIXTURES}/graphml/miserables.graphml`)).digest('hex');
    const file = listSources(store.db).find((s) => s.id === report.fileSourceId);
    expect(file).toMatchObject({ title: 'miserables.graphml', reference: `sha256:${sha}`, reliability: 'F', publisher: 'GraphML' });
    const citations = listCitations(store.db).filter((c) => c.sourceId === report.fileSourceId);
    expect(citations).toHaveLength(77 + 254);
    const valjean = listEntities(store.db).find((e) => e.label === 'Valjean');
    expect(valjean?.color).toBe('#f55b5b');
    expect(valjean?.attributes).toMatchObject({ 'Modularity Class': 1 });
    expect(citations.find((c) => c.target.kind === 'entity' && c.target.id === valjean?.id)?.locator).toMatch(/^node 11, line \d+$/);
    // The preview cannot be committed twice.
    expect(() => sessions.commit(store, preview.previewId)).toThrow(/no longer available/);
  });

  it('offers an entity whose name is a transliteration of an existing one for merge, and keeps both provenances', async () => {
    const existing = insertEntity(store.db, { type: 'armed_group', label: 'Ansar al-Din', aliases: ['AAD'] });
    const path = tmp.file('incoming.graphml');
    writeFileSync(path, graphmlWith(['Ansar Dine', 'Iyad ag Ghaly'], [[1, 0]]));
    const sessions = new ImportSessions();
    const preview = await sessions.preview(store, path);
    const ansar = preview.plan.entities.find((e) => e.label === 'Ansar Dine');
    expect(ansar).toMatchObject({ action: 'merge', into: { id: existing.id, label: 'Ansar al-Din' } });
    expect(ansar?.reason).toMatch(/Ansar al-Din/);
    const report = sessions.commit(store, preview.previewId);
    expect(report.merged.entities).toBe(1);
    expect(report.created.entities).toBe(1);
    const merged = listEntities(store.db).find((e) => e.id === existing.id);
    expect(merged?.aliases).toEqual(['AAD', 'Ansar Dine']);
    const cited = listCitations(store.db).filter((c) => c.target.kind === 'entity' && c.target.id === existing.id);
    expect(cited.map((c) => c.quote)).toEqual(['Ansar Dine']);
  });

  it('lets the analyst override a proposed merge', async () => {
    insertEntity(store.db, { type: 'other', label: 'Valjean' });
    const sessions = new ImportSessions();
    const preview = await sessions.preview(store, `${FIXTURES}/graphml/miserables.graphml`);
    const valjean = preview.plan.entities.find((e) => e.label === 'Valjean');
    expect(valjean?.action).toBe('merge');
    const report = sessions.commit(store, preview.previewId, { decisions: { [valjean?.key ?? '']: { action: 'create' } } });
    expect(report.created.entities).toBe(77);
    expect(listEntities(store.db).filter((e) => e.label === 'Valjean')).toHaveLength(2);
  });

  it('says when the same file was imported before and reuses its source', async () => {
    const sessions = new ImportSessions();
    const first = sessions.commit(store, (await sessions.preview(store, `${FIXTURES}/graphml/basic.graphml`)).previewId);
    const again = await sessions.preview(store, `${FIXTURES}/graphml/basic.graphml`);
    expect(again.plan.alreadyImported?.sourceId).toBe(first.fileSourceId);
    expect(again.plan.warnings.join(' ')).toMatch(/imported before/);
    expect(again.plan.counts.entities.merge).toBe(11);
    const second = sessions.commit(store, again.previewId);
    expect(second.fileSourceId).toBe(first.fileSourceId);
    expect(listEntities(store.db)).toHaveLength(11);
  });

  it('writes nothing when any part of a commit fails (one transaction)', () => {
    insertEntity(store.db, { type: 'person', label: 'Already here' });
    store.close();
    const before = caseContentHash(casePath);
    store = openCaseFile(casePath);
    const graph: InterchangeGraph = emptyGraph('graphml');
    graph.entities.push({ key: 'a', type: 'person', label: 'A', aliases: [], description: null, startDate: null, endDate: null, attributes: {}, locator: 'node a' });
    // Credibility 9 breaks the store's CHECK constraint after the entity and the file source are written.
    graph.citations.push({ sourceKey: FILE_SOURCE_KEY, target: { kind: 'entity', key: 'a' }, quote: 'A', locator: null, credibility: 9 as 1, comment: null });
    expect(() => commitImport(store.db, graph, { name: 'bad.graphml', sha256: 'x', bytes: 1 })).toThrow();
    store.close();
    expect(caseContentHash(casePath)).toBe(before);
    store = openCaseFile(casePath);
  });

  it('reports a failed parse with its line and column, and the case is unchanged', async () => {
    store.close();
    const before = caseContentHash(casePath);
    store = openCaseFile(casePath);
    const path = tmp.file('broken.graphml');
    writeFileSync(path, '<?xml version="1.0"?>\n<graphml>\n  <graph>\n    <node id="a"></nod>\n  </graph>\n</graphml>\n');
    const sessions = new ImportSessions();
    const failure = await sessions.preview(store, path).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportParseError);
    expect((failure as Error).message).toMatch(/broken\.graphml could not be imported: .*malformed.*line 4, column \d+.*Nothing was imported/);
    store.close();
    expect(caseContentHash(casePath)).toBe(before);
    store = openCaseFile(casePath);
  });

  it('parses the same way in a child process (the CLI path)', () => {
    const { graph, file } = parseFileInChildProcess(`${FIXTURES}/graphml/multigraph.graphml`);
    expect(graph.entities).toHaveLength(6);
    expect(graph.links).toHaveLength(9);
    expect(file.name).toBe('multigraph.graphml');
  });

  it('refuses a file over the size cap before reading it', async () => {
    const path = tmp.file('huge.graphml');
    writeFileSync(path, '');
    truncateSync(path, 2 * 1024 ** 3);
    await expect(parseFileInWorker(path)).rejects.toThrow(/huge\.graphml is 2\.1 GB; files over 512\.0 MB are refused/);
    expect(() => parseFileInChildProcess(path)).toThrow(/are refused/);
  });

  it('ends a parse that overruns its time limit', async () => {
    await expect(parseFileInWorker(`${FIXTURES}/graphml/miserables.graphml`, { timeoutMs: 1 })).rejects.toThrow(/took longer than/);
  });
});
