import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGexf } from '../../app/interchange/gexf';
import { DEFAULT_PARSE_LIMITS } from '../../app/interchange/graph';
import { decodeGraphml } from '../../app/interchange/graphml';

const read = (path: string) => readFileSync(`../shared/fixtures/${path}`, 'utf8');
const graphml = (name: string) => decodeGraphml(read(`graphml/${name}`), DEFAULT_PARSE_LIMITS);
const gexf = (name: string) => decodeGexf(read(`gexf/${name}`), DEFAULT_PARSE_LIMITS);

describe('GraphML fixtures', () => {
  it('basic.graphml: 11 nodes, 12 undirected edges, labels from ids', () => {
    const g = graphml('basic.graphml');
    expect(g.entities).toHaveLength(11);
    expect(g.links).toHaveLength(12);
    expect(g.entities.map((e) => e.label).slice(0, 3)).toEqual(['n0', 'n1', 'n2']);
    expect(g.links.every((l) => !l.directed)).toBe(true);
    expect(g.skipped).toEqual([]);
  });

  it('attributes.graphml: typed attributes and key defaults are kept', () => {
    const g = graphml('attributes.graphml');
    expect(g.entities).toHaveLength(6);
    expect(g.links).toHaveLength(7);
    expect(g.entities.find((e) => e.label === 'n0')?.attributes).toEqual({ color: 'green' });
    expect(g.entities.find((e) => e.label === 'n1')?.attributes).toEqual({ color: 'yellow' });
    expect(g.links.find((l) => l.key === 'edge:e6')?.attributes).toEqual({ weight: 1.1 });
    expect(g.links.find((l) => l.key === 'edge:e3')?.attributes).toEqual({});
  });

  it('multigraph.graphml: parallel edges are kept', () => {
    const g = graphml('multigraph.graphml');
    expect(g.links).toHaveLength(9);
    const n2n4 = g.links.filter((l) => l.sourceKey === 'node:n2' && l.targetKey === 'node:n4');
    expect(n2n4).toHaveLength(2);
    const n5n4 = g.links.filter((l) => l.sourceKey === 'node:n5' && l.targetKey === 'node:n4').map((l) => l.attributes.weight);
    expect(n5n4).toEqual([1.1, 7.5]);
  });

  it('miserables.graphml: 77 characters, 254 edges, positions and colours read', () => {
    const g = graphml('miserables.graphml');
    expect(g.entities).toHaveLength(77);
    expect(g.links).toHaveLength(254);
    const valjean = g.entities.find((e) => e.label === 'Valjean');
    // Gephi's GraphML exporter (its keys: label, r, g, b, x, y, size) writes y as Gephi draws it,
    // upwards: data y="6.8120565" is drawn just above the centre in Gephi, so just above it here.
    expect(valjean?.position).toEqual({ x: -87.93029, y: -6.8120565 });
    // Myriel (y="-299.6904") is far below Valjean in Gephi; on the chart (y down) too.
    const myriel = g.entities.find((e) => e.label === 'Myriel');
    expect(myriel?.position).toEqual({ x: -266.82776, y: 299.6904 });
    expect((myriel?.position?.y ?? 0) > (valjean?.position?.y ?? 0)).toBe(true);
    expect(valjean?.color).toBe('#f55b5b');
    expect(valjean?.attributes).toMatchObject({ r: 245, g: 91, b: 91, size: 100, 'Modularity Class': 1 });
    const degree = new Map<string, number>();
    for (const l of g.links) for (const k of [l.sourceKey, l.targetKey]) degree.set(k, (degree.get(k) ?? 0) + 1);
    const top = [...degree.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(g.entities.find((e) => e.key === top?.[0])?.label).toBe('Valjean');
  });
});

describe('GEXF fixtures', () => {
  it('minimal.gexf: two nodes and a directed edge', () => {
    const g = gexf('minimal.gexf');
    expect(g.entities.map((e) => e.label)).toEqual(['Hello', 'Word']);
    expect(g.links).toHaveLength(1);
    expect(g.links[0]?.directed).toBe(true);
  });

  it('basic.gexf: typed attributes, viz colour/size/position, weight and per-edge direction', () => {
    const g = gexf('basic.gexf');
    const suzy = g.entities.find((e) => e.key === 'node:Suzy');
    expect(suzy?.label).toBe('Suzy, Ghost');
    expect(suzy?.color).toBe('#ea220c');
    expect(suzy?.attributes).toEqual({ male: false, age: 22, surname: 'Ghost', mixed: '45', opacity: 0.6, size: 34, shape: 'circle' });
    // GEXF's y axis points up (Gephi's), the chart's down.
    expect(suzy?.position).toEqual({ x: 12, y: -35 });
    expect(g.links).toHaveLength(2);
    const [fine, second] = g.links;
    expect(fine).toMatchObject({ label: 'Fine edge', directed: true, attributes: { weight: 456, number: 12, set: 'truc|machin', color: '#cccfff', thickness: 34, shape: 'dotted' } });
    expect(second?.directed).toBe(false);
  });

  it('v1_3.gexf: hex colours, list values kept as text, edge kind as link type', () => {
    const g = gexf('v1_3.gexf');
    expect(g.entities.find((e) => e.label === 'Suzy')).toMatchObject({ color: '#ff00ff', attributes: { pipe: 'a |b | c', booleans: '[true, false, false]' } });
    expect(g.links[0]?.type).toBe('likes');
  });

  it('les_miserables.gexf: 77 characters and 254 edges, Valjean the most connected', () => {
    const g = gexf('les_miserables.gexf');
    expect(g.entities).toHaveLength(77);
    expect(g.links).toHaveLength(254);
    const myriel = g.entities.find((e) => e.label === 'Myriel');
    expect(myriel?.position).toEqual({ x: 268.72385, y: -91.18155 });
    expect(myriel?.color).toBe('#d8482d');
    expect(myriel?.attributes).toMatchObject({ Authority: 0.01880342, size: 22.714287 });
    const degree = new Map<string, number>();
    for (const l of g.links) for (const k of [l.sourceKey, l.targetKey]) degree.set(k, (degree.get(k) ?? 0) + 1);
    const top = [...degree.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(g.entities.find((e) => e.key === top?.[0])?.label).toBe('Valjean');
  });
});

describe('GEXF written by Gephi 0.8.1 (../shared/fixtures/gephi/les-miserables-gephi-0.8.gexf)', () => {
  const g = decodeGexf(read('gephi/les-miserables-gephi-0.8.gexf'), DEFAULT_PARSE_LIMITS);

  it('77 characters and 254 undirected edges, nothing skipped', () => {
    expect(g.entities).toHaveLength(77);
    expect(g.links).toHaveLength(254);
    expect(g.links.every((l) => !l.directed)).toBe(true);
    expect(g.skipped).toEqual([]);
    expect(new Set(g.entities.map((e) => e.label)).size).toBe(77);
  });

  it('positions, colours, sizes and the modularity class as Gephi shows them', () => {
    const myriel = g.entities.find((e) => e.label === 'Myriel');
    // viz:position x="-102.81979" y="-185.35468": Gephi draws y upwards, so Myriel is below the
    // centre in Gephi and below it on our chart (y grows downwards).
    expect(myriel).toMatchObject({ key: 'node:0', color: '#5b5bf5', position: { x: -102.81979, y: 185.35468 }, attributes: { size: 28.685715, 'Modularity Class': 0 } });
    const baptistine = g.entities.find((e) => e.label === 'MlleBaptistine');
    expect(baptistine).toMatchObject({ color: '#f55b5b', position: { x: -48.755608, y: 130.95602 }, attributes: { size: 9.485714, 'Modularity Class': 1 } });
    expect(g.entities.every((e) => e.position !== undefined && e.color !== undefined && typeof e.attributes.size === 'number')).toBe(true);
    // Gephi's relative placement is kept: Napoleon (y=-332.5) is drawn below Myriel (y=-185.4) in Gephi.
    const napoleon = g.entities.find((e) => e.label === 'Napoleon');
    expect((napoleon?.position?.y ?? 0) > (myriel?.position?.y ?? 0)).toBe(true);
  });

  it('edge weights as Gephi wrote them', () => {
    expect(g.links.find((l) => l.key === 'edge:1')).toMatchObject({ sourceKey: 'node:2', targetKey: 'node:0', attributes: { weight: 8 } });
    expect(g.links.filter((l) => typeof l.attributes.weight === 'number')).toHaveLength(157);
  });

  it('Valjean is the most connected character, as the known answer says', () => {
    const degree = new Map<string, number>();
    for (const l of g.links) for (const k of [l.sourceKey, l.targetKey]) degree.set(k, (degree.get(k) ?? 0) + 1);
    const top = [...degree.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(g.entities.find((e) => e.key === top?.[0])?.label).toBe('Valjean');
  });
});
