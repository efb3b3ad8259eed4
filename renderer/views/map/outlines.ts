import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

let loading: Promise<CountryFeature[]> | null = null;

/**
 * The country outlines (Natural Earth 1:50m from world-atlas), converted from TopoJSON once per
 * window. The file is a chunk of the app's own bundle, loaded when the map is first shown (from
 * the app's origin, like the rest of the app: no request leaves the machine).
 */
export function loadCountryOutlines(): Promise<CountryFeature[]> {
  loading ??= import('world-atlas/countries-50m.json').then(({ default: topology }) =>
    (feature(topology, topology.objects.countries).features as CountryFeature[]).filter((f) => f.geometry !== null),
  );
  return loading;
}
