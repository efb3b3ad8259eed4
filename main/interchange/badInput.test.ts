import { truncateSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseFile, openCaseFile } from '../../db/caseFile';
import { listEntities } from '../../db/entities';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { ImportSessions } from './importService';
import { caseContentHash } from './testing/caseHash';
import { MALTEGO_GRAPHML } from './testing/maltegoSample';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

/**
 * One test per kind of bad input the issue lists. Each goes through the real pipeline (the file
 * is parsed in the worker, previewed against a case holding the JNIM sample) and checks the
 * error the analyst sees and that the case file's contents are byte-for-byte the same after.
 */

let tmp: ReturnType<typeof tempFolder>;
let casePath: string;
beforeAll(() => {
  useBuiltInterchangeWorker();
  tmp = tempFolder('awb-bad-');
  casePath = tmp.file('jnim.awcase');
  createSampleCase(casePath, 'jnim');
});
afterAll(() => tmp.cleanup());

/** Tries to import `content` as `name`; returns the error message. The case must be unchanged. */
async function refused(name: string, content: string | Uint8Array | ((path: string) => void), options: Parameters<ImportSessions['preview']>[2] = {}): Promise<string> {
  const path = tmp.file(name);
  if (typeof content === 'function') content(path);
  else writeFileSync(path, content);
  const before = caseContentHash(casePath);
  const store = openCaseFile(casePath);
  let message = '';
  try {
    await new ImportSessions().preview(store, path, options);
  } catch (error) {
    message = (error as Error).message;
  } finally {
    store.close();
  }
  expect(message, 'the import should have been refused').not.toBe('');
  expect(message).toMatch(/Nothing was imported\.$/);
  expect(caseContentHash(casePath)).toBe(before);
  return message;
}

describe('bad input is refused with a clear error and the case unchanged', () => {
  it('XXE: an external entity declaration', async () => {
    const message = await refused(
      'xxe.graphml',
      '<?xml version="1.0"?>\n<!DOCTYPE graphml [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<graphml><graph><node id="&xxe;"/></graph></graphml>\n',
    );
    expect(message).toMatch(/document type declaration \(DOCTYPE\), which is refused.*at line 2, column 1/);
  });

  it('billion laughs: nested entity declarations', async () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
    const message = await refused('laughs.gexf', `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${lol}\n]>\n<gexf><graph><nodes><node id="a" label="&lol9;"/></nodes></graph></gexf>\n`);
    expect(message).toMatch(/DOCTYPE.*refused/);
  });

  it('an entity declaration without a DOCTYPE', async () => {
    expect(await refused('entity.graphml', '<graphml>\n  <!ENTITY x "y">\n</graphml>')).toMatch(/entity declaration, which is refused.*line 2, column 3/);
  });

  it('deep nesting (XML and JSON)', { timeout: 60_000 }, async () => {
    expect(await refused('deep.graphml', `<graphml>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</graphml>`)).toMatch(/nests elements deeper than 100 levels/);
    expect(await refused('deep.json', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`, { format: 'stix' })).toMatch(/nests deeper than 100 levels.*line 1, column 101/);
  });

  it('a huge value', async () => {
    const huge = 'x'.repeat(2_000_000);
    expect(await refused('huge.graphml', `<graphml><graph><node id="${huge}"/></graph></graphml>`)).toMatch(/attribute value is longer than 1000000 characters/);
    expect(await refused('huge-text.graphml', `<graphml><key id="d"/><graph><node id="a"><data key="d">${huge}</data></node></graph></graphml>`)).toMatch(/text value is longer than 1000000/);
  });

  it('invalid UTF-8, with the byte offset', async () => {
    const prefix = Buffer.from('{"type": "bundle", "objects": [{"name": "café, caf');
    const bytes = Buffer.concat([prefix, Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')]);
    expect(await refused('latin1.json', bytes)).toMatch(new RegExp(`not valid UTF-8 text \\(at byte offset ${prefix.length}\\)`));
  });

  it('malformed XML, with line and column', async () => {
    const message = await refused('malformed.gexf', '<?xml version="1.0"?>\n<gexf>\n  <graph>\n    <nodes>\n      <node id="a" label="unclosed>\n    </nodes>\n  </graph>\n</gexf>\n');
    expect(message).toMatch(/malformed\.gexf could not be imported: This XML file is malformed: .* \(at line \d+, column \d+\)/);
  });

  it('zip-slip: an archive entry that climbs out of its folder', async () => {
    const archive = zipSync({ 'Graphs/Graph1.graphml': strToU8(MALTEGO_GRAPHML), '../../../../tmp/evil.sh': strToU8('rm -rf ~') });
    expect(await refused('slip.mtgx', archive)).toMatch(/entry whose path leaves its folder \("..\/..\/..\/..\/tmp\/evil.sh"\), which is refused/);
  });

  it('a zip bomb', { timeout: 60_000 }, async () => {
    const bomb = zipSync({ 'Graphs/Graph1.graphml': new Uint8Array(50_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refused('bomb.mtgx', bomb)).toMatch(/unpacks to more than 100 times its packed size \(a zip bomb\?\), which is refused/);
  });

  it('truncated files (JSON, XML, zip)', async () => {
    const bundle = JSON.stringify({ type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', objects: [{ type: 'campaign', name: 'x' }] });
    expect(await refused('cut.json', bundle.slice(0, bundle.length - 20))).toMatch(/ends early \(is it truncated\?\)/);
    expect(await refused('cut.graphml', '<graphml><graph><node id="a"/><node id="b"')).toMatch(/malformed/);
    const archive = zipSync({ 'Graphs/Graph1.graphml': strToU8(MALTEGO_GRAPHML.repeat(20)) });
    expect(await refused('cut.mtgx', archive.subarray(0, Math.floor(archive.length / 2)))).toMatch(/truncated/);
  });

  it('a 2 GB file is refused before it is read', async () => {
    const message = await refused('huge.json', (path) => {
      writeFileSync(path, '');
      truncateSync(path, 2 * 1024 ** 3);
    });
    expect(message).toMatch(/huge\.json is 2\.1 GB; files over 512\.0 MB are refused/);
  });

  it('a parse that needs more memory than the worker may have', { timeout: 60_000 }, async () => {
    const nodes = Array.from({ length: 200_000 }, (_, i) => `<node id="n${i}"><data key="d">${'label '.repeat(10)}${i}</data></node>`).join('');
    const path = tmp.file('big.graphml');
    writeFileSync(path, `<graphml><key id="d" for="node" attr.name="label"/><graph>${nodes}</graph></graphml>`);
    const store = openCaseFile(casePath, { readonly: true });
    try {
      await expect(new ImportSessions((p, o) => import('./parseHost').then((m) => m.parseFileInWorker(p, { ...o, maxMemoryMb: 32 }))).preview(store, path)).rejects.toThrow(
        /could not be imported: (reading it needed more than 32 MB of memory|.*too large).*Nothing was imported/,
      );
    } finally {
      store.close();
    }
  });
});

describe('__proto__ keys are harmless', () => {
  it('a STIX bundle and a GraphML file full of __proto__ keys import without touching any prototype', async () => {
    const bundle = `{"type":"bundle","id":"bundle--44af6c39-c09b-49c5-9de2-394224b04982","__proto__":{"polluted":"bundle"},"objects":[
      {"type":"threat-actor","spec_version":"2.1","id":"threat-actor--6d179234-61fc-40c4-ae86-3d53308d8e65","created":"2015-05-15T09:12:16.432Z","modified":"2015-05-15T09:12:16.432Z",
       "name":"Proto Actor","__proto__":{"polluted":"object"},"x_custom":{"__proto__":{"polluted":"nested"}},
       "x_analyst_workbench_type":"armed_group","x_analyst_workbench_attributes":{"__proto__":{"polluted":"attributes"},"constructor":"x","kept":"yes"}}]}`;
    const path = tmp.file('proto.json');
    writeFileSync(path, bundle);
    const graphml = tmp.file('proto.graphml');
    writeFileSync(graphml, '<graphml><key id="p" for="node" attr.name="__proto__"/><key id="l" for="node" attr.name="label"/><graph><node id="__proto__"><data key="p">polluted</data><data key="l">Proto node</data></node></graph></graphml>');
    const target = tmp.file('proto.awcase');
    createCaseFile(target, { name: 'Proto' }).close();
    const store = openCaseFile(target);
    try {
      for (const file of [path, graphml]) {
        const sessions = new ImportSessions();
        const preview = await sessions.preview(store, file);
        expect(preview.plan.warnings.join(' ')).toMatch(/attribute named "(__proto__|constructor)" was ignored/);
        sessions.commit(store, preview.previewId);
      }
      const entities = listEntities(store.db);
      expect(entities.find((e) => e.label === 'Proto Actor')?.attributes).toEqual({ kept: 'yes' });
      expect(entities.find((e) => e.label === 'Proto node')?.attributes).toEqual({});
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    } finally {
      store.close();
    }
  });
});
