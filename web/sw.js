// Safe Spaces service worker: keeps a complete copy of the app shell (page, styles, scripts,
// wasm, data, manifest, icons) so the app starts with no connection, and the last map tiles
// of our own server seen, so an offline workshop still has its map. It is not the app's
// offline data (that is in IndexedDB), it never answers /api/ (the live sync), and it leaves
// other sites' tiles to the network and the browser's HTTP cache. shell.js registers it;
// start reading at 'fetch'.
// Sections: [SECTION] What is kept, [SECTION] Snapshots, [SECTION] Map tiles, [SECTION] Events.
'use strict';

// [SECTION] What is kept

// Every file of the web build except this one, relative to this file. The browser test
// tests/browser/offline_app.test.mjs fails if a file in build/web/dist is missing here.
const SHELL = [
  'index.html', 'app.css', 'shell.js', 'mirror.js', 'app.js', 'app.wasm', 'app.data',
  'manifest.webmanifest', 'icon.svg', 'icons/icon-192.png', 'icons/icon-512.png',
  'icons/icon-maskable-512.png', 'icons/apple-touch-icon.png',
];
const STORE = 'safespaces-app-v1';  // change it when the way this file stores things changes
const NAVIGATION_WAIT_MS = 2500;    // ms a page load waits for a newer app before starting the copy it has

// The app's files have fixed names and must match each other (app.js only works with the
// app.wasm and app.data of its own build). So they are kept as whole snapshots, one cache
// per deployment, named by a version made from the server's ETags. The page never gets
// half of one deployment and half of another, even when the Wi-Fi drops mid-download.
// A small record in the cache named STORE says which snapshot is current and which newer
// one is complete and waiting for the next page load.
const STATE_KEY = new URL('safespaces-sw-state', self.location).href;  // a key only; never served

// [SECTION] Snapshots

let state = null;                      // {current, ready}: snapshot cache names, as last read or written
let stateChanges = Promise.resolve();  // state changes run one after another
let download = null;                   // the download in progress, shared by every page that asks
let writing = null;                    // the snapshot being written, which cleaning must leave alone

async function readState() {
  if (!state) {
    try {
      const saved = await caches.match(STATE_KEY, { cacheName: STORE });
      state = saved ? await saved.json() : null;
    } catch (err) {
      state = null;  // unreadable: start again; the next download makes a new snapshot
    }
    state = state || { current: null, ready: null };
  }
  return state;
}

// Applies change(state) -> state, saves it, then drops snapshots nothing points to.
function changeState(change) {
  const done = stateChanges.then(async () => {
    const before = await readState();
    const after = change({ ...before });
    if (after.current !== before.current || after.ready !== before.ready) {
      const cache = await caches.open(STORE);
      await cache.put(STATE_KEY, new Response(JSON.stringify(after), { headers: { 'Content-Type': 'application/json' } }));
      state = after;
    }
    await dropUnusedSnapshots(after);
    return after;
  });
  stateChanges = done.catch(() => {});
  return done;
}

async function dropUnusedSnapshots(kept) {
  for (const name of await caches.keys()) {
    // Only ours: other caches of this origin (map tiles: TILES) have other names.
    if (!name.startsWith('safespaces-app-') || name === STORE) continue;
    if (name === kept.current || name === kept.ready || name === writing) continue;
    await caches.delete(name);
  }
}

async function versionOf(responses) {
  const tags = responses.map((response) => response.headers.get('ETag'));
  // Without tags there is nothing to compare, so every download counts as new: wasteful, never stale.
  if (tags.some((tag) => !tag)) return `t${Date.now()}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(tags.join('\n')));
  return Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Asks the server for every shell file. 'no-cache' revalidates with the ETag, so a file that
// has not changed costs a 304, not a download. If any file changed, all of them are stored
// as a new snapshot. Resolves to the snapshot's name; rejects, storing nothing usable, if
// any file could not be had.
async function fetchSnapshot() {
  const responses = await Promise.all(SHELL.map(async (path) => {
    const response = await fetch(new URL(path, self.location), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response;
  }));
  const name = `${STORE}-${await versionOf(responses)}`;
  const { current, ready } = await readState();
  if (name === current || name === ready) return name;
  writing = name;
  try {
    await caches.delete(name);  // a leftover of a download that was cut off
    const cache = await caches.open(name);
    await Promise.all(SHELL.map((path, i) => cache.put(new URL(path, self.location), responses[i])));
  } finally {
    writing = null;
  }
  return name;
}

// Downloads the newest app and records it: as current if there is none yet, otherwise as
// ready for the next page load (swapping files under a page that is running would mix builds).
function downloadApp() {
  if (!download) {
    download = fetchSnapshot()
      .then((name) => changeState((s) => (s.current ? { current: s.current, ready: name === s.current ? null : name }
        : { current: name, ready: null })))
      .finally(() => { download = null; });
  }
  return download;
}

// A page load is the one safe moment to switch to a newer complete snapshot.
async function startNewest() {
  const s = await changeState((now) => (now.ready ? { current: now.ready, ready: null } : now));
  return s.current;
}

function fromSnapshot(name, path) {
  if (!name) return Promise.resolve(undefined);
  // ignoreVary: the server varies on Accept-Encoding, which the browser adds itself.
  return caches.match(new URL(path, self.location), { cacheName: name, ignoreVary: true });
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Network first, as a whole: a page load waits a little for the newest app, so a new
// deployment starts on the next load that has a connection. Offline the download fails at
// once, and on slow Wi-Fi the wait ends, and the app starts from the copy it has; a download
// that finishes later is used by the next page load.
async function startPage(event, path) {
  const downloaded = downloadApp().catch(() => {});
  event.waitUntil(downloaded);
  await Promise.race([downloaded, wait(NAVIGATION_WAIT_MS)]);
  const current = await startNewest().catch(() => null);
  return (await fromSnapshot(current, path)) || fetch(event.request);
}

// The rest of the page's files come from the snapshot its page load chose.
async function serveFile(request, path) {
  const { current } = await readState();
  return (await fromSnapshot(current, path)) || fetch(request);
}

// Which shell file a request is for, or null for anything this worker leaves alone.
function shellPathOf(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  const base = new URL('./', self.location);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  const path = url.pathname.slice(base.pathname.length);
  // A page load may carry a query; a session's join link (join/KXM4P7) is the same page too,
  // which reads the code from its address. All are the one page.
  if (request.mode === 'navigate') {
    return path === '' || path === 'index.html' || /^join\/[^/]+$/.test(path) ? 'index.html' : null;
  }
  return url.search === '' && SHELL.includes(path) ? path : null;
}

// [SECTION] Map tiles

// Our own /tiles/ answers, cache first: a tile seen once is there offline. Kept in the order
// stored, oldest dropped first. Tiles are not revalidated: if the server's map changes,
// rename TILES. Other servers' tiles never come here: their own Cache-Control keeps them in
// the browser's HTTP cache, and their terms of use are theirs to set.
const TILES = 'safespaces-tiles-v1';
const TILES_KEPT = 500;  // tiles, about 10 MB at ~20 KB each

let tileTrim = Promise.resolve();  // trims run one after another

function isOwnTile(request) {
  if (request.method !== 'GET') return false;
  const url = new URL(request.url);
  return url.origin === self.location.origin && url.pathname.startsWith('/tiles/');
}

async function serveTile(event) {
  let cache = null;
  try {
    cache = await caches.open(TILES);
    const kept = await cache.match(event.request, { ignoreVary: true });
    if (kept) return kept;
  } catch (err) {
    cache = null;  // no storage here (a full disk, say): the network alone
  }
  const response = await fetch(event.request);
  if (cache && response.status === 200) {
    event.waitUntil(cache.put(event.request, response.clone()).then(trimTiles).catch(() => {}));
  }
  return response;
}

function trimTiles() {
  tileTrim = tileTrim.then(async () => {
    const cache = await caches.open(TILES);
    const keys = await cache.keys();  // in the order stored
    for (const key of keys.slice(0, Math.max(0, keys.length - TILES_KEPT))) await cache.delete(key);
  }).catch(() => {});
  return tileTrim;
}

// [SECTION] Events

self.addEventListener('install', (event) => {
  // The first copy must be complete before this worker serves anything; if the connection
  // drops, installing fails and the browser tries again on a later visit.
  event.waitUntil(downloadApp().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Take over the page that registered us, so it works offline from its next load on
  // without a reload first; its files are the ones just stored.
  event.waitUntil(readState().then(dropUnusedSnapshots).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  // Only the shell's own files and our own tiles are answered here. /api/, other sites (their
  // map tiles too) and everything else go to the network untouched and are never stored.
  if (isOwnTile(event.request)) {
    event.respondWith(serveTile(event));
    return;
  }
  const path = shellPathOf(event.request);
  if (!path) return;
  event.respondWith(event.request.mode === 'navigate' ? startPage(event, path) : serveFile(event.request, path));
});
