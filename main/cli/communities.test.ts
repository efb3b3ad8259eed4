import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { runCaptured as run } from './testing/runCaptured';

let tmp: ReturnType<typeof tempFolder>;
let jnim: string;
beforeAll(() => {
  tmp = tempFolder('awb-communities-');
  jnim = tmp.file('jnim.awcase');
  createSampleCase(jnim, 'jnim');
});
afterAll(() => tmp.cleanup());


interface CommunitiesJson {
  algorithm: string;
  parameters: { seed: number; resolution: number };
  modularity: number;
  communities: { index: number; size: number; members: { id: string; label: string }[] }[];
}

describe('workbench communities', () => {
  it('splits the JNIM case into Louvain communities, the same every run', () => {
    const first = run('communities', jnim, '--json');
    expect(first.status).toBe(0);
    const result = JSON.parse(first.stdout) as CommunitiesJson;
    expect(result.algorithm).toMatch(/Louvain/);
    expect(result.modularity).toBeGreaterThan(0.3);
    expect(result.communities.length).toBeGreaterThan(2);
    const members = result.communities.flatMap((c) => c.members.map((m) => m.label));
    expect(members).toHaveLength(74);
    expect(new Set(members).size).toBe(74);
    for (let i = 1; i < result.communities.length; i++) expect(result.communities[i - 1]!.size).toBeGreaterThanOrEqual(result.communities[i]!.size);
    expect(run('communities', jnim, '--json').stdout).toBe(first.stdout);
  });

  it('prints the communities with their modularity, and honours seed, resolution and filters', () => {
    const { status, stdout } = run('communities', jnim, '--seed', '3', '--resolution', '1.5', '--weighted', '--as-of', '2016');
    expect(status).toBe(0);
    expect(stdout).toMatch(/seed 3, resolution 1\.5/);
    expect(stdout).toMatch(/\d+ communities, modularity 0\.\d{4}/);
    expect(stdout).toMatch(/Filters: as of 2016/);
    expect(run('communities', jnim, '--resolution', '-1').status).toBe(2);
  });
});
