import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import countries50m from 'world-atlas/countries-50m.json';

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

let cached: CountryFeature[] | null = null;

/** The country outlines (Natural Earth 1:50m), converted from TopoJSON once per window. */
export function countryOutlines(): CountryFeature[] {
  cached ??= (feature(countries50m, countries50m.objects.countries).features as CountryFeature[]).filter((f) => f.geometry !== null);
  return cached;
}
