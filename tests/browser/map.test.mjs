// Browser test of the picture map through the real server: its tiles come from the server's
// MBTiles (synthetic), the places as pins with their names, a tap on a pin opens the card,
// the zoom buttons, a finger drag and a two-finger pinch (real touch events through Chrome
// DevTools Protocol) move the map, and the tiles' credit is always on screen. Phone and tablet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, screenshot, tapButton, uiRecord, useServerAndBrowser, waitForScreen } from './harness.mjs';

const suite = useServerAndBrowser({ demoPlaces: true });

const LIBRARY_PIN = 'Coventry Central Library, Library';

// Counts the tiles the server sent, by zoom.
function watchTiles(page) {
  const byZoom = {};
  page.on('response', (response) => {
    const match = response.url().match(/\/tiles\/(\d+)\/\d+\/\d+\.png$/);
    if (match && response.status() === 200) byZoom[match[1]] = (byZoom[match[1]] || 0) + 1;
  });
  return byZoom;
}

async function frames(page, count = 3) {
  for (let i = 0; i < count; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

async function waitForItem(page, predicate, arg) {
  await page.waitForFunction(
    ([source, value]) => window.safespaces.ui.items.some((i) => new Function('i', 'value', source)(i, value)),
    [predicate, arg], { timeout: 60000 });
}

function pinsOf(record) {
  return record.items.filter((i) => i.role === 'button' && (/ places close together/.test(i.name) || /, /.test(i.name)));
}

async function openMap(device) {
  const page = await openApp(suite.browser, suite.server.url, device);
  page.tiles = watchTiles(page);
  await tapButton(page, 'Explore the map');
  await waitForScreen(page, 'Explore the map');
  // The places arrive with the first sync; the tiles with the map's config.
  await page.waitForFunction(() => window.safespaces.ui.items.some((i) => i.role === 'button' && / places close together|, /.test(i.name)));
  await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/tiles/')).length >= 4);
  await frames(page, 5);
  return page;
}

async function touch(page, type, points) {
  const cdp = page.cdp || (page.cdp = await page.context().newCDPSession(page));
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  await frames(page, 1);
}

test('phone: the map shows pins on tiles from the server, with the credit; a tap on a pin opens its card', async () => {
  const page = await openMap('phone');
  const record = await uiRecord(page);
  assert.ok(pinsOf(record).length >= 1, 'the places are on the map');
  assert.ok(record.items.some((i) => i.role === 'text' && i.name === 'Synthetic tiles, not a real map'),
    "the tiles' credit is shown");
  assert.ok(Object.keys(page.tiles).length >= 1, 'tiles came from the server');
  for (const item of record.items.filter((i) => i.role === 'button')) {
    assert.ok(item.rect[2] >= 48 && item.rect[3] >= 48, `${item.name} is finger-sized`);
  }
  await screenshot(page, 'map-phone');

  // Closer, until the library stands on its own.
  for (let i = 0; i < 4 && !(await uiRecord(page)).items.some((it) => it.name === LIBRARY_PIN); i++) {
    await tapButton(page, 'Zoom in');
    await frames(page, 4);
  }
  await waitForItem(page, 'return i.name === value', LIBRARY_PIN);
  await screenshot(page, 'map-zoomed-phone');
  await tapButton(page, LIBRARY_PIN);
  await waitForScreen(page, 'Coventry Central Library');
  await screenshot(page, 'place-card-phone');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('phone: a finger drag moves the pins with it, and a pinch zooms in', async () => {
  const page = await openMap('phone');
  const before = pinsOf(await uiRecord(page))[0];
  const [x, y] = [195, 450];
  await touch(page, 'touchStart', [[x, y]]);
  for (let step = 1; step <= 6; step++) await touch(page, 'touchMove', [[x - 10 * step, y + 8 * step]]);
  await touch(page, 'touchEnd', []);
  await frames(page, 4);
  const after = pinsOf(await uiRecord(page)).find((i) => i.name === before.name);
  assert.ok(after, 'the same pin is still on screen');
  assert.ok(Math.abs(after.rect[0] - before.rect[0] + 60) <= 6, `moved left by about 60 px (${before.rect[0]} -> ${after.rect[0]})`);
  assert.ok(Math.abs(after.rect[1] - before.rect[1] - 48) <= 6, `moved down by about 48 px (${before.rect[1]} -> ${after.rect[1]})`);
  assert.equal((await uiRecord(page)).screen, 'Explore the map', 'a drag opens nothing');

  // Two fingers moving apart to twice their distance: one zoom closer, so the next zoom's
  // tiles are fetched.
  const zoomsBefore = Object.keys(page.tiles).map(Number);
  const deepest = Math.max(...zoomsBefore);
  await touch(page, 'touchStart', [[160, 420], [230, 420]]);
  for (let step = 1; step <= 5; step++) await touch(page, 'touchMove', [[160 - 7 * step, 420], [230 + 7 * step, 420]]);
  await touch(page, 'touchEnd', []);
  await page.waitForFunction((z) => performance.getEntriesByType('resource').some((e) => e.name.includes(`/tiles/${z}/`)),
    deepest + 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// An idle screen is not drawn again (runtime.cpp, ui/frame_fingerprint.h): the phone's GPU,
// or the page's main thread with software WebGL, does nothing while nobody touches the map,
// and the picture stays on screen. A drag draws again.
test('phone: a map left alone is not drawn again, and stays on screen; a drag draws it', async () => {
  const page = await openMap('phone');
  const counts = () => page.evaluate(() => [window.safespaces.frameCount, window.safespaces.framesDrawn]);
  // Settled: the places and tiles are in and nothing has been drawn for 10 frames.
  let settled = false;
  for (let tries = 0; tries < 60 && !settled; tries++) {
    const [, drawnBefore] = await counts();
    await frames(page, 10);
    settled = (await counts())[1] === drawnBefore;
  }
  assert.ok(settled, 'the map stops drawing once nothing changes');
  const shotBefore = await page.screenshot();
  const [framesBefore, drawnBefore] = await counts();
  await frames(page, 30);
  const [framesAfter, drawnAfter] = await counts();
  assert.ok(framesAfter - framesBefore >= 30, `the app still ran its frames (${framesAfter - framesBefore})`);
  assert.equal(drawnAfter, drawnBefore, 'and drew none of them');
  assert.ok(shotBefore.equals(await page.screenshot()), 'the picture stayed on screen');

  await touch(page, 'touchStart', [[195, 450]]);
  for (let step = 1; step <= 4; step++) await touch(page, 'touchMove', [[195 - 10 * step, 450]]);
  await touch(page, 'touchEnd', []);
  assert.ok((await counts())[1] >= drawnAfter + 4, 'a drag draws every frame it moves the map');
  assert.ok(!shotBefore.equals(await page.screenshot()), 'and the picture moved');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('tablet: the map beside the journeys, and a place card', async () => {
  const page = await openMap('tablet');
  const record = await uiRecord(page);
  assert.ok(record.items.some((i) => i.role === 'button' && i.name === 'Explore the map'), 'the journeys stay beside it');
  await screenshot(page, 'map-tablet');
  for (let i = 0; i < 4 && !(await uiRecord(page)).items.some((it) => it.name === LIBRARY_PIN); i++) {
    await tapButton(page, 'Zoom in');
    await frames(page, 4);
  }
  await waitForItem(page, 'return i.name === value', LIBRARY_PIN);
  await tapButton(page, LIBRARY_PIN);
  await waitForScreen(page, 'Coventry Central Library');
  await screenshot(page, 'place-card-tablet');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
