import { zipSync } from 'fflate';

/** A small Maltego graph as Maltego writes its GraphML (entities, properties, a manual link, a position). */
export const MALTEGO_GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:mtg="http://maltego.paterva.com/xml/mtgx">
  <key for="node" id="d0" yfiles.type="nodegraphics"/>
  <key for="node" id="d1" attr.name="MaltegoEntity"/>
  <key for="edge" id="d2" attr.name="MaltegoLink"/>
  <graph edgedefault="directed" id="G">
    <node id="n0">
      <data key="d1">
        <mtg:MaltegoEntity type="maltego.Person">
          <mtg:Properties>
            <mtg:Property displayName="Full Name" name="person.fullname" type="string"><mtg:Value>Iyad ag Ghali</mtg:Value></mtg:Property>
            <mtg:Property displayName="First Names" name="person.firstnames" type="string"><mtg:Value>Iyad</mtg:Value></mtg:Property>
          </mtg:Properties>
        </mtg:MaltegoEntity>
      </data>
      <data key="d0"><y:ShapeNode><y:Geometry height="48" width="48" x="120.5" y="-40"/></y:ShapeNode></data>
    </node>
    <node id="n1">
      <data key="d1">
        <mtg:MaltegoEntity type="maltego.Organization">
          <mtg:Properties><mtg:Property displayName="Name" name="title" type="string"><mtg:Value>Ansar Dine</mtg:Value></mtg:Property></mtg:Properties>
        </mtg:MaltegoEntity>
      </data>
    </node>
    <edge id="e0" source="n0" target="n1">
      <data key="d2">
        <mtg:MaltegoLink type="maltego.link.manual-link">
          <mtg:Properties><mtg:Property displayName="Label" name="maltego.link.manual.type" type="string"><mtg:Value>leads</mtg:Value></mtg:Property></mtg:Properties>
        </mtg:MaltegoLink>
      </data>
    </edge>
  </graph>
</graphml>`;

/** A zip archive of the given entries, as an .mtgx file is. */
export function mtgx(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries);
}

