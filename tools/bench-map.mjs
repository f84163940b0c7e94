// The map's frame time in Chromium: opens the served app (a phone at 390x844, devicePixelRatio
// 3, touch; a laptop at 1440x900, mouse), waits until every place has synced, then drives
// the map with real input (CDP touch events, mouse drags and wheel, the zoom buttons) phase
// by phase and reads the app's own frame times (window.safespaces.frameMs and frameWholeMs,
// written by runtime.cpp through platform::ReportFrameTime), the page's long tasks and its
// memory. A benchmark, not a test: it prints a Markdown table and never fails on a number.
// tools/bench-map.sh starts the server with the demo set and runs this; start at main().
//
// Usage: node tools/bench-map.mjs --url URL [--places N] [--seconds S] [--devices phone,laptop] [--json FILE]
import { writeFileSync } from 'node:fs';
import { launchBrowser, openApp, tapButton, waitForScreen } from '../tests/browser/harness.mjs';

const SYNC_TIMEOUT_MS = 300000;  // ms; 10,000 places arrive in pages of 500; slow under software GL
const MOVE_INTERVAL_MS = 16;     // ms: a finger or mouse reports about 60 times a second
const SETTLE_MS = 1500;          // ms after the places arrive, before measuring: tiles, first clusters

function parseArgs(argv) {
  const args = { url: '', places: 10000, seconds: 5, devices: ['phone', 'laptop'], json: '' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--url') args.url = value.replace(/\/$/, '');
    else if (flag === '--places') args.places = Number(value);
    else if (flag === '--seconds') args.seconds = Number(value);
    else if (flag === '--devices') args.devices = value.split(',');
    else if (flag === '--json') args.json = value;
    else throw new Error(`unknown argument ${flag}\nusage: node tools/bench-map.mjs --url URL [--places N] ` +
      '[--seconds S] [--devices phone,laptop] [--json FILE]');
    i++;
  }
  if (!args.url) throw new Error('--url is required (tools/bench-map.sh starts a server and passes it)');
  return args;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// [SECTION] In the page: a collector of frame times, long tasks and UI sizes, by phase

// Copies the app's ring of frame times into a list tagged with the current phase, four times a
// second (the ring keeps 600 frames: ten seconds at 60 frames/s), notes long tasks, and counts
// the UI records the app hands the page (one per frame whose picture changed: proof that the
// input moved the map, and the mirror's work).
function installCollector() {
  const bench = { phase: 'setup', phaseStarts: [], seen: window.safespaces.frameCount || 0, lost: 0, frames: [],
    longtasks: [], items: [], records: {} };
  const onUiRecord = window.Module.onUiRecord;
  window.Module.onUiRecord = function (json) {
    bench.records[bench.phase] = (bench.records[bench.phase] || 0) + 1;
    return onUiRecord.call(this, json);
  };
  window.__bench = bench;
  bench.collect = () => {
    const s = window.safespaces;
    if (!s.frameMs) return;
    const kept = s.frameMs.length;
    let from = bench.seen;
    if (s.frameCount - from > kept) { bench.lost += s.frameCount - from - kept; from = s.frameCount - kept; }
    for (let i = from; i < s.frameCount; i++) bench.frames.push([bench.phase, s.frameMs[i % kept], s.frameWholeMs[i % kept]]);
    bench.seen = s.frameCount;
    if (s.ui) bench.items.push([bench.phase, s.ui.items.length]);
  };
  bench.startPhase = (name) => {
    bench.collect();
    bench.phase = name;
    bench.phaseStarts.push([name, performance.now()]);
  };
  bench.timer = setInterval(bench.collect, 250);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
}

async function startPhase(page, name) {
  await page.evaluate((n) => window.__bench.startPhase(n), name);
}

// [SECTION] Input: fingers and the mouse through Chrome DevTools Protocol

function cdp(page) {
  return page.cdpSession || (page.cdpSession = page.context().newCDPSession(page));
}

async function touch(page, type, points) {
  await (await cdp(page)).send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
}

async function mouse(page, type, x, y, extra = {}) {
  await (await cdp(page)).send('Input.dispatchMouseEvent', { type, x, y, button: 'left', ...extra });
}

// Sends `step(i)` once a frame, at most every MOVE_INTERVAL_MS, for `count` steps or until `end`
// (ms since the epoch), without waiting for the page to take it (a finger's event is answered
// only after the frame's slow compositing under software GL). Sent at a hand's pace instead,
// moves would pile up and be joined into one per frame, a stroke into one jump: one move a
// frame keeps every measured frame a moving one, as on a phone that keeps up.
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

// One-finger (or mouse) strokes of 30 moves of 8 px, turning each time, for `seconds`.
const STROKES = [[-8, 0], [0, -6], [8, 0], [0, 6], [-6, -6], [6, 6]];
async function pan(page, device, seconds) {
  const { width, height } = page.viewportSize();
  const [x0, y0] = [width / 2, height / 2];
  const end = Date.now() + seconds * 1000;
  for (let s = 0; Date.now() < end; s++) {
    const [dx, dy] = STROKES[s % STROKES.length];
    const [sx, sy] = [x0 - dx * 15, y0 - dy * 15];
    if (device === 'phone') {
      await touch(page, 'touchStart', [[sx, sy]]);
      await paced(page, 30, end, (i) => touch(page, 'touchMove', [[sx + dx * i, sy + dy * i]]));
      await touch(page, 'touchEnd', []);
    } else {
      await mouse(page, 'mouseMoved', sx, sy);
      await mouse(page, 'mousePressed', sx, sy, { clickCount: 1, buttons: 1 });
      await paced(page, 30, end, (i) => mouse(page, 'mouseMoved', sx + dx * i, sy + dy * i, { buttons: 1 }));
      await mouse(page, 'mouseReleased', sx + dx * 30, sy + dy * 30, { clickCount: 1 });
    }
  }
}

// Two fingers spreading from 80 to 280 px apart (about 1.8 zoom levels closer) and back
// together, over and over; on the laptop, the wheel does the same.
async function pinch(page, device, seconds) {
  const { width, height } = page.viewportSize();
  const [cx, cy] = [width / 2, height / 2];
  const end = Date.now() + seconds * 1000;
  for (let out = false; Date.now() < end; out = !out) {
    if (device === 'phone') {
      const gap = (i) => (out ? 280 - 200 * i / 25 : 80 + 200 * i / 25) / 2;
      await touch(page, 'touchStart', [[cx - gap(0), cy], [cx + gap(0), cy]]);
      await paced(page, 25, end, (i) => touch(page, 'touchMove', [[cx - gap(i), cy], [cx + gap(i), cy]]));
      await touch(page, 'touchEnd', []);
    } else {
      await mouse(page, 'mouseMoved', cx, cy);
      await paced(page, 8, end, () => mouse(page, 'mouseWheel', cx, cy, { button: 'none', deltaX: 0, deltaY: out ? 100 : -100 }));
      await sleep(200);
    }
  }
}

// Taps (or clicks) "Zoom in" three times, then "Zoom out" three times, and again.
async function zoomButtons(page, seconds) {
  const end = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < end; i++) {
    await tapButton(page, i % 6 < 3 ? 'Zoom in' : 'Zoom out');
    await sleep(300);
  }
}

// [SECTION] One device

async function waitForAllPlaces(page, places) {
  await tapButton(page, 'List');
  await page.waitForFunction((n) => (window.safespaces.ui?.items || []).some((i) =>
    new RegExp(`^Showing \\d+ of ${n} places`).test(i.name)), places, { timeout: SYNC_TIMEOUT_MS, polling: 500 });
  await tapButton(page, 'Back');
  await waitForScreen(page, 'Explore the map');
}

async function benchDevice(browser, url, device, args) {
  const page = await openApp(browser, url, device);
  await page.evaluate(installCollector);
  // The first sync: every place arrives (pages of 500), the list open to count them.
  const opened = Date.now();
  await startPhase(page, 'first sync (list open)');
  await tapButton(page, 'Explore the map');
  await waitForScreen(page, 'Explore the map');
  await waitForAllPlaces(page, args.places);
  const syncSeconds = (Date.now() - opened) / 1000;
  // A baseline: the home screen, still (no map, no input).
  await tapButton(page, 'Back');
  await waitForScreen(page, 'Safe Spaces: home');
  await sleep(SETTLE_MS);
  await startPhase(page, 'home screen, still');
  await sleep(Math.min(3, args.seconds) * 1000);
  await startPhase(page, 'setup');
  await tapButton(page, 'Explore the map');
  await waitForScreen(page, 'Explore the map');
  await sleep(SETTLE_MS);

  const phases = [
    ['map, still', () => sleep(Math.min(3, args.seconds) * 1000)],
    [device === 'phone' ? 'one-finger pan' : 'mouse drag', () => pan(page, device, args.seconds)],
    [device === 'phone' ? 'two-finger pinch' : 'mouse wheel', () => pinch(page, device, args.seconds)],
    [device === 'phone' ? 'zoom button taps' : 'zoom button clicks', () => zoomButtons(page, args.seconds)],
  ];
  const measured = [{ name: 'first sync (list open)', seconds: syncSeconds },
    { name: 'home screen, still', seconds: Math.min(3, args.seconds) }];
  for (const [name, run] of phases) {
    await startPhase(page, name);
    const started = Date.now();
    await run();
    measured.push({ name, seconds: (Date.now() - started) / 1000 });
  }
  await startPhase(page, 'end');
  const bench = await page.evaluate(() => {
    const b = window.__bench;
    clearInterval(b.timer);
    return { phaseStarts: b.phaseStarts, frames: b.frames, longtasks: b.longtasks, items: b.items, lost: b.lost,
      records: b.records,
      memory: performance.memory ? { used: performance.memory.usedJSHeapSize, total: performance.memory.totalJSHeapSize } : null,
      wasmHeapBytes: window.safespaces.wasmHeapBytes || 0 };
  });
  const problems = page.problems.slice();
  await page.context().close();
  return { device, syncSeconds, phases: measured, bench, problems };
}

// [SECTION] Figures

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

function summarise(run) {
  const { bench } = run;
  const starts = bench.phaseStarts;
  return run.phases.map(({ name, seconds }) => {
    const frames = bench.frames.filter((f) => f[0] === name);
    const draw = frames.map((f) => f[1]);
    const whole = frames.map((f) => f[2]);
    const i = starts.findIndex((s) => s[0] === name);
    const [from, to] = [starts[i][1], starts[i + 1][1]];
    const longtasks = bench.longtasks.filter(([start]) => start >= from && start < to);
    const items = bench.items.filter((it) => it[0] === name).map((it) => it[1]);
    return {
      device: run.device, phase: name, seconds, frames: frames.length, fps: frames.length / seconds,
      draw_ms: { median: percentile(draw, 0.5), p95: percentile(draw, 0.95), max: percentile(draw, 1) },
      whole_ms: { median: percentile(whole, 0.5), p95: percentile(whole, 0.95), max: percentile(whole, 1) },
      longtasks: { count: longtasks.length, total_ms: longtasks.reduce((sum, [, d]) => sum + d, 0),
        max_ms: longtasks.reduce((m, [, d]) => Math.max(m, d), 0) },
      ui_items: percentile(items, 0.5),
      ui_records: bench.records[name] || 0,
    };
  });
}

const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const mb = (bytes) => (bytes / 1048576).toFixed(1);

function printTable(runs, rows, args) {
  console.log('# Map frame time in Chromium\n');
  console.log(`${args.places} places (the demo set), served by safespaces-server with synthetic tiles; headless ` +
    'Chromium (Debian\'s), playwright-core.');
  console.log('Headless Chromium draws with SwiftShader (software GL): GPU time and frames/s are NOT representative ' +
    'of a phone. A long task at every frame is its compositor waiting for the software GPU (GLES2::ReadPixels in a ' +
    'Chrome trace), outside our frame; our glGetIntegerv calls (ImGui\'s GL backend saving GL state) wait for it too, ' +
    'inside "draw".');
  console.log('What compares is the CPU time of our frame: "draw" is runtime.cpp\'s Frame() from its start to ' +
    'SDL_GL_SwapWindow (events, ImGui, WebGL calls); "whole" runs to its end (actions, sync, the UI record ' +
    'handed to the page and its mirror). Long tasks: the browser\'s (over 50 ms) during the phase. UI items: in the ' +
    'UI record (the mirror\'s HTML twins), median; UI records: records handed to the page (frames that changed).\n');
  console.log('| device | phase | s | frames | frames/s | draw median ms | draw p95 | draw max | whole median ms | ' +
    'whole p95 | whole max | long tasks (n / total ms / max ms) | UI items | UI records |');
  console.log('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    console.log(`| ${r.device} | ${r.phase} | ${r.seconds.toFixed(1)} | ${r.frames} | ${r.fps.toFixed(1)} | ` +
      `${f2(r.draw_ms.median)} | ${f2(r.draw_ms.p95)} | ${f2(r.draw_ms.max)} | ${f2(r.whole_ms.median)} | ` +
      `${f2(r.whole_ms.p95)} | ${f2(r.whole_ms.max)} | ${r.longtasks.count} / ${r.longtasks.total_ms.toFixed(0)} / ` +
      `${r.longtasks.max_ms.toFixed(0)} | ${Number.isFinite(r.ui_items) ? r.ui_items : '-'} | ${r.ui_records} |`);
  }
  console.log('');
  for (const run of runs) {
    const m = run.bench.memory;
    console.log(`${run.device}: all places synced ${run.syncSeconds.toFixed(1)} s after opening the map; ` +
      `wasm heap ${mb(run.bench.wasmHeapBytes)} MB; JS heap ${m ? `${mb(m.used)} MB used of ${mb(m.total)} MB` : 'unknown'}` +
      `${run.bench.lost ? `; ${run.bench.lost} frame times lost (ring overrun)` : ''}` +
      `${run.problems.length ? `; page problems: ${run.problems.join(' | ')}` : ''}.`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { browser, close } = await launchBrowser();
  const runs = [];
  try {
    for (const device of args.devices) runs.push(await benchDevice(browser, args.url, device, args));
  } finally {
    await close();
  }
  const rows = runs.flatMap(summarise);
  printTable(runs, rows, args);
  if (args.json) {
    writeFileSync(args.json, JSON.stringify({
      benchmark: 'bench-map.mjs', places: args.places, gl: 'SwiftShader (software): GPU time not representative',
      results: rows,
      devices: runs.map((r) => ({ device: r.device, sync_seconds: r.syncSeconds, wasm_heap_bytes: r.bench.wasmHeapBytes,
        js_heap: r.bench.memory, frames_lost: r.bench.lost, problems: r.problems })),
    }, null, 2) + '\n');
    console.log(`JSON: ${args.json}`);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
