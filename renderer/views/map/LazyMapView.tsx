import { Classes } from '@blueprintjs/core';
import { lazy, Suspense } from 'react';

/**
 * The map view's code (d3-geo, topojson-client) and its outlines are chunks of the app's bundle
 * loaded the first time the map is shown, so the window opens without them; they come from the
 * app's own origin like the rest of the app.
 */
const MapViewChunk = lazy(() => import('./MapView').then((module) => ({ default: module.MapView })));

export function LazyMapView() {
  return (
    <Suspense fallback={<p className={`map-loading ${Classes.TEXT_MUTED}`}>Loading the map…</p>}>
      <MapViewChunk />
    </Suspense>
  );
}
