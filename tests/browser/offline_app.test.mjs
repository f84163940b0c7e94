// Browser test: the app is installable and starts offline. The manifest lists PNG icons that
// the server really serves; the service worker (web/sw.js) keeps the whole app, so a phone
// starts it with no connection and even with no server at all; a new deployment is used on
// the next load that has a connection; /api/ answers are never kept.
// Start reading at the first test; the helpers above it are small.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { config, launchBrowser, openApp, screenshot, startServer, waitForScreen } from './harness.mjs';

const HOME = 'Safe Spaces: home';
const SNAPSHOT_PREFIX = 'safespaces-app-v1-';  // sw.js names each kept copy of the app so

let chromium;

before(async () => {
  chromium = await launchBrowser();
});

after(async () => {
  await chromium?.close();
});

// Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG.
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

// Every file of the web build, as paths relative to it ("icons/icon-192.png").
function builtFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
    .sort();
}

// Like harness.startServer, but on a chosen port and web folder: a new deployment must come
// from the same origin, since a service worker and its caches belong to one origin.
async function startServerOn(port, web) {
  const data = mkdtempSync(path.join(tmpdir(), 'safespaces-offline-'));
  const child = spawn(config.server, ['--port', String(port), '--data', data, '--web', web],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/running on (http:\/\/[^\s]+)/);
      if (match) resolve(match[1].replace(/\/$/, ''));
    });
    exited.then((code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(data, { recursive: true, force: true });
      assert.equal(code, 0, 'the server stops cleanly on SIGTERM');
    },
  };
}

// Waits until the service worker is active and controls the page. It claims the page that
// registered it, so no reload should be needed; one reload is the fallback.
async function waitUntilControlled(page) {
  const active = await page.evaluate((ms) => Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), ms))]), 30000);
  assert.ok(active, 'a service worker became active within 30 s (shell.js registers sw.js after load)');
  const controlled = () => navigator.serviceWorker.controller !== null;
  if (!(await page.waitForFunction(controlled, null, { timeout: 5000 }).then(() => true, () => false)))
    await reloadApp(page);
  assert.ok(await page.evaluate(controlled), 'the service worker controls the page');
}

// Reloads and waits for the app's ready signal and welcome screen; returns every response.
async function reloadApp(page) {
  const responses = [];
  const keep = (response) => responses.push(response);
  page.on('response', keep);
  page.problems.length = 0;
  await page.reload();
  await page.waitForFunction(() => window.safespaces && window.safespaces.ready, null, { timeout: 60000 });
  await waitForScreen(page, HOME);
  page.off('response', keep);
  return responses;
}

// What the page's caches hold: {cacheName: [path, ...]}, paths relative to the origin.
async function cacheContents(page) {
  return page.evaluate(async () => {
    const contents = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      contents[name] = (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1)).sort();
    }
    return contents;
  });
}

function snapshots(contents) {
  return Object.keys(contents).filter((name) => name.startsWith(SNAPSHOT_PREFIX));
}

// With no connection the app's sync to /api/ fails, as it should (it keeps its outbox and
// tries again later); Chromium reports each such failure. Anything else is a real problem.
function problemsBesidesApi(page) {
  return page.problems.filter((problem) => !/^request failed: .*\/api\//.test(problem) &&
    !/^console: Failed to load resource: net::ERR_/.test(problem));
}

test('the manifest lists PNG icons, which the server serves at their stated sizes', async () => {
  const server = await startServer();
  try {
    const manifestUrl = `${server.url}/manifest.webmanifest`;
    const response = await fetch(manifestUrl);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.name, 'Safe Spaces');
    assert.equal(manifest.display, 'standalone');

    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    for (const size of ['192x192', '512x512'])
      assert.ok(pngs.some((icon) => icon.sizes === size && icon.purpose.split(' ').includes('any')), `a ${size} PNG icon`);
    assert.ok(pngs.some((icon) => icon.purpose.split(' ').includes('maskable')), 'a maskable PNG icon');

    const html = await (await fetch(`${server.url}/`)).text();
    const touch = html.match(/<link rel="apple-touch-icon" href="([^"]+)"/);
    assert.ok(touch, 'index.html links an apple-touch-icon');
    const icons = [...pngs.map((icon) => ({ url: new URL(icon.src, manifestUrl), size: icon.sizes })),
      { url: new URL(touch[1], `${server.url}/`), size: '180x180' }];
    for (const { url, size } of icons) {
      const answer = await fetch(url);
      assert.equal(answer.status, 200, `${url.pathname} answers 200`);
      assert.equal(answer.headers.get('content-type'), 'image/png', `${url.pathname} is image/png`);
      assert.equal(pngSize(Buffer.from(await answer.arrayBuffer())), size, `${url.pathname} is ${size}`);
    }

    const worker = await fetch(`${server.url}/sw.js`);
    assert.equal(worker.status, 200);
    assert.match(worker.headers.get('content-type'), /^text\/javascript/, 'browsers only run a worker served as JavaScript');
  } finally {
    await server.stop();
  }
});

test('a phone starts the app with no connection, and with no server at all', async () => {
  const server = await startServer();
  let stopped = false;
  let page;
  try {
    page = await openApp(chromium.browser, server.url, 'phone');
    await waitUntilControlled(page);

    // The whole web build is kept, as one snapshot; the live sync is not.
    const api = await page.evaluate(() => fetch('api/v1/health', { cache: 'no-store' }).then((r) => r.status));
    assert.equal(api, 200);
    const contents = await cacheContents(page);
    const kept = snapshots(contents);
    assert.equal(kept.length, 1, `one snapshot of the app: ${JSON.stringify(contents)}`);
    const expected = builtFiles(config.web).filter((file) => file !== 'sw.js');
    assert.deepEqual(contents[kept[0]], expected, 'sw.js SHELL lists every file of the web build');
    for (const [name, paths] of Object.entries(contents))
      assert.ok(!paths.some((p) => p.startsWith('api/') || p.startsWith('tiles/')), `${name} holds no /api/ or /tiles/ answer`);
    assert.deepEqual(page.problems, []);

    // Offline, as a phone loses its Wi-Fi. (Chromium's emulated offline may not reach the
    // service worker's own requests; stopping the server below is the proof that does.)
    await page.context().setOffline(true);
    const offline = await reloadApp(page);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    const shell = offline.filter((r) => !new URL(r.url()).pathname.startsWith('/api/'));
    assert.ok(shell.length >= 7, 'the page, styles, scripts, wasm and data were loaded');
    for (const response of shell)
      assert.ok(response.fromServiceWorker(), `${response.url()} came from the service worker`);
    assert.deepEqual(problemsBesidesApi(page), []);
    await screenshot(page, 'offline-home-phone');

    // No server at all: every request the worker makes is refused, not just emulated away.
    await page.context().setOffline(false);
    await server.stop();
    stopped = true;
    await reloadApp(page);
    assert.equal((await page.evaluate(() => window.safespaces.ui)).screen, HOME);
    const apiWithoutServer = await page.evaluate(() => fetch('api/v1/health').then((r) => r.status, () => 'failed'));
    assert.equal(apiWithoutServer, 'failed', '/api/ is never answered from a cache');
    assert.deepEqual(problemsBesidesApi(page), []);
  } finally {
    await page?.context().close();
    if (!stopped) await server.stop();
  }
});

test('a new deployment is used on the next online load, and then offline', async () => {
  // A copy of the web build, so that this test can change it as a deployment would.
  const web = mkdtempSync(path.join(tmpdir(), 'safespaces-web-'));
  cpSync(config.web, web, { recursive: true });
  let server = await startServerOn(0, web);
  const { port } = server;
  let page;
  try {
    page = await openApp(chromium.browser, server.url, 'phone');
    await waitUntilControlled(page);
    assert.equal(await page.evaluate(() => window.safespacesDeployment), undefined);
    await server.stop();
    server = null;

    appendFileSync(path.join(web, 'shell.js'), '\nwindow.safespacesDeployment = 2;  // added by offline_app.test.mjs\n');
    server = await startServerOn(port, web);
    await reloadApp(page);
    assert.equal(await page.evaluate(() => window.safespacesDeployment), 2, 'the new deployment runs at once');
    assert.equal(snapshots(await cacheContents(page)).length, 1, 'the old snapshot is dropped');
    assert.deepEqual(problemsBesidesApi(page), []);

    await server.stop();
    server = null;
    await reloadApp(page);
    assert.equal(await page.evaluate(() => window.safespacesDeployment), 2, 'offline, the new deployment was kept');
    assert.deepEqual(problemsBesidesApi(page), []);
  } finally {
    await page?.context().close();
    await server?.stop();
    rmSync(web, { recursive: true, force: true });
  }
});
