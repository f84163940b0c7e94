// The client benchmark beside its peer: our web app and a Leaflet + leaflet.markercluster page
// (bench/peer-leaflet) showing the same places from the same server and tiles, each in a fresh
// browser context of headless Chromium as a phone (390x844, devicePixelRatio 3, touch), on a
// full-speed or a Slow 4G network. One round: start time to a usable map, then CPU per frame,
// frame timing, long tasks and heaps while a finger pans and pinches, and what was downloaded.
// A benchmark, not a test: it writes one round's JSON (tools/bench-compare.sh takes medians),
// with null for an app that failed, and exits 1 when either had a problem.
// Start at main(); "usable" is defined in README "Benchmarks" and at usableMark().
//
// Usage: node tools/bench-client.mjs --url URL --places N --network fast|slow4g [--seconds S] --json FILE
//        node tools/bench-client.mjs --assemble DIR [--dist DIST]
// URL is safespaces-server started with --web DIR --tiles FILE on a data folder with N demo
// places, where DIR was made by --assemble: our built client (DIST, default build/web/dist),
// the peer page under DIR/peer/leaflet/ and Leaflet's files from node_modules beside it.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEVICES, launchBrowser, press } from '../tests/browser/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 300000;  // ms: 10,000 places on Slow 4G under software GL, with room
const SETTLE_MS = 1000;           // ms between the usable map and the frame phase
const NETWORK_QUIET_MS = 1500;    // ms without a request in flight before the downloads are summed
const SAMPLE_MS = 250;            // ms between CPU samples during the frame phase
const MOVE_INTERVAL_MS = 16;      // ms: a finger reports about 60 times a second
const MB = 1048576;               // bytes

// Chrome DevTools' "Slow 4G" preset (its NetworkManager's Slow4GConditions, called "Fast 3G"
// before Chrome 119): 1.6 Mbit/s down and 750 kbit/s up at 150 ms round trips, scaled as
// DevTools scales them (throughput x 0.9, latency x 3.75). The CPU is not throttled.
const SLOW_4G = {
  offline: false,
  downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9,  // bytes/s
  uploadThroughput: (750 * 1000 / 8) * 0.9,          // bytes/s
  latency: 150 * 3.75,                               // ms
};

const APPS = {
  ours: { path: '/', mark: 'safespaces-map-usable' },
  leaflet: { path: '/peer/leaflet/index.html', mark: 'leaflet-map-usable' },
};

function usage() {
  return 'usage: node tools/bench-client.mjs --url URL --places N --network fast|slow4g [--seconds S] --json FILE\n' +
    '       node tools/bench-client.mjs --assemble DIR [--dist DIST]';
}

function parseArgs(argv) {
  const args = { url: '', places: 0, network: 'fast', seconds: 10, json: '', assemble: '',
    dist: path.join(ROOT, 'build/web/dist') };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value\n${usage()}`);
    if (flag === '--url') args.url = value.replace(/\/$/, '');
    else if (flag === '--places') args.places = Number(value);
    else if (flag === '--network') args.network = value;
    else if (flag === '--seconds') args.seconds = Number(value);
    else if (flag === '--json') args.json = value;
    else if (flag === '--assemble') args.assemble = value;
    else if (flag === '--dist') args.dist = path.resolve(value);
    else throw new Error(`unknown argument ${flag}\n${usage()}`);
  }
  if (args.assemble) return args;
  if (!args.url || !args.json || !(args.places > 0)) throw new Error(`--url, --places and --json are needed\n${usage()}`);
  if (!['fast', 'slow4g'].includes(args.network)) throw new Error(`--network is fast or slow4g\n${usage()}`);
  if (!(args.seconds >= 2)) throw new Error('--seconds is at least 2 (half panning, half pinching)');
  return args;
}

// [SECTION] The web folder: our client, the peer page and Leaflet's files, one origin

function assemble(dir, dist) {
  mkdirSync(dir, { recursive: true });
  cpSync(dist, dir, { recursive: true });
  const peer = path.join(dir, 'peer/leaflet');
  cpSync(path.join(ROOT, 'bench/peer-leaflet'), peer, { recursive: true });
  const leaflet = path.join(ROOT, 'node_modules/leaflet/dist');
  const cluster = path.join(ROOT, 'node_modules/leaflet.markercluster/dist');
  for (const file of ['leaflet.js', 'leaflet.css', 'images'])
    cpSync(path.join(leaflet, file), path.join(peer, 'vendor/leaflet', file), { recursive: true });
  for (const file of ['leaflet.markercluster.js', 'MarkerCluster.css', 'MarkerCluster.Default.css'])
    cpSync(path.join(cluster, file), path.join(peer, 'vendor/markercluster', file));
  console.log(`web folder for the client benchmark: ${dir}`);
}

// [SECTION] Downloads: every response the page received, by what it was for

// Counts encodedDataLength (bytes on the wire: headers and the body as sent, gzipped when it
// was) of every request the page made, from CDP's Network domain.
function watchDownloads(session) {
  const seen = { requests: new Map(), inFlight: new Set(), lastChange: Date.now() };
  session.on('Network.requestWillBeSent', (e) => {
    seen.requests.set(e.requestId, { url: e.request.url, bytes: 0 });
    seen.inFlight.add(e.requestId);
    seen.lastChange = Date.now();
  });
  const done = (e, bytes) => {
    const request = seen.requests.get(e.requestId);
    if (request) request.bytes = bytes;
    seen.inFlight.delete(e.requestId);
    seen.lastChange = Date.now();
  };
  session.on('Network.loadingFinished', (e) => done(e, e.encodedDataLength));
  session.on('Network.loadingFailed', (e) => done(e, 0));
  return seen;
}

// Everything, and the app alone: not the places (/api/) and not the map's tiles (/tiles/).
function downloadSums(seen) {
  let all = 0;
  let app = 0;
  for (const { url, bytes } of seen.requests.values()) {
    all += bytes;
    const { pathname } = new URL(url);
    if (!pathname.startsWith('/api/') && !pathname.startsWith('/tiles/')) app += bytes;
  }
  return { all, app };
}

async function networkQuiet(seen, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && (seen.inFlight.size > 0 || Date.now() - seen.lastChange < NETWORK_QUIET_MS))
    await sleep(100);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// [SECTION] Start: navigation to a usable map

// "Usable" is a mark each page makes itself on its performance timeline (ms since navigation):
// ours (runtime.cpp, MapUsable) in the first frame that drew the map screen with every place
// the server had and every tile in view; the peer (bench/peer-leaflet/main.js) in the first
// animation frame after every place is in its cluster group and its tile layer said "load".
async function usableMark(page, name) {
  const handle = await page.waitForFunction((n) => {
    const entry = performance.getEntriesByName(n, 'mark')[0];
    return entry ? entry.startTime : false;
  }, name, { timeout: START_TIMEOUT_MS, polling: 50 });
  return handle.jsonValue();
}

// Our app opens on the welcome (a first visit) and the home screen: a young person taps "Skip"
// and "Explore the map". Those taps go through the page's mirror as soon as each is there, so
// they cost a frame each; the places sync from the first frame whatever the screen.
async function openOurMap(page) {
  await page.waitForFunction(() => window.safespaces && window.safespaces.ready, null, { timeout: START_TIMEOUT_MS });
  const screen = await page.evaluate(() => window.safespaces.ui.screen);
  if (screen === 'Welcome to Safe Spaces') {
    await press(page, 'button', 'Skip');
    await page.waitForFunction(() => window.safespaces.ui.screen === 'Safe Spaces: home', null, { timeout: 60000 });
  }
  await press(page, 'button', 'Explore the map');
}

// [SECTION] Frames: a finger pans and pinches, the page counts animation frames

// In the page: every animation frame's time, and long tasks, from now on.
function installFrameCounter() {
  const counter = { times: [], longtasks: 0 };
  window.__frames = counter;
  const tick = (t) => { counter.times.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => { counter.longtasks += list.getEntries().length; }).observe({ type: 'longtask' });
}

async function touch(session, type, points) {
  await session.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
}

// Sends `step(i)` once a frame, at most every MOVE_INTERVAL_MS, without waiting for the page
// to take it (as tools/bench-map.mjs does: one move a frame, as on a phone that keeps up).
async function paced(page, count, end, step) {
  const sent = [];
  for (let i = 1; i <= count && Date.now() < end; i++) {
    const due = Date.now() + MOVE_INTERVAL_MS;
    sent.push(step(i));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(sent);
}

// One-finger strokes of 30 moves of 8 px, turning each time, then two fingers spreading from
// 80 to 280 px apart and back: the same input for both pages.
const STROKES = [[-8, 0], [0, -6], [8, 0], [0, 6], [-6, -6], [6, 6]];
async function panAndPinch(page, session, seconds) {
  const { width, height } = page.viewportSize();
  const [cx, cy] = [width / 2, height / 2];
  let end = Date.now() + seconds * 500;
  for (let s = 0; Date.now() < end; s++) {
    const [dx, dy] = STROKES[s % STROKES.length];
    const [sx, sy] = [cx - dx * 15, cy - dy * 15];
    await touch(session, 'touchStart', [[sx, sy]]);
    await paced(page, 30, end, (i) => touch(session, 'touchMove', [[sx + dx * i, sy + dy * i]]));
    await touch(session, 'touchEnd', []);
  }
  end = Date.now() + seconds * 500;
  for (let out = false; Date.now() < end; out = !out) {
    const gap = (i) => (out ? 280 - 200 * i / 25 : 80 + 200 * i / 25) / 2;
    await touch(session, 'touchStart', [[cx - gap(0), cy], [cx + gap(0), cy]]);
    await paced(page, 25, end, (i) => touch(session, 'touchMove', [[cx - gap(i), cy], [cx + gap(i), cy]]));
    await touch(session, 'touchEnd', []);
  }
}

// Main-thread CPU (CDP's TaskDuration, seconds) and frames, sampled every SAMPLE_MS while the
// input runs: each sample's CPU ms per frame, and their median.
async function measureFrames(page, session, seconds) {
  await page.evaluate(installFrameCounter);
  const ownFrom = await page.evaluate(() => (window.safespaces ? window.safespaces.frameCount : 0));
  const samples = [];
  const metric = async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    const frames = await page.evaluate(() => window.__frames.times.length);
    return { task_s: metrics.find((m) => m.name === 'TaskDuration').value, frames };
  };
  let running = true;
  const sampler = (async () => {
    let last = await metric();
    while (running) {
      await sleep(SAMPLE_MS);
      const now = await metric();
      if (now.frames > last.frames) samples.push(((now.task_s - last.task_s) * 1000) / (now.frames - last.frames));
      last = now;
    }
  })();
  await panAndPinch(page, session, seconds);
  running = false;
  await sampler;
  const { times, longtasks } = await page.evaluate(() => window.__frames);
  const intervals = times.slice(1).map((t, i) => t - times[i]);
  // Ours also times its own frame (runtime.cpp: wasm and JS, from events to the UI record),
  // which leaves out what the browser does around it: printed beside the JSON, not in it.
  const own = await page.evaluate((from) => {
    const s = window.safespaces;
    if (!s || !s.frameWholeMs) return [];
    const kept = s.frameWholeMs.length;
    const list = [];
    for (let i = Math.max(from, s.frameCount - kept); i < s.frameCount; i++) list.push(s.frameWholeMs[i % kept]);
    return list;
  }, ownFrom);
  return { cpu_ms: percentile(samples, 0.5), p95_ms: percentile(intervals, 0.95), longtasks, frames: times.length,
    own_ms: percentile(own, 0.5) };
}

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

// [SECTION] One app, one round

// After the frames, that the map really had every place: ours says "Showing N of N places"
// on its list; the peer counts its markers.
async function placesShown(page, app) {
  if (app === 'leaflet') return page.evaluate(() => window.peer.places);
  await press(page, 'button', 'List');
  const handle = await page.waitForFunction(() => {
    const item = (window.safespaces.ui?.items || []).find((i) => /^Showing \d+ of \d+ places/.test(i.name));
    return item ? Number(item.name.match(/of (\d+) places/)[1]) : false;
  }, null, { timeout: 60000, polling: 250 });
  return handle.jsonValue();
}

async function runApp(browser, args, app) {
  // A fresh context is an empty profile: a cold cache, nothing in IndexedDB. Service workers
  // are blocked: ours would copy the app for offline use after load and answer tiles from its
  // store, outside this page's network log.
  const context = await browser.newContext({ ...DEVICES.phone, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Performance.enable');
  if (args.network === 'slow4g') await session.send('Network.emulateNetworkConditions', SLOW_4G);
  const seen = watchDownloads(session);
  try {
    await page.goto(args.url + APPS[app].path, { waitUntil: 'commit' });
    if (app === 'ours') await openOurMap(page);
    const startMs = await usableMark(page, APPS[app].mark);
    await networkQuiet(seen);
    const downloads = downloadSums(seen);
    await sleep(SETTLE_MS);
    const frames = await measureFrames(page, session, args.seconds);
    const { metrics } = await session.send('Performance.getMetrics');
    const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    const wasmHeap = app === 'ours' ? await page.evaluate(() => window.safespaces.wasmHeapBytes || 0) : 0;
    const places = await placesShown(page, app);
    if (places !== args.places) problems.push(`the map had ${places} places, not ${args.places}`);
    return { startMs, frames, jsHeap, wasmHeap, downloads, places, problems };
  } finally {
    await context.close();
  }
}

const round2 = (n) => (n === null || n === undefined ? null : Math.round(n * 100) / 100);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.assemble) return assemble(path.resolve(args.assemble), args.dist);
  const { browser, close } = await launchBrowser();
  const runs = {};
  try {
    // An app that fails (never usable within START_TIMEOUT_MS, say) gets nulls; the other still runs.
    for (const app of Object.keys(APPS)) {
      runs[app] = await runApp(browser, args, app).catch((err) => ({ failed: true, problems: [String(err.message || err)],
        frames: {}, downloads: {} }));
    }
  } finally {
    await close();
  }
  const both = (pick) => Object.fromEntries(Object.entries(runs).map(([app, run]) => [app, run.failed ? null : pick(run)]));
  const result = {
    places: args.places,
    network: args.network,
    start_ms: both((r) => round2(r.startMs)),
    frame_cpu_ms: both((r) => round2(r.frames.cpu_ms)),
    frame_p95_ms: both((r) => round2(r.frames.p95_ms)),
    long_tasks: both((r) => r.frames.longtasks),
    js_heap_mb: both((r) => round2(r.jsHeap / MB)),
    wasm_heap_mb: { ours: runs.ours.failed ? null : round2(runs.ours.wasmHeap / MB) },
    download_gz_bytes: both((r) => r.downloads.all),
    app_gz_bytes: both((r) => r.downloads.app),
  };
  const problems = Object.entries(runs).flatMap(([app, run]) => run.problems.map((p) => `${app}: ${p}`));
  writeFileSync(args.json, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result));
  if (!runs.ours.failed) console.log(`ours: its own frame (wasm and JS, runtime.cpp) median ${round2(runs.ours.frames.own_ms)} ms over ` +
    `${runs.ours.frames.frames} frames; the rest of the main thread's time per frame is the browser's`);
  if (problems.length) {
    console.error(`problems:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
