import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseFile } from '../../db/caseFile';
import { insertEntity } from '../../db/entities';
import { insertLink } from '../../db/links';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { runCaptured as run } from './testing/runCaptured';

let tmp: ReturnType<typeof tempFolder>;
let jnim: string;
beforeAll(() => {
  tmp = tempFolder('awb-path-');
  jnim = tmp.file('jnim.awcase');
  createSampleCase(jnim, 'jnim');
});
afterAll(() => tmp.cleanup());


interface PathJson {
  hops: number;
  length: number;
  weighted: boolean;
  steps: { id: string; label: string; links: { id: string; type: string | null }[] }[];
}

describe('workbench path', () => {
  it('finds the path from Iyad ag Ghali to Ayman al-Zawahiri, names in any case', () => {
    const { status, stdout } = run('path', jnim, 'iyad AG ghali', 'AYMAN AL-ZAWAHIRI', '--json');
    expect(status).toBe(0);
    const path = JSON.parse(stdout) as PathJson;
    expect(path.steps[0]?.label).toBe('Iyad ag Ghali');
    expect(path.steps.at(-1)?.label).toBe('Ayman al-Zawahiri');
    expect(path.hops).toBe(path.steps.length - 1);
    expect(path.steps[1]?.links.map((l) => l.type)).toContain('pledged_allegiance_to');

    const text = run('path', jnim, 'Iyad ag Ghali', 'Ayman al-Zawahiri');
    expect(text.stdout).toMatch(/Iyad ag Ghali → Ayman al-Zawahiri: 1 hop/);
    expect(text.stdout).toMatch(/─▶/);
  });

  it('accepts an alias or an id, and walks several hops', () => {
    const { stdout } = run('path', jnim, 'Jama’at Nasr al-Islam wal Muslimin', 'Islamic State', '--json');
    const path = JSON.parse(stdout) as PathJson;
    expect(path.steps[0]?.label).toBe('JNIM');
    const byId = JSON.parse(run('path', jnim, path.steps[0]!.id, 'Ayman al-Zawahiri', '--json').stdout) as PathJson;
    expect(byId.hops).toBeGreaterThanOrEqual(2);
    const all = run('path', jnim, 'Iyad ag Ghali', 'Islamic State', '--all', '--json');
    expect((JSON.parse(all.stdout) as PathJson[]).length).toBeGreaterThanOrEqual(1);
  });

  it('weighs by evidence with --weighted', () => {
    const path = JSON.parse(run('path', jnim, 'Mali', 'Islamic State', '--weighted', '--json').stdout) as PathJson;
    expect(path.weighted).toBe(true);
    expect(path.length).toBeGreaterThanOrEqual(path.hops);
  });

  it('an unknown name lists the near candidates; an ambiguous one lists the entities it could mean', () => {
    const unknown = run('path', jnim, 'Qaeda', 'Mali');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no entity is called "Qaeda"; did you mean:/);
    expect(unknown.stderr).toMatch(/"al-Qaeda" \(armed group, id /);
    expect(run('path', jnim, 'Nobody at all', 'Mali').stderr).toMatch(/no entity is called "Nobody at all"/);

    const twins = tmp.file('twins.awcase');
    const store = createCaseFile(twins, { name: 'twins' });
    const a = insertEntity(store.db, { type: 'person', label: 'Ahmed' });
    const b = insertEntity(store.db, { type: 'person', label: 'Ahmed', aliases: ['Ahmed the younger'] });
    const c = insertEntity(store.db, { type: 'place', label: 'Gao' });
    insertLink(store.db, { type: 'located_in', sourceId: a.id, targetId: c.id, directed: true });
    insertLink(store.db, { type: 'located_in', sourceId: b.id, targetId: c.id, directed: true });
    store.close();
    const ambiguous = run('path', twins, 'ahmed', 'Gao');
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/"ahmed" is ambiguous; it names 2 entities/);
    expect(ambiguous.stderr).toContain(a.id);
    expect(ambiguous.stderr).toContain(b.id);
    expect(run('path', twins, 'Ahmed the younger', 'gao').status).toBe(0);
    // Direction matters only with --directed: Gao does not point back.
    expect(run('path', twins, 'gao', b.id, '--directed').stderr).toMatch(/no path from "Gao" to "Ahmed"/);
  });

  it('as of 2016, JNIM is not in the network', () => {
    const result = run('path', jnim, 'Ansar al-Din', 'JNIM', '--as-of', '2016');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/"JNIM" is not in the network under these filters/);
    expect(run('path', jnim, 'Ansar al-Din', 'JNIM', '--as-of', '2018').status).toBe(0);
  });

  it('needs a case and two names', () => {
    expect(run('path', jnim, 'Mali').status).toBe(2);
  });
});
