// The Leaflet peer's map: reads the tile source and area from GET /api/v1/config, opens the
// same view as our app (the area's middle, the zoom that fits it to a phone, one closer),
// pages through GET /api/v1/places and puts every place in a marker cluster group, as the
// leaflet.markercluster README advises for many markers (addLayers, chunkedLoading).
// "Usable" (README, Benchmarks) is performance.mark('leaflet-map-usable'), made in the first
// animation frame after every place is in the cluster group and every tile in view has loaded.
'use strict';

const PAGE_SIZE = 500;  // places per request: the server's default page, the same as our app's sync

window.peer = { places: 0, done: false, error: '' };

// The same home view as our app (ParseMapConfig in src/client/client_data.cpp): the area's
// middle, at the zoom where the area fills 390 x 600 CSS px, one closer, 10 to 16.
function homeView(area) {
  const sw = L.CRS.EPSG3857.latLngToPoint(L.latLng(area.south, area.west), 0);
  const ne = L.CRS.EPSG3857.latLngToPoint(L.latLng(area.north, area.east), 0);
  const fit = Math.log2(Math.min(390 / Math.max(ne.x - sw.x, 1e-9), 600 / Math.max(sw.y - ne.y, 1e-9)));
  return { centre: [(area.south + area.north) / 2, (area.west + area.east) / 2],
    zoom: Math.min(16, Math.max(10, Math.floor(fit) + 1)) };
}

function textOf(words) {
  const p = document.createElement('p');
  p.textContent = words;
  return p;
}

async function getJson(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

async function start() {
  const config = await getJson('/api/v1/config');
  const view = homeView(config.area);
  const map = L.map('map', { zoomControl: true }).setView(view.centre, view.zoom);
  const tiles = config.tiles;
  const options = { attribution: tiles.attribution, minNativeZoom: tiles.min_zoom, maxNativeZoom: tiles.max_zoom,
    maxZoom: 19 };
  if (tiles.bounds) options.bounds = [[tiles.bounds.south, tiles.bounds.west], [tiles.bounds.north, tiles.bounds.east]];
  const layer = L.tileLayer(tiles.url, options);
  let tilesLoaded = false;
  layer.on('loading', () => { tilesLoaded = false; });
  layer.on('load', () => { tilesLoaded = true; markIfUsable(); });
  layer.addTo(map);

  let markersIn = false;
  let allFetched = false;
  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    chunkProgress: (processed, total) => { if (processed === total && allFetched) { markersIn = true; markIfUsable(); } },
  });
  map.addLayer(clusters);

  let marked = false;
  function markIfUsable() {
    if (marked || !tilesLoaded || !markersIn) return;
    marked = true;
    requestAnimationFrame(() => {
      performance.mark('leaflet-map-usable');
      window.peer.done = true;
    });
  }

  // Every page of places, then all of them into the cluster group at once.
  const markers = [];
  for (let cursor = '0'; ;) {
    const page = await getJson(`/api/v1/places?since=${encodeURIComponent(cursor)}&limit=${PAGE_SIZE}`);
    for (const place of page.places) {
      if (place.status && place.status !== 'approved') continue;
      if (typeof place.lat !== 'number') continue;
      const name = place.name;  // as text, never as HTML: the names are people's words
      markers.push(L.marker([place.lat, place.lon], { title: name }).bindPopup(() => textOf(name)));
    }
    cursor = page.cursor;
    if (!page.more) break;
  }
  allFetched = true;
  window.peer.places = markers.length;
  clusters.addLayers(markers);
  // addLayers without chunks to process (no markers) never calls chunkProgress.
  if (markers.length === 0) { markersIn = true; markIfUsable(); }
}

start().catch((err) => {
  window.peer.error = String(err);
  console.error(err);
});
