import {
  mdiAccount,
  mdiAccountGroup,
  mdiAccountMultiple,
  mdiBankOutline,
  mdiCalendarStar,
  mdiCash,
  mdiCrosshairsGps,
  mdiDomain,
  mdiEarth,
  mdiFileDocumentOutline,
  mdiFlag,
  mdiHandshake,
  mdiHelpCircleOutline,
  mdiMapMarker,
  mdiShieldAccount,
  mdiSwordCross,
} from '@mdi/js';

/** How one kind of entity looks and what it is called. Icons are Material Design Icons paths (24x24). */
export interface EntityTypeDefinition {
  id: string;
  label: string;
  /** Plural for legends and counts. */
  plural: string;
  /** SVG path data in a 24x24 box. */
  iconPath: string;
  /** Fill of the node disc: chosen to stay distinct in print and for common colour blindness. */
  color: string;
}

/** The catalogue of entity types. Order is the legend's order. */
export const ENTITY_TYPES: readonly EntityTypeDefinition[] = [
  { id: 'armed_group', label: 'Armed group', plural: 'Armed groups', iconPath: mdiSwordCross, color: '#c0392b' },
  { id: 'person', label: 'Person', plural: 'People', iconPath: mdiAccount, color: '#2e86c1' },
  { id: 'state', label: 'State', plural: 'States', iconPath: mdiFlag, color: '#1e8449' },
  { id: 'government_body', label: 'Government body', plural: 'Government bodies', iconPath: mdiBankOutline, color: '#117a65' },
  { id: 'armed_force', label: 'Armed force', plural: 'Armed forces', iconPath: mdiShieldAccount, color: '#5d6d7e' },
  { id: 'international_organisation', label: 'International organisation', plural: 'International organisations', iconPath: mdiEarth, color: '#7d3c98' },
  { id: 'coalition', label: 'Coalition', plural: 'Coalitions', iconPath: mdiHandshake, color: '#a569bd' },
  { id: 'organisation', label: 'Organisation', plural: 'Organisations', iconPath: mdiDomain, color: '#6e2c00' },
  { id: 'military_operation', label: 'Military operation', plural: 'Military operations', iconPath: mdiCrosshairsGps, color: '#d35400' },
  { id: 'place', label: 'Place', plural: 'Places', iconPath: mdiMapMarker, color: '#239b56' },
  { id: 'ethnic_group', label: 'Ethnic group', plural: 'Ethnic groups', iconPath: mdiAccountMultiple, color: '#b7950b' },
  { id: 'revenue_source', label: 'Revenue source', plural: 'Revenue sources', iconPath: mdiCash, color: '#148f77' },
  { id: 'event', label: 'Event', plural: 'Events', iconPath: mdiCalendarStar, color: '#cb4335' },
  { id: 'group', label: 'Group', plural: 'Groups', iconPath: mdiAccountGroup, color: '#34495e' },
  { id: 'document', label: 'Document', plural: 'Documents', iconPath: mdiFileDocumentOutline, color: '#515a5a' },
  { id: 'other', label: 'Other', plural: 'Other', iconPath: mdiHelpCircleOutline, color: '#7f8c8d' },
];

const BY_ID = new Map(ENTITY_TYPES.map((t) => [t.id, t]));
const OTHER = BY_ID.get('other') as EntityTypeDefinition;

/** The definition for a type id; an unknown id (e.g. from an import) draws as "other" but keeps its id. */
export function entityTypeDefinition(id: string): EntityTypeDefinition {
  return BY_ID.get(id) ?? OTHER;
}

export function isKnownEntityType(id: string): boolean {
  return BY_ID.has(id);
}
