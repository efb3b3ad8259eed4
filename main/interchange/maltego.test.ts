import { readFileSync, writeFileSync } from 'node:fs';
import { strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../app/domain';
import { DEFAULT_PARSE_LIMITS } from '../../app/interchange/graph';
import { decodeMtgx, encodeMtgx } from '../../app/interchange/maltego';
import { childrenNamed, firstChild, readXml, type XmlElement } from '../../app/interchange/xml';
import { openCaseFile } from '../../db/caseFile';
import { exportCaseDocument } from '../../db/exportCase';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';
import { runCli } from '../workbench';
import { decodeUtf8 } from './parseJob';
import { parseFileInWorker } from './parseHost';
import { mtgx } from './testing/maltegoSample';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

/**
 * A graph laid out as Maltego saves one in Graphs/Graph1.graphml: keys MaltegoEntity,
 * EntityRenderer, MaltegoLink and LinkRenderer; the mtg namespace declared on each Maltego element;
 * each entity's properties with Maltego's own names (person.fullname, phonenumber, email, fqdn,
 * ipv4-address, title, location.name, alias) and its place in mtg:EntityRenderer/mtg:Position;
 * a manual link with its label, description and drawing properties. Hand-written from what
 * Maltego's standard entity types define; one type ("acme.Vessel") is not a standard one.
 */
const mtg = 'xmlns:mtg="http://maltego.paterva.com/xml/mtgx"';
const entity = (id: string, type: string, props: [string, string, string][], x: number, y: number) => `
    <node id="${id}">
      <data key="d0">
        <mtg:MaltegoEntity ${mtg} id="${id}-e" type="${type}">
          <mtg:Properties>${props.map(([name, display, value]) => `
            <mtg:Property displayName="${display}" hidden="false" name="${name}" nullable="true" readonly="false" type="string"><mtg:Value>${value}</mtg:Value></mtg:Property>`).join('')}
          </mtg:Properties>
          <mtg:Weight>0</mtg:Weight>
        </mtg:MaltegoEntity>
      </data>
      <data key="d1">
        <mtg:EntityRenderer ${mtg}>
          <mtg:Position x="${x}" y="${y}"/>
        </mtg:EntityRenderer>
      </data>
    </node>`;
const MALTEGO_GRAPH = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key attr.name="MaltegoEntity" for="node" id="d0"/>
  <key attr.name="EntityRenderer" for="node" id="d1"/>
  <key attr.name="MaltegoLink" for="edge" id="d2"/>
  <key attr.name="LinkRenderer" for="edge" id="d3"/>
  <graph edgedefault="directed" id="G">${entity('n0', 'maltego.Person', [['person.firstnames', 'First Names', 'Iyad'], ['person.fullname', 'Full Name', 'Iyad ag Ghali'], ['person.lastname', 'Surname', 'ag Ghali']], -224, -156.5)}${entity('n1', 'maltego.PhoneNumber', [['phonenumber', 'Phone Number', '+223 555 0101'], ['phonenumber.countrycode', 'Country Code', '223']], 10, 20)}${entity('n2', 'maltego.EmailAddress', [['email', 'Email Address', 'contact@example.org']], 30, 40)}${entity('n3', 'maltego.Domain', [['fqdn', 'Domain Name', 'example.org'], ['whois-info', 'WHOIS Info', '']], 50, 60)}${entity('n4', 'maltego.IPv4Address', [['ipv4-address', 'IP Address', '192.0.2.7'], ['ipaddress.internal', 'Internal', 'false']], 70, 80)}${entity('n5', 'maltego.Organization', [['title', 'Name', 'Ansar Dine']], 90, 100)}${entity('n6', 'maltego.Location', [['country', 'Country', 'Mali'], ['location.name', 'Name', 'Kidal'], ['city', 'City', 'Kidal']], 110, 120)}${entity('n7', 'maltego.Alias', [['alias', 'Alias', 'Abou Fadl']], 130, 140)}${entity('n8', 'acme.Vessel', [['vessel.name', 'Vessel', 'Sea Star']], 150, 160)}
    <edge id="e0" source="n0" target="n5">
      <data key="d2">
        <mtg:MaltegoLink ${mtg} id="l0" type="maltego.link.manual-link">
          <mtg:Properties>
            <mtg:Property displayName="Label" hidden="false" name="maltego.link.manual.type" nullable="true" readonly="false" type="string"><mtg:Value>leads</mtg:Value></mtg:Property>
            <mtg:Property displayName="Description" hidden="false" name="maltego.link.manual.description" nullable="true" readonly="false" type="string"><mtg:Value>Founder and emir</mtg:Value></mtg:Property>
            <mtg:Property displayName="Show Label" hidden="false" name="maltego.link.show-label" nullable="true" readonly="false" type="int"><mtg:Value>1</mtg:Value></mtg:Property>
            <mtg:Property displayName="Color" hidden="false" name="maltego.link.color" nullable="true" readonly="false" type="color"><mtg:Value>8421504</mtg:Value></mtg:Property>
            <mtg:Property displayName="Thickness" hidden="false" name="maltego.link.thickness" nullable="true" readonly="false" type="int"><mtg:Value>2</mtg:Value></mtg:Property>
          </mtg:Properties>
        </mtg:MaltegoLink>
      </data>
      <data key="d3"><mtg:LinkRenderer ${mtg}/></data>
    </edge>
    <edge id="e1" source="n0" target="n1">
      <data key="d2"><mtg:MaltegoLink ${mtg} id="l1" type="maltego.link.transform-link"><mtg:Properties/></mtg:MaltegoLink></data>
    </edge>
  </graph>
</graphml>
`;

let tmp: ReturnType<typeof tempFolder>;
beforeAll(() => {
  useBuiltInterchangeWorker();
  tmp = tempFolder('awb-mtgx-');
});
afterAll(() => tmp.cleanup());

describe('Maltego MTGX import (a graph laid out as Maltego saves it, described above)', () => {
  const g = decodeMtgx(mtgx({ 'Graphs/Graph1.graphml': strToU8(MALTEGO_GRAPH) }), DEFAULT_PARSE_LIMITS, decodeUtf8);

  it('maps Maltego’s type names onto our entity types, labelled with each type’s main property', () => {
    expect(g.entities.map((e) => [e.attributes.maltego_type, e.type, e.label])).toEqual([
      ['maltego.Person', 'person', 'Iyad ag Ghali'],
      ['maltego.PhoneNumber', 'phone_number', '+223 555 0101'],
      ['maltego.EmailAddress', 'email_address', 'contact@example.org'],
      ['maltego.Domain', 'domain', 'example.org'],
      ['maltego.IPv4Address', 'ip_address', '192.0.2.7'],
      ['maltego.Organization', 'organisation', 'Ansar Dine'],
      ['maltego.Location', 'place', 'Kidal'],
      ['maltego.Alias', 'person', 'Abou Fadl'],
      ['acme.Vessel', 'acme_vessel', 'Sea Star'],
    ]);
  });

  it('places every entity where Maltego draws it (mtg:EntityRenderer/mtg:Position)', () => {
    expect(g.entities.map((e) => e.position)).toEqual([
      { x: -224, y: -156.5 }, { x: 10, y: 20 }, { x: 30, y: 40 }, { x: 50, y: 60 }, { x: 70, y: 80 }, { x: 90, y: 100 }, { x: 110, y: 120 }, { x: 130, y: 140 }, { x: 150, y: 160 },
    ]);
  });

  it('keeps the other properties by their display names, and the link’s label and description without its drawing', () => {
    expect(g.entities[0]?.attributes).toEqual({ maltego_type: 'maltego.Person', 'First Names': 'Iyad', Surname: 'ag Ghali' });
    expect(g.entities[6]?.attributes).toEqual({ maltego_type: 'maltego.Location', Country: 'Mali', City: 'Kidal' });
    expect(g.links[0]).toMatchObject({ label: 'leads', description: 'Founder and emir', directed: true, attributes: {} });
    expect(g.links[1]).toMatchObject({ label: null, directed: true });
  });
});

describe('Maltego MTGX export', () => {
  const sampleDoc = () => {
    const path = tmp.file(`j-${Math.random().toString(36).slice(2)}.awcase`);
    createSampleCase(path, 'jnim');
    const store = openCaseFile(path, { readonly: true });
    const sample = exportCaseDocument(store.db);
    store.close();
    const chart = sample.charts[0] as CaseDocument['charts'][number];
    // Positions as a saved chart has them, a colour, and attributes of every kind (one named like a Maltego property).
    return {
      ...sample,
      entities: sample.entities.map((e, i) => (i === 0 ? { ...e, color: '#aa3300', attributes: { ...e.attributes, fighters: 1200, listed: true, note: 'json:not json', 'person.fullname': 'x' } } : e)),
      links: sample.links.map((l, i) => (i === 0 ? { ...l, attributes: { weight: 2.5 } } : l)),
      charts: [{ ...chart, positions: sample.entities.map((e, i) => ({ entityId: e.id, x: i * 40.5, y: 0 - i * 3.25 })) }],
    } satisfies CaseDocument;
  };

  it('is a zip with Graphs/Graph1.graphml: Maltego entities of Maltego’s types, their positions, manual links', () => {
    const doc = sampleDoc();
    const files = unzipSync(encodeMtgx(doc));
    expect(Object.keys(files)).toEqual(['Graphs/Graph1.graphml']);
    const root = readXml(new TextDecoder().decode(files['Graphs/Graph1.graphml']), DEFAULT_PARSE_LIMITS);
    const graph = firstChild(root, 'graph') as XmlElement;
    const nodes = childrenNamed(graph, 'node');
    expect(nodes).toHaveLength(doc.entities.length);
    const markup = (node: XmlElement, name: string) => childrenNamed(node, 'data').flatMap((d) => d.children).find((c) => c.name === name && c.prefix === 'mtg');
    const types = nodes.map((n) => markup(n, 'MaltegoEntity')?.attributes.get('type'));
    expect(types.every((t) => t !== undefined && /^maltego\.(Person|Organization|Location|Phrase|Document|Event|PhoneNumber|EmailAddress|Domain|IPv4Address|Website)$/.test(t))).toBe(true);
    const iyad = doc.entities.findIndex((e) => e.type === 'person');
    const props = childrenNamed(firstChild(markup(nodes[iyad] as XmlElement, 'MaltegoEntity') as XmlElement, 'Properties') as XmlElement, 'Property');
    expect(types[iyad]).toBe('maltego.Person');
    expect(props[0]?.attributes.get('name')).toBe('person.fullname');
    expect(firstChild(props[0] as XmlElement, 'Value')?.text).toBe(doc.entities[iyad]?.label);
    expect(firstChild(markup(nodes[1] as XmlElement, 'EntityRenderer') as XmlElement, 'Position')?.attributes.get('x')).toBe('40.5');
    expect(childrenNamed(graph, 'edge').map((e) => markup(e, 'MaltegoLink')?.attributes.get('type'))).toEqual(doc.links.map(() => 'maltego.link.manual-link'));
  });

  it('reads back equal through our importer: entities, links, positions, attributes, citations', async () => {
    const doc = sampleDoc();
    const path = tmp.file('j.mtgx');
    writeFileSync(path, encodeMtgx(doc));
    const { graph } = await parseFileInWorker(path);
    expect(graph.format).toBe('mtgx');
    const positions = new Map(doc.charts[0]?.positions.map((p) => [p.entityId, { x: p.x, y: p.y }]));
    expect(graph.entities.map((e) => ({ id: e.id, type: e.type, label: e.label, aliases: e.aliases, description: e.description, startDate: e.startDate, endDate: e.endDate, color: e.color ?? null, attributes: e.attributes, position: e.position }))).toEqual(
      doc.entities.map((e) => ({ id: e.id, type: e.type, label: e.label, aliases: e.aliases, description: e.description, startDate: e.startDate, endDate: e.endDate, color: e.color, attributes: e.attributes, position: positions.get(e.id) })),
    );
    expect(graph.links.map((l) => ({ id: l.id, type: l.type, from: l.sourceKey, to: l.targetKey, directed: l.directed, label: l.label, description: l.description, startDate: l.startDate, endDate: l.endDate, strength: l.strength ?? null, attributes: l.attributes }))).toEqual(
      doc.links.map((l) => ({ id: l.id, type: l.type, from: l.sourceId, to: l.targetId, directed: l.directed, label: l.label, description: l.description, startDate: l.startDate, endDate: l.endDate, strength: l.strength, attributes: l.attributes })),
    );
    expect(doc.links.some((l) => !l.directed) && doc.links.some((l) => l.label === null)).toBe(true);
    expect(graph.citations).toHaveLength(doc.citations.length);
    expect(graph.sources.map((s) => s.id).sort()).toEqual(doc.sources.map((s) => s.id).sort());
  });

  it('workbench export --format mtgx writes the archive with -o, and refuses standard output', async () => {
    const path = tmp.file('cli.awcase');
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
    };
    const first = io();
    expect(await runCli(['init', path, '--sample', 'jnim'], first.io)).toBe(0);
    const target = tmp.file('cli.mtgx');
    const written = io();
    expect(await runCli(['export', path, '--format', 'mtgx', '-o', target], written.io)).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(target)))).toEqual(['Graphs/Graph1.graphml']);
    const refused = io();
    expect(await runCli(['export', path, '--format', 'mtgx'], refused.io)).toBe(2);
    expect(refused.err.join('\n')).toMatch(/binary format .* -o <file>/);
  });
});
