import { RELIABILITY_GRADES, type Credibility, type Reliability } from '../../domain';

/**
 * STIX 2.1 vocabularies the codec needs: the confidence scale mapped to the Admiralty credibility
 * grades, the TLP marking definitions (1.0 built into STIX 2.1, 2.0 from the OASIS TLP 2.0
 * extension), and the type and relationship mappings between STIX and our catalogues.
 */

/**
 * Admiralty credibility → STIX confidence, as the STIX 2.1 confidence appendix maps the scale:
 * 1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10; 6 ("truth cannot be judged") is no confidence at all.
 */
export function credibilityToConfidence(credibility: Credibility): number | undefined {
  return credibility === 6 ? undefined : 90 - (credibility - 1) * 20;
}

/** STIX confidence → Admiralty credibility: 80–100 → 1, 60–79 → 2, 40–59 → 3, 20–39 → 4, 0–19 → 5; absent → 6. */
export function confidenceToCredibility(confidence: number | undefined): Credibility {
  if (confidence === undefined || !Number.isFinite(confidence)) return 6;
  if (confidence >= 80) return 1;
  if (confidence >= 60) return 2;
  if (confidence >= 40) return 3;
  if (confidence >= 20) return 4;
  return 5;
}

/**
 * OpenCTI reliability (`x_opencti_reliability`, its `reliability_ov` vocabulary: "A - Completely
 * reliable", "B - Usually reliable", "C - Fairly reliable", "D - Not usually reliable", "E -
 * Unreliable", "F - Reliability cannot be judged") is the Admiralty source-reliability scale, so
 * each letter maps onto the same grade of ours. Anything else (a custom vocabulary) is not graded.
 */
export function openCtiReliabilityToReliability(value: unknown): Reliability | undefined {
  if (typeof value !== 'string') return undefined;
  const letter = /^\s*([A-Fa-f])(?:\s*[-–:]|\s*$)/.exec(value)?.[1]?.toUpperCase();
  return RELIABILITY_GRADES.find((g) => g === letter);
}

/**
 * OpenCTI score (`x_opencti_score`, 0–100: how confident the platform is that an indicator or
 * observable is what it is said to be) → Admiralty credibility, on the same bands as STIX
 * confidence: 80–100 → 1 (confirmed), 60–79 → 2 (probably true), 40–59 → 3 (possibly true),
 * 20–39 → 4 (doubtful), 0–19 → 5 (improbable). Used only where the object gives no `confidence`.
 */
export function openCtiScoreToCredibility(score: number): Credibility {
  return confidenceToCredibility(Math.min(100, Math.max(0, score)));
}

export interface TlpMarking {
  id: string;
  /** "TLP:AMBER", "TLP:CLEAR" … as written on the marking and kept in the `tlp` attribute. */
  name: string;
  version: '1.0' | '2.0';
  level: string;
}

export const TLP_MARKINGS: readonly TlpMarking[] = [
  { id: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', name: 'TLP:WHITE', version: '1.0', level: 'white' },
  { id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', name: 'TLP:GREEN', version: '1.0', level: 'green' },
  { id: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', name: 'TLP:AMBER', version: '1.0', level: 'amber' },
  { id: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', name: 'TLP:RED', version: '1.0', level: 'red' },
  { id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', name: 'TLP:CLEAR', version: '2.0', level: 'clear' },
  { id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', name: 'TLP:GREEN', version: '2.0', level: 'green' },
  { id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', name: 'TLP:AMBER', version: '2.0', level: 'amber' },
  { id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', name: 'TLP:AMBER+STRICT', version: '2.0', level: 'amber+strict' },
  { id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', name: 'TLP:RED', version: '2.0', level: 'red' },
];

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The marking for a `tlp` attribute (and `tlp_version`), or undefined for an unknown label. */
export function tlpMarkingFor(name: string, version: string | undefined): TlpMarking | undefined {
  const upper = name.trim().toUpperCase();
  const wanted = version === '2.0' || upper === 'TLP:CLEAR' || upper === 'TLP:AMBER+STRICT' ? '2.0' : '1.0';
  return TLP_MARKINGS.find((m) => m.name === upper && m.version === wanted);
}

/** The STIX marking-definition object of a TLP marking, as the specifications publish it. */
export function tlpMarkingObject(marking: TlpMarking): Record<string, unknown> {
  if (marking.version === '1.0') {
    return {
      type: 'marking-definition',
      spec_version: '2.1',
      id: marking.id,
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      name: marking.name,
      definition: { tlp: marking.level },
    };
  }
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: marking.id,
    created: '2022-10-01T00:00:00.000Z',
    name: marking.name,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: marking.level } },
  };
}

/** STIX relationship types with the same meaning as one of ours. */
export const STIX_TO_LINK_TYPE: Record<string, string> = {
  'related-to': 'related_to',
  targets: 'targets',
  'located-at': 'located_in',
};

export const LINK_TYPE_TO_STIX: Record<string, string> = {
  related_to: 'related-to',
  targets: 'targets',
  located_in: 'located-at',
};

/** Our entity types → the STIX object that carries them (identity classes where it is an identity). */
export const ENTITY_TYPE_TO_STIX: Record<string, { type: string; identityClass?: string }> = {
  armed_group: { type: 'threat-actor' },
  person: { type: 'identity', identityClass: 'individual' },
  // A state or place without a region, country or coordinates cannot be a STIX location: it goes as an identity.
  state: { type: 'location', identityClass: 'organization' },
  place: { type: 'location', identityClass: 'unknown' },
  government_body: { type: 'identity', identityClass: 'organization' },
  armed_force: { type: 'identity', identityClass: 'organization' },
  international_organisation: { type: 'identity', identityClass: 'organization' },
  organisation: { type: 'identity', identityClass: 'organization' },
  coalition: { type: 'identity', identityClass: 'group' },
  group: { type: 'identity', identityClass: 'group' },
  ethnic_group: { type: 'identity', identityClass: 'class' },
  military_operation: { type: 'campaign' },
  event: { type: 'campaign' },
  revenue_source: { type: 'identity', identityClass: 'unknown' },
  document: { type: 'identity', identityClass: 'unknown' },
  other: { type: 'identity', identityClass: 'unknown' },
};

export const IDENTITY_CLASS_TO_ENTITY_TYPE: Record<string, string> = {
  individual: 'person',
  organization: 'organisation',
  group: 'group',
  class: 'group',
};

/** STIX object types whose objects become entities (with our type id for each). */
export const SDO_ENTITY_TYPES: Record<string, string> = {
  'threat-actor': 'group',
  'intrusion-set': 'group',
  campaign: 'event',
  identity: 'other',
  location: 'place',
  malware: 'malware',
  tool: 'tool',
  'attack-pattern': 'attack_pattern',
  vulnerability: 'vulnerability',
  'course-of-action': 'course_of_action',
  indicator: 'indicator',
  infrastructure: 'infrastructure',
  'observed-data': 'observed_data',
  incident: 'incident',
  'malware-analysis': 'malware_analysis',
};

/**
 * Standard STIX 2.1 object types that must carry `spec_version` (SDOs and SROs; not SCOs, whose
 * spec_version is optional, nor marking definitions, which 2.0 producers reuse from 2.1 bundles).
 */
export const STANDARD_VERSIONED_TYPES = new Set([
  ...Object.keys(SDO_ENTITY_TYPES),
  'relationship', 'sighting', 'report', 'grouping', 'note', 'opinion', 'language-content',
]);

/** Cyber-observable types (SCOs), imported as entities named by their value. */
export const SCO_TYPES = new Set([
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file', 'ipv4-addr', 'ipv6-addr',
  'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url', 'user-account', 'windows-registry-key', 'x509-certificate',
]);

/** STIX objects that carry their names in `aliases` (others get `x_analyst_workbench_aliases`). */
export const TYPES_WITH_ALIASES = new Set(['threat-actor', 'intrusion-set', 'campaign', 'malware', 'tool', 'infrastructure']);
export const TYPES_WITH_SEEN = new Set(['threat-actor', 'intrusion-set', 'campaign']);
