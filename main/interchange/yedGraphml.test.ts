import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../app/domain';
import { DEFAULT_PARSE_LIMITS } from '../../app/interchange/graph';
import { decodeGraphml, encodeGraphml } from '../../app/interchange/graphml';
import { childrenNamed, firstChild, readXml, type XmlElement } from '../../app/interchange/xml';
import { openCaseFile } from '../../db/caseFile';
import { exportCaseDocument } from '../../db/exportCase';
import { createSampleCase } from '../../db/samples';
import { tempFolder } from '../../db/testing/tempCase';

const decode = (text: string) => decodeGraphml(text, DEFAULT_PARSE_LIMITS);
const byLabel = (g: ReturnType<typeof decode>, label: string) => g.entities.find((e) => e.label === label);

describe('yFiles 2.7 GraphML (../shared/fixtures/yed/yfiles-2.7.graphml, from networkx test_yfiles_extension)', () => {
  const g = decode(readFileSync('../shared/fixtures/yed/yfiles-2.7.graphml', 'utf8'));

  it('gives the three nodes yEd shows, labelled 1, 2, 3 (not n0, n1, n2), and the one edge with its arrow', () => {
    expect(g.entities.map((e) => e.label)).toEqual(['1', '2', '3']);
    expect(g.links).toHaveLength(1);
    expect(g.links[0]).toMatchObject({ sourceKey: 'node:n0', targetKey: 'node:n1', directed: true });
    expect(g.skipped).toEqual([]);
  });

  it('places each node at the centre of its y:Geometry, with its size, and colours it from y:Fill', () => {
    expect(byLabel(g, '1')).toMatchObject({ position: { x: 140, y: 115 }, color: '#ffcc00', attributes: { width: 30, height: 30, shape: 'rectangle' } });
    expect(byLabel(g, '2')).toMatchObject({ position: { x: 198, y: 220 }, color: '#ffcc00' });
    // A GenericNode (flowchart terminator) with a two-colour gradient: its first colour, as yEd's fill.
    expect(byLabel(g, '3')).toMatchObject({ position: { x: 990, y: 306 }, color: '#e8eef7', attributes: { width: 80, height: 40 } });
  });

  it('reads yEd’s description key (multi-line, in CDATA) as the description', () => {
    expect(byLabel(g, '3')?.description).toBe('description\nline1\nline2');
    expect(byLabel(g, '3')?.attributes).not.toHaveProperty('description');
  });
});

/**
 * A yEd 3.17 document with groups, hand-written as yEd 3.17 saves one (header comment, its eleven
 * keys, ProxyAutoBoundsNode groups with an open and a closed GroupNode realizer, nested <graph>
 * elements with "n0:" ids, ShapeNodes, PolyLineEdges with y:EdgeLabel). It holds 9 nodes: at the
 * top "Katiba Macina" (a group), "Ansar Dine" (a group) and "Bamako"; inside Katiba Macina,
 * "Amadou Koufa", "Mopti cell" and a nested group "Logistics" holding "Driver"; inside Ansar Dine,
 * "Iyad ag Ghali" and "Kidal cell". 4 edges: two inside the groups' graphs, two at the top joining
 * nodes inside groups. Before this reader, it gave 3 of 9 nodes and 0 of 4 edges.
 */
const shape = (x: number, y: number, fill: string, label: string) => `
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="60.0" x="${x}" y="${y}"/>
          <y:Fill color="${fill}" transparent="false"/>
          <y:BorderStyle color="#000000" raised="false" type="line" width="1.0"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.1328125" horizontalTextPosition="center" iconTextGap="4" modelName="custom" textColor="#000000" verticalTextPosition="bottom" visible="true" width="40.0" x="10.0" y="5.93359375">${label}<y:LabelModel><y:SmartNodeLabelModel distance="4.0"/></y:LabelModel><y:ModelParameter><y:SmartNodeLabelModelParameter labelRatioX="0.0" labelRatioY="0.0" nodeRatioX="0.0" nodeRatioY="0.0" offsetX="0.0" offsetY="0.0" upX="0.0" upY="-1.0"/></y:ModelParameter></y:NodeLabel>
          <y:Shape type="rectangle"/>
        </y:ShapeNode>
      </data>`;
const group = (x: number, y: number, label: string) => `
      <data key="d6">
        <y:ProxyAutoBoundsNode>
          <y:Realizers active="0">
            <y:GroupNode>
              <y:Geometry height="200.0" width="300.0" x="${x}" y="${y}"/>
              <y:Fill color="#F5F5F5" transparent="false"/>
              <y:BorderStyle color="#000000" type="dashed" width="1.0"/>
              <y:NodeLabel alignment="right" autoSizePolicy="node_width" backgroundColor="#EBEBEB" borderDistance="0.0" fontFamily="Dialog" fontSize="15" fontStyle="plain" hasLineColor="false" height="22.37646484375" horizontalTextPosition="center" iconTextGap="4" modelName="internal" modelPosition="t" textColor="#000000" verticalTextPosition="bottom" visible="true" width="300.0" x="0.0" y="0.0">${label}</y:NodeLabel>
              <y:Shape type="roundrectangle"/>
              <y:State closed="false" closedHeight="50.0" closedWidth="50.0" innerGraphDisplayEnabled="false"/>
              <y:Insets bottom="15" bottomF="15.0" left="15" leftF="15.0" right="15" rightF="15.0" top="15" topF="15.0"/>
              <y:BorderInsets bottom="0" bottomF="0.0" left="0" leftF="0.0" right="0" rightF="0.0" top="0" topF="0.0"/>
            </y:GroupNode>
            <y:GroupNode>
              <y:Geometry height="50.0" width="50.0" x="0.0" y="60.0"/>
              <y:Fill color="#F5F5F5" transparent="false"/>
              <y:BorderStyle color="#000000" type="dashed" width="1.0"/>
              <y:NodeLabel alignment="right" autoSizePolicy="node_width" modelName="internal" modelPosition="t" visible="true">Folder ${label}</y:NodeLabel>
              <y:Shape type="roundrectangle"/>
              <y:State closed="true" closedHeight="50.0" closedWidth="50.0" innerGraphDisplayEnabled="false"/>
            </y:GroupNode>
          </y:Realizers>
        </y:ProxyAutoBoundsNode>
      </data>`;
const edge = (id: string, source: string, target: string, label: string, arrows = 'source="none" target="standard"') => `
    <edge id="${id}" source="${source}" target="${target}">
      <data key="d10">
        <y:PolyLineEdge>
          <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>
          <y:LineStyle color="#FF0000" type="line" width="1.0"/>
          <y:Arrows ${arrows}/>
          <y:EdgeLabel alignment="center" configuration="AutoFlippingLabel" distance="2.0" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" height="18.1328125" horizontalTextPosition="center" iconTextGap="4" modelName="custom" preferredPlacement="anywhere" ratio="0.5" textColor="#000000" verticalTextPosition="bottom" visible="true" width="40.0" x="10.0" y="5.0">${label}<y:LabelModel><y:SmartEdgeLabelModel autoRotationEnabled="false" defaultAngle="0.0" defaultDistance="10.0"/></y:LabelModel></y:EdgeLabel>
          <y:BendStyle smoothed="false"/>
        </y:PolyLineEdge>
      </data>
    </edge>`;
const YED_317_GROUPS = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <!--Created by yEd 3.17-->
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key for="port" id="d1" yfiles.type="portgraphics"/>
  <key for="port" id="d2" yfiles.type="portgeometry"/>
  <key for="port" id="d3" yfiles.type="portuserdata"/>
  <key attr.name="url" attr.type="string" for="node" id="d4"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="graphml" id="d7" yfiles.type="resources"/>
  <key attr.name="url" attr.type="string" for="edge" id="d8"/>
  <key attr.name="description" attr.type="string" for="edge" id="d9"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0" xml:space="preserve">Sahel groups as drawn in yEd</data>
    <node id="n0" yfiles.foldertype="group">
      <data key="d4" xml:space="preserve"/>${group(0, 0, 'Katiba Macina')}
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0">
          <data key="d5" xml:space="preserve"><![CDATA[Founder of the katiba]]></data>${shape(20, 40, '#FFCC00', 'Amadou Koufa')}
        </node>
        <node id="n0::n1">${shape(120, 40, '#FFCC00', 'Mopti cell')}
        </node>
        <node id="n0::n2" yfiles.foldertype="group">${group(20, 100, 'Logistics')}
          <graph edgedefault="directed" id="n0::n2:">
            <node id="n0::n2::n0">${shape(40, 140, '#99CCFF', 'Driver')}
            </node>
          </graph>
        </node>
      </graph>
    </node>
    <node id="n1" yfiles.foldertype="group">${group(400, 0, 'Ansar Dine')}
      <graph edgedefault="directed" id="n1:">
        <node id="n1::n0">${shape(420, 40, '#FF9900', 'Iyad ag Ghali')}
        </node>
        <node id="n1::n1">${shape(520, 40, '#FF9900', 'Kidal cell')}
        </node>
      </graph>
    </node>
    <node id="n2">${shape(250, 300, '#C0C0C0', 'Bamako')}
    </node>
    <edge id="n0::e0" source="n0::n0" target="n0::n1">
      <data key="d9" xml:space="preserve"><![CDATA[Koufa runs the Mopti cell]]></data>
      <data key="d10"><y:PolyLineEdge><y:LineStyle color="#000000" type="line" width="1.0"/><y:Arrows source="none" target="standard"/><y:EdgeLabel visible="true">leads</y:EdgeLabel></y:PolyLineEdge></data>
    </edge>${edge('e0', 'n0::n2::n0', 'n1::n0', 'drives for')}${edge('e1', 'n1::n1', 'n2', 'attacks', 'source="standard" target="none"')}${edge('n1::e0', 'n1::n0', 'n1::n1', 'commands', 'source="none" target="none"')}
  </graph>
  <data key="d7">
    <y:Resources/>
  </data>
</graphml>
`;

describe('yEd 3.17 GraphML with groups (hand-written as yEd writes it, described above; its graph has a description)', () => {
  const g = decode(YED_317_GROUPS);

  it('gives all 9 nodes, group nodes included, and all 4 edges', () => {
    expect(g.entities.map((e) => e.label)).toEqual(['Katiba Macina', 'Amadou Koufa', 'Mopti cell', 'Logistics', 'Driver', 'Ansar Dine', 'Iyad ag Ghali', 'Kidal cell', 'Bamako']);
    expect(g.links).toHaveLength(4);
    expect(g.skipped).toEqual([]);
    expect(g.warnings.join(' ')).toMatch(/3 group nodes with nested graphs/);
  });

  it('names each member’s group, the open realizer’s label (not the closed folder’s) and geometry', () => {
    expect(byLabel(g, 'Amadou Koufa')?.attributes.group).toBe('Katiba Macina');
    expect(byLabel(g, 'Driver')?.attributes.group).toBe('Logistics');
    expect(byLabel(g, 'Logistics')?.attributes.group).toBe('Katiba Macina');
    expect(byLabel(g, 'Bamako')?.attributes).not.toHaveProperty('group');
    expect(byLabel(g, 'Katiba Macina')).toMatchObject({ position: { x: 150, y: 100 }, color: '#f5f5f5', attributes: { width: 300, height: 200, shape: 'roundrectangle' } });
    expect(byLabel(g, 'Driver')).toMatchObject({ position: { x: 70, y: 155 }, color: '#99ccff' });
  });

  it('reads edge labels, descriptions, colours and the direction the arrows show', () => {
    const label = (key: string) => g.entities.find((e) => e.key === key)?.label;
    const links = g.links.map((l) => [label(l.sourceKey), label(l.targetKey), l.label, l.directed]);
    expect(links).toEqual([
      ['Amadou Koufa', 'Mopti cell', 'leads', true],
      ['Driver', 'Iyad ag Ghali', 'drives for', true],
      // The arrow is at the source end: yEd shows Bamako → Kidal cell.
      ['Bamako', 'Kidal cell', 'attacks', true],
      // No arrow at either end: undirected.
      ['Iyad ag Ghali', 'Kidal cell', 'commands', false],
    ]);
    expect(g.links[0]?.description).toBe('Koufa runs the Mopti cell');
    expect(g.links[1]?.attributes.color).toBe('#ff0000');
    expect(byLabel(g, 'Amadou Koufa')?.description).toBe('Founder of the katiba');
    // yEd's graph "Description" (Edit › Properties of the graph) becomes a note on the case.
    expect(g.notes).toEqual([{ target: { kind: 'case' }, body: 'Sahel groups as drawn in yEd', author: null, credibility: null }]);
  });
});

describe('GraphML written by other tools', () => {
  it('reads keys declared inside <graph>, and <desc> on the graph, a node and an edge', () => {
    const g = decode(`<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="undirected">
    <desc>Sahel networks, 2017</desc>
    <key id="role" for="node" attr.name="role" attr.type="string"><default>member</default></key>
    <key id="w" for="edge" attr.name="weight" attr.type="double"/>
    <node id="a"><desc>The emir</desc><data key="role">leader</data></node>
    <node id="b"/>
    <edge source="a" target="b"><desc>Since 2012</desc><data key="w">2.5</data></edge>
  </graph>
</graphml>`);
    expect(g.entities.map((e) => [e.label, e.description, e.attributes])).toEqual([
      ['a', 'The emir', { role: 'leader' }],
      ['b', null, { role: 'member' }],
    ]);
    expect(g.links[0]).toMatchObject({ description: 'Since 2012', attributes: { weight: 2.5 }, directed: false });
    expect(g.notes).toEqual([{ target: { kind: 'case' }, body: 'Sahel networks, 2017', author: null, credibility: null }]);
  });
});

describe('GraphML export for yEd', () => {
  const tmp = tempFolder('awb-yed-');
  const path = tmp.file('j.awcase');
  createSampleCase(path, 'jnim');
  const store = openCaseFile(path, { readonly: true });
  const sample: CaseDocument = exportCaseDocument(store.db);
  store.close();
  tmp.cleanup();
  // The sample is laid out when opened: give it positions as a saved chart has (fractional, negative,
  // one entity left unplaced) and one colour chosen by hand.
  const chart = sample.charts[0] as CaseDocument['charts'][number];
  const doc: CaseDocument = {
    ...sample,
    entities: sample.entities.map((e, i) => (i === 2 ? { ...e, color: '#123abc' } : e)),
    charts: [{ ...chart, positions: sample.entities.slice(1).map((e, i) => ({ entityId: e.id, x: i * 37.3 - 100.1, y: 0.3 - i * 12.7 })) }],
  };
  const text = encodeGraphml(doc);
  const root = readXml(text, DEFAULT_PARSE_LIMITS);
  const graph = firstChild(root, 'graph') as XmlElement;

  it('declares yFiles graphics keys and gives every node a ShapeNode with its label, geometry and fill, every edge a PolyLineEdge', () => {
    const keys = childrenNamed(root, 'key');
    expect(keys.find((k) => k.attributes.get('yfiles.type') === 'nodegraphics')?.attributes.get('for')).toBe('node');
    expect(keys.find((k) => k.attributes.get('yfiles.type') === 'edgegraphics')?.attributes.get('for')).toBe('edge');
    expect(root.attributes.get('xmlns:y')).toBe('http://www.yworks.com/xml/graphml');
    const nodes = childrenNamed(graph, 'node');
    expect(nodes).toHaveLength(doc.entities.length);
    for (const [i, node] of nodes.entries()) {
      const shapeNode = childrenNamed(node, 'data').flatMap((d) => childrenNamed(d, 'ShapeNode'))[0] as XmlElement;
      expect(shapeNode.prefix).toBe('y');
      expect(firstChild(shapeNode, 'NodeLabel')?.text).toBe(doc.entities[i]?.label);
      expect(firstChild(shapeNode, 'Fill')?.attributes.get('color')).toMatch(/^#[0-9A-F]{6}$/);
      expect(Number(firstChild(shapeNode, 'Geometry')?.attributes.get('width'))).toBeGreaterThan(0);
    }
    const edges = childrenNamed(graph, 'edge');
    const arrows = edges.map((e) => childrenNamed(e, 'data').flatMap((d) => childrenNamed(d, 'PolyLineEdge'))[0]).map((p) => firstChild(p as XmlElement, 'Arrows')?.attributes.get('target'));
    expect(new Set(arrows)).toEqual(new Set(['standard', 'none']));
  });

  it('read back by our importer: the same entities, labels, colours, positions and links', () => {
    const g = decode(text);
    const positions = new Map((doc.charts[0]?.positions ?? []).map((p) => [p.entityId, { x: p.x, y: p.y }]));
    expect(positions.size).toBe(doc.entities.length - 1);
    expect(g.entities.map((e) => [e.id, e.label, e.type, e.color ?? null, e.position])).toEqual(doc.entities.map((e) => [e.id, e.label, e.type, e.color, positions.get(e.id)]));
    expect(g.entities.every((e) => !('width' in e.attributes) && !('group' in e.attributes))).toBe(true);
    expect(g.links.map((l) => [l.id, l.sourceKey, l.targetKey, l.directed, l.label])).toEqual(doc.links.map((l) => [l.id, l.sourceId, l.targetId, l.directed, l.label]));
  });

  it('writes the x and y keys as Gephi reads them (y upwards, as the GEXF export does) and says so; an older export without that is read as chart coordinates', () => {
    const node = childrenNamed(graph, 'node')[1] as XmlElement;
    const value = (element: XmlElement, key: string) => childrenNamed(element, 'data').find((d) => d.attributes.get('key') === key)?.text;
    const centre = (doc.charts[0]?.positions ?? []).find((p) => p.entityId === doc.entities[1]?.id);
    expect(centre && centre.y !== 0).toBe(true);
    expect(Number(value(node, 'n_x'))).toBe(centre?.x);
    // Gephi draws y upwards: what the chart shows above (smaller y) has the larger y in the file.
    expect(Number(value(node, 'n_y'))).toBe(0 - (centre?.y ?? 0));
    expect(value(graph, 'yaxis')).toBe('up');
    const legacy = text.replace(/\n\s*<data key="yaxis">up<\/data>/, '').replace(/<data key="n_y">([^<]+)<\/data>/g, (_, y: string) => `<data key="n_y">${0 - Number(y)}</data>`);
    expect(legacy).not.toContain('key="yaxis">');
    expect(decode(legacy).entities.map((e) => e.position)).toEqual(decode(text).entities.map((e) => e.position));
  });

  it('reads back what the analyst changed in yEd: a node moved and relabelled there', () => {
    const first = doc.entities[1];
    const centre = (doc.charts[0]?.positions ?? []).find((p) => p.entityId === first?.id);
    expect(first && centre).toBeTruthy();
    // yEd rewrites the node's graphics and keeps our data keys as they were.
    const moved = text.replace(
      new RegExp(`(<node id="${first?.id ?? ''}">(?:(?!</node>)[\\s\\S])*?<y:Geometry) x="[^"]+" y="[^"]+"((?:(?!</node>)[\\s\\S])*?<y:NodeLabel[^>]*>)[^<]*`),
      '$1 x="1000" y="2000"$2Renamed in yEd',
    );
    const g = decode(moved);
    expect(g.entities[1]).toMatchObject({ id: first?.id, label: 'Renamed in yEd', position: { x: 1020, y: 2020 } });
    expect(g.entities[2]?.label).toBe(doc.entities[2]?.label);
    expect(g.entities[2]?.position).toEqual(decode(text).entities[2]?.position);
  });
});
