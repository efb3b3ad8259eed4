/**
 * A small hand-made case for the analysis tests: two factions that merge in 2017 into one group,
 * a leader, an ally, a rival and an outsider, with graded citations.
 *
 *   A ──founding (2017-03-02)──► G ◄──founding (2017-03-02)── B
 *   L ──leads (2017-03)──► G      L ──formerly led (2012–2017)──► A
 *   G ──allied with (undated, B2)── Y     G ──rival of (2015–, C3)── R
 *   X (no links, undated)
 */
import type { AnalysisEntity, AnalysisInput, AnalysisLink } from '../filters';
import type { GradedCitation } from '../grades';

const entity = (id: string, type: string, startDate: string | null = null, endDate: string | null = null): AnalysisEntity => ({
  id,
  type,
  label: id === 'G' ? 'Group' : `Entity ${id}`,
  aliases: id === 'G' ? ['The Group'] : [],
  startDate,
  endDate,
});
const link = (id: string, type: string, sourceId: string, targetId: string, directed: boolean, startDate: string | null = null, endDate: string | null = null): AnalysisLink => ({
  id,
  type,
  sourceId,
  targetId,
  directed,
  startDate,
  endDate,
});
const cite = (id: string, grade: string): GradedCitation => ({
  target: { kind: 'link', id },
  reliability: grade[0] as GradedCitation['reliability'],
  credibility: Number(grade[1]) as GradedCitation['credibility'],
});

export const smallCase: AnalysisInput = {
  entities: [
    entity('A', 'armed_group', '2012', '2017-03-02'),
    entity('B', 'armed_group', '2013', '2017-03-02'),
    entity('G', 'armed_group', '2017-03-02'),
    entity('L', 'person'),
    entity('Y', 'armed_group'),
    entity('R', 'armed_group', '2014'),
    entity('X', 'place'),
  ],
  links: [
    link('a-g', 'founding_faction_of', 'A', 'G', true, '2017-03-02'),
    link('b-g', 'founding_faction_of', 'B', 'G', true, '2017-03-02'),
    link('l-g', 'leads', 'L', 'G', true, '2017-03'),
    link('l-a', 'formerly_led', 'L', 'A', true, '2012', '2017'),
    link('g-y', 'allied_with', 'G', 'Y', false),
    link('g-r', 'rival_of', 'G', 'R', false, '2015'),
  ],
  evidence: [
    cite('a-g', 'B2'),
    cite('b-g', 'B2'),
    cite('b-g', 'C1'),
    cite('l-g', 'A3'),
    cite('l-a', 'C3'),
    cite('g-y', 'B2'),
    cite('g-r', 'C3'),
    { target: { kind: 'entity', id: 'G' }, reliability: 'B', credibility: 1 },
  ],
};
