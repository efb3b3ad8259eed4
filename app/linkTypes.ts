/** How one kind of link reads on the chart. */
export interface LinkTypeDefinition {
  id: string;
  /** Reads "source <label> target", e.g. "Ansar al-Din" founding faction of "JNIM". */
  label: string;
  /** False for symmetric relations (rival of, allied with): drawn without an arrow. */
  directed: boolean;
  /** Hostile relations draw in red so opposition stands out from affiliation. */
  tone: 'affiliation' | 'hostile' | 'neutral';
}

/** The catalogue of link types. */
export const LINK_TYPES: readonly LinkTypeDefinition[] = [
  { id: 'founding_faction_of', label: 'founding faction of', directed: true, tone: 'affiliation' },
  { id: 'merged_into', label: 'merged into', directed: true, tone: 'affiliation' },
  { id: 'branch_of', label: 'branch of', directed: true, tone: 'affiliation' },
  { id: 'affiliate_of', label: 'affiliate of', directed: true, tone: 'affiliation' },
  { id: 'subordinate_to', label: 'under the command of', directed: true, tone: 'affiliation' },
  { id: 'pledged_allegiance_to', label: 'pledged allegiance to', directed: true, tone: 'affiliation' },
  { id: 'leads', label: 'leads', directed: true, tone: 'affiliation' },
  { id: 'formerly_led', label: 'formerly led', directed: true, tone: 'affiliation' },
  { id: 'member_of', label: 'member of', directed: true, tone: 'affiliation' },
  { id: 'part_of', label: 'part of', directed: true, tone: 'neutral' },
  { id: 'allied_with', label: 'allied with', directed: false, tone: 'affiliation' },
  { id: 'supports', label: 'supports', directed: true, tone: 'affiliation' },
  { id: 'funds', label: 'funds', directed: true, tone: 'affiliation' },
  { id: 'recruits_from', label: 'recruits from', directed: true, tone: 'neutral' },
  { id: 'rival_of', label: 'rival of', directed: false, tone: 'hostile' },
  { id: 'opposes', label: 'opposes', directed: true, tone: 'hostile' },
  { id: 'fights', label: 'fights', directed: true, tone: 'hostile' },
  { id: 'attacked', label: 'attacked', directed: true, tone: 'hostile' },
  { id: 'targets', label: 'targets', directed: true, tone: 'hostile' },
  { id: 'operates_in', label: 'operates in', directed: true, tone: 'neutral' },
  { id: 'located_in', label: 'located in', directed: true, tone: 'neutral' },
  { id: 'conducted', label: 'conducted', directed: true, tone: 'neutral' },
  { id: 'participated_in', label: 'participated in', directed: true, tone: 'neutral' },
  { id: 'commands', label: 'commands', directed: true, tone: 'affiliation' },
  { id: 'negotiates_with', label: 'negotiates with', directed: true, tone: 'neutral' },
  { id: 'related_to', label: 'related to', directed: false, tone: 'neutral' },
  { id: 'created', label: 'created', directed: true, tone: 'neutral' },
  { id: 'issued', label: 'issued', directed: true, tone: 'neutral' },
  { id: 'addressed_to', label: 'addressed to', directed: true, tone: 'neutral' },
  { id: 'reports_on', label: 'reports on', directed: true, tone: 'neutral' },
];

const BY_ID = new Map(LINK_TYPES.map((t) => [t.id, t]));

/** The definition for a link type; unknown ids read as their id with underscores spaced. */
export function linkTypeDefinition(id: string): LinkTypeDefinition {
  return BY_ID.get(id) ?? { id, label: id.replace(/_/g, ' '), directed: true, tone: 'neutral' };
}

export function isKnownLinkType(id: string): boolean {
  return BY_ID.has(id);
}
