/**
 * Natural Earth's countries as world-atlas ships them (TopoJSON, public domain), bundled by Vite
 * with the renderer: the map needs no request to draw them. Typed here rather than inferred
 * from the 750 KB file.
 */
declare module 'world-atlas/countries-50m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';
  const topology: Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
  export default topology;
}
