import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../../db/testing/tempCase';
import { parseFileInWorker } from './parseHost';
import { useBuiltInterchangeWorker } from './testing/workerBundle';

/**
 * An ANX chart laid out as i2 Analyst's Notebook writes one, hand-written from i2's published
 * schema ("Analyst's Notebook 7.xsd": the order of <Chart>'s children, <GradeOne>/<GradeTwo>/
 * <GradeThree> with a <StringCollection> each, <EntityType Name IconFile>, <IconStyle Type> naming
 * an entity type, <LinkStyle Type Strength ArrowStyle>, <AttributeClass Type="AttNumber">), and
 * saved the way i2 saves it: UTF-16, little-endian, with a byte order mark. Nothing in it comes
 * from our exporter: the grading system is i2's 5x5x5 one (not our Admiralty labels), the entity
 * types are i2's own names ("Suspect", "Terrorist Organisation", "Telephone") that only their
 * icons tie to our types, two entities share the label "Moussa" with different identities, and
 * the evidence is in cards.
 */
const I2_CHART = `<?xml version="1.0" encoding="UTF-16"?>
<Chart IdReferenceLinking="false" Rigorous="true" SchemaVersion="7.0.0.1" LabelRule="LabelRuleMerge" TypeIconDrawingMode="TypeIconDrawingModeNormal">
  <ApplicationVersion Major="9" Minor="2" Point="0" Build="0"/>
  <GradeOne>
    <StringCollection>
      <String Text="A - Always reliable"/>
      <String Text="B - Mostly reliable"/>
      <String Text="C - Sometimes reliable"/>
      <String Text="D - Unreliable"/>
      <String Text="E - Untested source"/>
    </StringCollection>
  </GradeOne>
  <GradeTwo>
    <StringCollection>
      <String Text="1 - Known directly"/>
      <String Text="2 - Known indirectly but corroborated"/>
      <String Text="3 - Known indirectly"/>
      <String Text="4 - Not known"/>
      <String Text="5 - Suspected to be false"/>
    </StringCollection>
  </GradeTwo>
  <GradeThree>
    <StringCollection>
      <String Text="1 - May be disseminated"/>
      <String Text="2 - Disseminate with conditions"/>
    </StringCollection>
  </GradeThree>
  <StrengthCollection>
    <Strength Name="Confirmed" DotStyle="DotStyleSolid"/>
    <Strength Name="Unconfirmed" DotStyle="DotStyleDashed"/>
    <Strength Name="Tentative" DotStyle="DotStyleDotted"/>
  </StrengthCollection>
  <AttributeClassCollection>
    <AttributeClass Name="Phone Number" Type="AttText" IsUser="true" ShowValue="true"/>
    <AttributeClass Name="Calls" Type="AttNumber" IsUser="true" ShowValue="true" DecimalPlaces="0"/>
    <AttributeClass Name="Armed" Type="AttFlag" IsUser="true" ShowValue="true"/>
  </AttributeClassCollection>
  <EntityTypeCollection>
    <EntityType Name="Suspect" IconFile="Person" Colour="0"/>
    <EntityType Name="Terrorist Organisation" IconFile="Terrorist" Colour="0"/>
    <EntityType Name="Telephone" IconFile="Phone" Colour="0"/>
  </EntityTypeCollection>
  <LinkTypeCollection>
    <LinkType Name="Member Of" Colour="0"/>
    <LinkType Name="Call" Colour="255"/>
  </LinkTypeCollection>
  <ChartItemCollection>
    <ChartItem Label="Moussa" XPosition="120" DateSet="false" GradeOneIndex="1" GradeTwoIndex="2" GradeThreeIndex="0" Description="Recruiter in Gao">
      <End X="120" Y="80">
        <Entity EntityId="Suspect1" Identity="Moussa (passport ML0448812)" LabelIsIdentity="false">
          <Icon><IconStyle Type="Suspect"/></Icon>
          <CardCollection>
            <Card Summary="Report 17, para. 3" Text="Moussa recruits young men at the Gao bus station." SourceReference="Police report 17/2019" SourceType="Police" DateSet="false" GradeOneIndex="1" GradeTwoIndex="2" GradeThreeIndex="0"/>
            <Card Summary="Interview" Text="He said Moussa paid him 50,000 francs." SourceReference="Witness W-4" SourceType="Witness" DateSet="false" GradeOneIndex="4" GradeTwoIndex="3" GradeThreeIndex="1"/>
          </CardCollection>
        </Entity>
      </End>
      <AttributeCollection>
        <Attribute AttributeClass="Armed" Value="true"/>
      </AttributeCollection>
    </ChartItem>
    <ChartItem Label="Moussa" XPosition="-40" DateSet="false" GradeOneIndex="2" GradeTwoIndex="1" GradeThreeIndex="0">
      <End X="-40" Y="200">
        <Entity EntityId="Suspect2" Identity="Moussa (Tombouctou)" LabelIsIdentity="false">
          <Icon><IconStyle Type="Suspect"/></Icon>
        </Entity>
      </End>
    </ChartItem>
    <ChartItem Label="Katiba Serma" XPosition="300" DateSet="false">
      <End X="300" Y="-10">
        <Entity EntityId="Org1" Identity="Katiba Serma" LabelIsIdentity="true">
          <Icon><IconStyle Type="Terrorist Organisation"/></Icon>
        </Entity>
      </End>
    </ChartItem>
    <ChartItem Label="+223 555 0101" XPosition="120" DateSet="false">
      <End X="120" Y="320">
        <Entity EntityId="Phone1" Identity="+223 555 0101" LabelIsIdentity="true">
          <Icon><IconStyle Type="Telephone"/></Icon>
        </Entity>
      </End>
      <AttributeCollection>
        <Attribute AttributeClass="Phone Number" Value="+223 555 0101"/>
      </AttributeCollection>
    </ChartItem>
    <ChartItem Label="Member Of" DateSet="true" DateTime="2019-03-02T00:00:00" XPosition="0">
      <Link End1Id="Org1" End2Id="Suspect1">
        <LinkStyle Type="Member Of" Strength="Confirmed" ArrowStyle="ArrowOnTail" MlStyle="MultiplicitySingle" LineWidth="1"/>
        <CardCollection>
          <Card Summary="Report 17, para. 5" Text="Moussa swore allegiance to the Serma katiba in March 2019." SourceReference="Police report 17/2019" SourceType="Police" DateSet="false" GradeOneIndex="1" GradeTwoIndex="1" GradeThreeIndex="0"/>
        </CardCollection>
      </Link>
    </ChartItem>
    <ChartItem Label="12 calls" XPosition="0" DateSet="false">
      <Link End1Id="Suspect2" End2Id="Phone1">
        <LinkStyle Type="Call" Strength="Tentative" ArrowStyle="ArrowNone" MlStyle="MultiplicityMultiple"/>
      </Link>
      <AttributeCollection>
        <Attribute AttributeClass="Calls" Value="12"/>
      </AttributeCollection>
    </ChartItem>
  </ChartItemCollection>
</Chart>
`;

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + i * 2] = unit & 0xff;
    bytes[3 + i * 2] = unit >> 8;
  }
  return bytes;
}

let tmp: ReturnType<typeof tempFolder>;
beforeAll(() => {
  useBuiltInterchangeWorker();
  tmp = tempFolder('awb-anx-i2-');
});
afterAll(() => tmp.cleanup());

describe('an ANX chart as i2 Analyst’s Notebook writes it (UTF-16, described above)', () => {
  const load = async () => {
    const path = tmp.file('i2-chart.anx');
    writeFileSync(path, utf16le(I2_CHART));
    return (await parseFileInWorker(path)).graph;
  };

  it('reads every entity and link, nothing skipped', async () => {
    const g = await load();
    expect(g.format).toBe('anx');
    expect(g.entities.map((e) => e.label)).toEqual(['Moussa', 'Moussa', 'Katiba Serma', '+223 555 0101']);
    expect(g.links).toHaveLength(2);
    expect(g.skipped).toEqual([]);
  });

  it('types entities by the icon their i2 entity type is drawn with, and keeps identities that are not the label', async () => {
    const g = await load();
    expect(g.entities.map((e) => e.type)).toEqual(['person', 'person', 'armed_group', 'phone_number']);
    expect(g.entities.map((e) => e.attributes.Identity)).toEqual(['Moussa (passport ML0448812)', 'Moussa (Tombouctou)', undefined, undefined]);
    expect(g.entities[0]).toMatchObject({ key: 'Suspect1', description: 'Recruiter in Gao', position: { x: 120, y: 80 }, attributes: { Armed: true } });
    expect(g.entities[3]?.attributes['Phone Number']).toBe('+223 555 0101');
  });

  it('reads links with i2’s arrows (ArrowOnTail points back), strengths, dates and typed attributes', async () => {
    const g = await load();
    expect(g.links[0]).toMatchObject({ type: 'member_of', sourceKey: 'Suspect1', targetKey: 'Org1', directed: true, strength: 'confirmed', startDate: '2019-03-02' });
    expect(g.links[1]).toMatchObject({ sourceKey: 'Suspect2', targetKey: 'Phone1', directed: false, strength: 'tentative', label: '12 calls', attributes: { Calls: 12 } });
  });

  it('turns every card into a citation of its source, with its quote, summary and grades', async () => {
    const g = await load();
    const sources = new Map(g.sources.map((s) => [s.key, s]));
    const cards = g.citations.filter((c) => !sources.get(c.sourceKey)?.ofFile).map((c) => ({
      on: c.target.key,
      quote: c.quote,
      locator: c.locator,
      credibility: c.credibility,
      source: sources.get(c.sourceKey)?.title,
      type: sources.get(c.sourceKey)?.publisher,
      reliability: sources.get(c.sourceKey)?.reliability,
    }));
    expect(cards).toEqual([
      { on: 'Suspect1', quote: 'Moussa recruits young men at the Gao bus station.', locator: 'Report 17, para. 3', credibility: 3, source: 'Police report 17/2019', type: 'Police', reliability: 'B' },
      { on: 'Suspect1', quote: 'He said Moussa paid him 50,000 francs.', locator: 'Interview', credibility: 4, source: 'Witness W-4', type: 'Witness', reliability: 'E' },
      { on: 'link:4', quote: 'Moussa swore allegiance to the Serma katiba in March 2019.', locator: 'Report 17, para. 5', credibility: 2, source: 'Police report 17/2019', type: 'Police', reliability: 'B' },
    ]);
    // One source per reference and grade: the police report's two cards share it.
    expect(g.sources.filter((s) => s.title === 'Police report 17/2019')).toHaveLength(1);
  });

  it('reads cards kept on the chart item itself as well as on its entity or link', async () => {
    const path = tmp.file('item-cards.anx');
    const moved = I2_CHART.replace(/(<\/Icon>\s*)(<CardCollection>[\s\S]*?<\/CardCollection>)(\s*<\/Entity>\s*<\/End>)/, '$1$3\n      $2');
    expect(moved).not.toBe(I2_CHART);
    writeFileSync(path, utf16le(moved));
    const { graph } = await parseFileInWorker(path);
    expect(graph.citations.filter((c) => c.target.key === 'Suspect1').map((c) => c.quote)).toEqual(['Moussa recruits young men at the Gao bus station.', 'He said Moussa paid him 50,000 francs.']);
  });

  it('an item graded without cards is cited as the file, graded so', async () => {
    const g = await load();
    const fileSources = g.sources.filter((s) => s.ofFile);
    expect(fileSources.map((s) => s.reliability)).toEqual(['C']);
    const cited = g.citations.filter((c) => fileSources.some((s) => s.key === c.sourceKey));
    expect(cited).toEqual([expect.objectContaining({ target: { kind: 'entity', key: 'Suspect2' }, quote: 'Moussa', credibility: 2 })]);
  });
});
