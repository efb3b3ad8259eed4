import fc from 'fast-check';
import { CREDIBILITY_GRADES, LINK_STRENGTHS, RELIABILITY_GRADES, type AttributeValue, type CaseDocument, type Entity, type Link } from '../../domain';
import { ENTITY_TYPES } from '../../entityTypes';
import { LINK_TYPES } from '../../linkTypes';
import type { InterchangeGraph } from '../graph';

/**
 * Random cases for the round-trip property tests, and the shape a case and a decoded graph are
 * compared in (keys resolved to the ids they carry).
 */

export const CHARS = [...'abcxyzABCXYZ019 -_.,;:!?\'"&<>/\\|[]{}#%=+@éüçñßøÆ’ʼ‘“”–—…ⵜⴰمحمد漢字𝄞😀\t\n\r'];
const text = (min = 0, max = 24) => fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const trimmed = text(1, 24).map((s) => s.trim()).filter((s) => s.length > 0);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const partialDate = fc.oneof(
  fc.integer({ min: 1000, max: 2999 }).map(String),
  fc.tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const stamp = '2025-11-25T18:00:00.000Z';
const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((n) => (Object.is(n, -0) ? 0 : n));

/** Attribute keys with one value type each (formats type their columns), reserved names included. */
const ATTRIBUTE_KINDS: [string, fc.Arbitrary<AttributeValue>][] = [
  ['note', text(0, 12)],
  ['label', text(0, 12)],
  ['x', number],
  ['awb.type', text(0, 6)],
  ['attribute.kept', text(0, 6)],
  ['rank', number],
  ['active', fc.boolean()],
  ['tlp', fc.constantFrom('TLP:RED', 'TLP:AMBER', 'TLP:CLEAR', 'not a TLP')],
  ['Weird key ’é', text(0, 6)],
];
const attributes = fc
  .subarray(ATTRIBUTE_KINDS)
  .chain((kinds) => fc.tuple(...kinds.map(([key, value]) => value.map((v) => [key, v] as const))))
  .map((pairs) => Object.fromEntries(pairs) as Record<string, AttributeValue>);

export const caseDocument: fc.Arbitrary<CaseDocument> = fc
  .record({
    entities: fc.uniqueArray(
      fc.record({
        id: fc.uuid({ version: 4 }),
        type: fc.oneof(fc.constantFrom(...ENTITY_TYPES.map((t) => t.id)), fc.stringMatching(/^[a-z][a-z_]{0,9}$/)),
        label: trimmed,
        aliases: fc.uniqueArray(trimmed, { maxLength: 3, selector: (a) => a.toLowerCase() }),
        description: nullable(text()),
        startDate: nullable(partialDate),
        endDate: nullable(partialDate),
        attributes,
        color: nullable(fc.stringMatching(/^#[0-9a-f]{6}$/)),
      }),
      { minLength: 1, maxLength: 6, selector: (e) => e.id },
    ),
    linkSeeds: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        id: fc.uuid({ version: 4 }),
        type: fc.oneof(fc.constantFrom(...LINK_TYPES.map((t) => t.id)), fc.stringMatching(/^[a-z][a-z_]{0,9}$/)),
        directed: fc.boolean(),
        label: nullable(trimmed),
        description: nullable(text()),
        startDate: nullable(partialDate),
        endDate: nullable(partialDate),
        attributes,
        strength: nullable(fc.constantFrom(...LINK_STRENGTHS)),
      }),
      { maxLength: 8 },
    ),
    sources: fc.uniqueArray(
      fc.record({
        id: fc.uuid({ version: 4 }),
        title: trimmed,
        author: nullable(text(1)),
        publisher: nullable(text(1)),
        publishedDate: nullable(partialDate),
        reference: nullable(fc.oneof(text(1), fc.constant('https://example.org/report'))),
        reliability: fc.constantFrom(...RELIABILITY_GRADES),
        body: nullable(text(0, 60)),
      }),
      { maxLength: 2, selector: (s) => s.id },
    ),
    citationSeeds: fc.array(fc.record({ id: fc.uuid({ version: 4 }), source: fc.nat(), target: fc.nat(), onLink: fc.boolean(), quote: trimmed, locator: nullable(text(1)), credibility: fc.constantFrom(...CREDIBILITY_GRADES), comment: nullable(text(1)) }), { maxLength: 6 }),
    noteSeeds: fc.array(fc.record({ id: fc.uuid({ version: 4 }), kind: fc.constantFrom('case', 'entity', 'link'), target: fc.nat(), body: text(0, 40), author: nullable(text(1)), credibility: nullable(fc.constantFrom(...CREDIBILITY_GRADES)) }), { maxLength: 4 }),
    positions: fc.array(fc.tuple(fc.nat(), number, number), { maxLength: 4 }),
  })
  .map(({ entities: rawEntities, linkSeeds, sources: rawSources, citationSeeds, noteSeeds, positions }) => {
    const entities: Entity[] = rawEntities.map((e) => ({
      ...e,
      location: null,
      aliases: e.aliases.filter((a) => a.toLowerCase() !== e.label.toLowerCase()),
      createdAt: stamp,
      updatedAt: stamp,
    }));
    const ids = new Set(entities.map((e) => e.id));
    const links: Link[] = linkSeeds
      .filter((l) => !ids.has(l.id))
      .map(({ from, to, ...l }) => ({
        ...l,
        sourceId: (entities[from % entities.length] as Entity).id,
        targetId: (entities[to % entities.length] as Entity).id,
        createdAt: stamp,
        updatedAt: stamp,
      }))
      .filter((l, i, all) => all.findIndex((m) => m.id === l.id) === i);
    const sources = rawSources.filter((s) => !ids.has(s.id)).map((s) => ({ ...s, createdAt: stamp }));
    const taken = new Set([...ids, ...links.map((l) => l.id), ...sources.map((s) => s.id)]);
    const citations = sources.length === 0 ? [] : citationSeeds
      .filter((c) => !taken.has(c.id) && (!c.onLink || links.length > 0))
      .filter((c, i, all) => all.findIndex((d) => d.id === c.id) === i)
      .map(({ source, target, onLink, ...c }) => ({
        ...c,
        sourceId: (sources[source % sources.length] as { id: string }).id,
        entityId: onLink ? null : (entities[target % entities.length] as Entity).id,
        linkId: onLink ? (links[target % links.length] as Link).id : null,
        createdAt: stamp,
      }));
    const used = new Set([...taken, ...citations.map((c) => c.id)]);
    const notes = noteSeeds
      .filter((n) => !used.has(n.id) && (n.kind !== 'link' || links.length > 0))
      .filter((n, i, all) => all.findIndex((m) => m.id === n.id) === i)
      .map(({ kind, target, ...n }) => ({
        ...n,
        target: kind === 'case' ? { kind: 'case' as const } : kind === 'entity' ? { kind: 'entity' as const, id: (entities[target % entities.length] as Entity).id } : { kind: 'link' as const, id: (links[target % links.length] as Link).id },
        createdAt: stamp,
        updatedAt: stamp,
      }));
    const placed = new Map(positions.map(([i, x, y]) => [(entities[i % entities.length] as Entity).id, { x, y }]));
    return {
      format: 'analyst-workbench-case' as const,
      formatVersion: 1 as const,
      name: 'Random case',
      exportedAt: stamp,
      entities,
      links,
      sources,
      citations,
      notes,
      charts: [{ id: 'chart', name: 'Chart', viewport: null, positions: [...placed].map(([entityId, p]) => ({ entityId, ...p })) }],
      annotations: [],
      mergeRecords: [],
    };
  });

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** What the case says, in the shape both sides are compared in. */
export function expected(doc: CaseDocument, withPositions: boolean) {
  const positions = new Map((doc.charts[0]?.positions ?? []).map((p) => [p.entityId, { x: p.x, y: p.y }]));
  return {
    entities: byId(doc.entities.map((e) => ({ id: e.id, type: e.type, label: e.label, aliases: e.aliases, description: e.description, startDate: e.startDate, endDate: e.endDate, attributes: e.attributes, color: e.color, position: withPositions ? (positions.get(e.id) ?? null) : null }))),
    links: byId(doc.links.map((l) => ({ id: l.id, type: l.type, sourceId: l.sourceId, targetId: l.targetId, directed: l.directed, label: l.label, description: l.description, startDate: l.startDate, endDate: l.endDate, attributes: l.attributes, strength: l.strength }))),
    sources: byId(doc.sources.map(({ createdAt: _c, ...s }) => s)),
    citations: byId(doc.citations.map(({ createdAt: _c, ...c }) => c)),
    notes: byId(doc.notes.map(({ createdAt: _c, updatedAt: _u, ...n }) => n)),
  };
}

/** What a decoded graph says, keys resolved to the ids they carry. */
export function actual(graph: InterchangeGraph, withPositions: boolean) {
  const entityId = new Map(graph.entities.map((e) => [e.key, e.id ?? e.key]));
  const linkId = new Map(graph.links.map((l) => [l.key, l.id ?? l.key]));
  const sourceId = new Map(graph.sources.map((s) => [s.key, s.id ?? s.key]));
  const targetId = (t: { kind: 'entity' | 'link'; key: string }) => (t.kind === 'entity' ? entityId : linkId).get(t.key) ?? t.key;
  return {
    entities: byId(graph.entities.map((e) => ({ id: e.id ?? e.key, type: e.type, label: e.label, aliases: e.aliases, description: e.description, startDate: e.startDate, endDate: e.endDate, attributes: e.attributes, color: e.color ?? null, position: withPositions ? (e.position ?? null) : null }))),
    links: byId(graph.links.map((l) => ({ id: l.id ?? l.key, type: l.type, sourceId: entityId.get(l.sourceKey), targetId: entityId.get(l.targetKey), directed: l.directed, label: l.label, description: l.description, startDate: l.startDate, endDate: l.endDate, attributes: l.attributes, strength: l.strength ?? null }))),
    sources: byId(graph.sources.map((s) => ({ id: s.id ?? s.key, title: s.title, author: s.author, publisher: s.publisher, publishedDate: s.publishedDate, reference: s.reference, reliability: s.reliability, body: s.body }))),
    citations: byId(graph.citations.map((c) => ({ id: c.id ?? '', sourceId: sourceId.get(c.sourceKey) ?? c.sourceKey, entityId: c.target.kind === 'entity' ? targetId(c.target) : null, linkId: c.target.kind === 'link' ? targetId(c.target) : null, quote: c.quote, locator: c.locator, credibility: c.credibility, comment: c.comment }))),
    notes: byId(graph.notes.map((n) => ({ id: n.id ?? '', target: n.target.kind === 'case' ? { kind: 'case' as const } : { kind: n.target.kind, id: targetId(n.target) }, body: n.body, author: n.author, credibility: n.credibility }))),
  };
}

