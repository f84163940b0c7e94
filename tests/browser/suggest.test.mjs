// Browser test of "Suggest a place" through the real server, one question per screen: on a
// phone (390x844, touch, devicePixelRatio 3) with "Use where I am" (the browser's position,
// granted) and "Is it one of these?" near the library; on a tablet (820x1180) from the
// map's middle; and once offline, where it stays on the device, says so honestly, and is
// sent when the connection comes back. The server's database then holds it (the admin
// tool's counts), and once an officer approves it, the public map has it with its first
// rating. Screenshots of each phone step: suggest-*.png in the harness's folder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import {
  config, openApp, press, screenshot, tapButton, typeInto, uiRecord, useServerAndBrowser, waitForItem, waitForScreen,
} from './harness.mjs';

const suite = useServerAndBrowser({ demoPlaces: true });

// About 45 m north of Coventry Central Library (52.4081, -1.5107).
const NEAR_LIBRARY = { latitude: 52.4085, longitude: -1.5107, accuracy: 10 };

// How many suggestions are waiting for an officer, by the admin tool's own count.
function suggestedCount() {
  const text = execFileSync(config.admin, ['counts', '--data', suite.server.data]).toString();
  return Number(text.match(/suggested (\d+)/)[1]);
}

async function settle(page) {
  // Two animation frames: the app draws the new screen before the picture is taken.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// Every step on a phone; on a tablet, the pin on the map and a rating question.
async function shot(page, name, device) {
  if (device !== 'phone' && !(device === 'tablet' && ['where', 'rating'].includes(name))) return;
  await settle(page);
  await screenshot(page, `suggest-${name}-${device}`);
}

// Every item fits across the screen, every target is finger-sized, nothing bypasses the widgets.
async function checkFits(page, label) {
  const record = await uiRecord(page);
  const width = page.viewportSize().width;
  for (const item of record.items) {
    const [x, , w, h] = item.rect;
    assert.ok(x >= 0 && x + w <= width + 0.5, `${label}: "${item.name}" fits across the screen`);
    if (['button', 'radio', 'switch', 'textbox'].includes(item.role)) {
      assert.ok(w >= 48 && h >= 48, `${label}: "${item.name}" is at least 48x48 (${w}x${h})`);
    }
  }
  assert.deepEqual(record.raw_items, [], `${label}: every item comes through the widget layer`);
}

// The sync requests' suggestions, as the device sent them.
function watchSuggestions(page) {
  const sent = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/v1/sync') || request.method() !== 'POST') return;
    for (const item of JSON.parse(request.postData()).items || []) if (item.kind === 'suggestion') sent.push(item);
  });
  return sent;
}

// From home to the summary. `where` is 'find me' (the browser's position) or 'map' (the map's
// middle as it is). Takes screenshots of each step on a phone.
async function suggest(page, device, { name, where }) {
  await press(page, 'button', 'Suggest a place');
  await waitForScreen(page, 'Suggest a place: where is it?');
  await shot(page, 'where', device);
  await checkFits(page, 'where is it');
  if (where === 'find me') {
    await tapButton(page, 'Use where I am');
    await waitForScreen(page, 'Suggest a place: use where I am?');
    await shot(page, 'find-me', device);
    await checkFits(page, 'use where I am');
    await tapButton(page, 'Yes, find where I am');
    await waitForItem(page, 'status', 'The map is where you are now. Move it if the pin is not on the place.');
    await shot(page, 'found-me', device);
  }
  await tapButton(page, 'This is the place');
  await page.waitForFunction(() => ['Suggest a place: is it one of these?', 'Suggest a place: what is it called?']
    .includes(window.safespaces.ui.screen));
  if (where === 'find me') {
    // The position was near the library: it is offered straight after the pin, before any
    // question, and can be looked at.
    await waitForScreen(page, 'Suggest a place: is it one of these?');
    await shot(page, 'nearby', device);
    await checkFits(page, 'is it one of these');
    await tapButton(page, 'Coventry Central Library');
    await waitForScreen(page, 'Coventry Central Library');
    await press(page, 'button', 'Back');
    await waitForScreen(page, 'Suggest a place: is it one of these?');
  }
  if ((await uiRecord(page)).screen === 'Suggest a place: is it one of these?') {
    await tapButton(page, 'No, mine is new');  // (the map's middle may happen to be near a place)
  }
  await waitForScreen(page, 'Suggest a place: what is it called?');
  await tapButton(page, 'Next');  // nothing typed yet: refused, kindly
  await waitForItem(page, 'status', 'Please give the place a name with at least 2 letters.');
  await shot(page, 'name-refused', device);
  await typeInto(page, 'The name of the place', name);
  await shot(page, 'name', device);
  await checkFits(page, 'name');
  await press(page, 'button', 'Next');
  await waitForScreen(page, 'Suggest a place: what kind of place is it?');
  await shot(page, 'kind', device);
  await checkFits(page, 'kind');
  await press(page, 'radio', 'Café');
  await waitForScreen(page, 'Suggest a place: why is it a safe space?');
  await press(page, 'switch', 'It is quiet');
  await press(page, 'switch', 'The staff are kind');
  await page.waitForFunction(() => window.safespaces.ui.items.filter((i) => i.role === 'switch' && i.checked).length === 2);
  await shot(page, 'why', device);
  await checkFits(page, 'why');
  await press(page, 'button', 'Next');
  await waitForScreen(page, 'Suggest a place: question 1 of 16');
  await shot(page, 'rating', device);
  await checkFits(page, 'first rating');
  await press(page, 'radio', '5 of 5: Yes, a lot');
  await waitForScreen(page, 'Suggest a place: question 2 of 16');
  await press(page, 'radio', '4 of 5: Mostly');
  await waitForScreen(page, 'Suggest a place: question 3 of 16');
  await press(page, 'button', 'Finish the questions');
}

async function check(page, device) {
  await waitForScreen(page, 'Suggest a place: check and send');
  await shot(page, 'check', device);
  await checkFits(page, 'check');
  const record = await uiRecord(page);
  assert.ok(record.items.some((i) => i.name === 'Kind of place: Café'));
  assert.ok(record.items.some((i) => i.name === 'Why it is a safe space: It is quiet. The staff are kind.'));
  assert.ok(record.items.some((i) => i.name === 'Your rating: 2 questions answered. You went: ' +
    new Date().toLocaleString('en-GB', { month: 'long' }) + '.'));
}

for (const device of ['phone', 'tablet']) {
  test(`on a ${device}, a place is suggested end to end and reaches the server`, async () => {
    const findMe = device === 'phone';
    const page = await openApp(suite.browser, suite.server.url, device,
      findMe ? { context: { geolocation: NEAR_LIBRARY, permissions: ['geolocation'] } } : {});
    const sent = watchSuggestions(page);
    const before = suggestedCount();
    const name = device === 'phone' ? 'Library Garden Cafe' : 'Tablet Test Youth Cafe';
    // The map's places arrive with the first sync, before "Is it one of these?" can know them.
    await press(page, 'button', 'Rate a place');
    await page.getByRole('button', { name: 'Coventry Central Library' }).waitFor({ state: 'attached' });
    await press(page, 'button', 'Back');
    await suggest(page, device, { name, where: findMe ? 'find me' : 'map' });
    await check(page, device);
    await tapButton(page, 'Send');
    await waitForScreen(page, 'Thank you for your place');
    await waitForItem(page, 'status', 'Sent! Thank you.');
    await shot(page, 'done', device);
    await checkFits(page, 'thank you');
    assert.equal(suggestedCount(), before + 1, 'the server holds the suggestion, waiting for a council worker');

    assert.equal(sent.length, 1, 'sent once');
    const suggestion = sent[0];
    assert.equal(suggestion.name, name);
    assert.equal(suggestion.category, 'cafe');
    assert.deepEqual(suggestion.reasons, ['quiet', 'kind_staff']);
    if (findMe) {
      assert.equal(suggestion.lat, NEAR_LIBRARY.latitude, "the pin is where the browser said they were");
      assert.equal(suggestion.lon, NEAR_LIBRARY.longitude);
    }
    // An officer approves it: the public map has it, with its first rating counted.
    execFileSync(config.admin, ['approve', '--data', suite.server.data, suggestion.id]);
    const feed = await (await fetch(`${suite.server.url}/api/v1/places`)).json();
    const place = feed.places.find((p) => p.id === suggestion.id);
    assert.ok(place, 'the approved place is on the public map');
    assert.equal(place.name, name);
    assert.equal(place.profile.scales.quiet.count, 1);
    assert.deepEqual(place.profile.scales.welcome.distribution, [0, 0, 0, 0, 1]);

    await tapButton(page, 'My places');
    await waitForScreen(page, 'My places');
    await page.waitForFunction((n) => window.safespaces.ui.items.some((i) => i.name.startsWith(`Your idea: ${n}.`)), name);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('offline, a suggestion stays on the device, says so, and is sent when the connection is back', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  // The app works offline once its service worker controls the page.
  await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => window.safespaces && window.safespaces.ready, null, { timeout: 60000 });
  }
  const before = suggestedCount();
  await page.context().setOffline(true);
  await suggest(page, 'offline', { name: 'Offline Quiet Corner', where: 'map' });
  await check(page, 'offline');
  await press(page, 'button', 'Send');
  await waitForScreen(page, 'Thank you for your place');
  await waitForItem(page, 'status', 'Saved on this device. It will send when you are online.');
  await settle(page);
  await screenshot(page, 'suggest-saved-offline-phone');
  assert.equal(suggestedCount(), before, 'nothing reached the server while offline');

  await page.context().setOffline(false);
  await waitForItem(page, 'status', 'Sent! Thank you.');
  assert.equal(suggestedCount(), before + 1, 'the server holds it once the connection is back');
  await page.waitForTimeout(3000);
  assert.equal(suggestedCount(), before + 1, 'and only once');
  // Offline, the sync and the map's pictures cannot be fetched: expected, and nothing else.
  const problems = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(p) &&
    !/^request failed: .*\/(api\/v1\/sync|tiles\/\d+\/\d+\/\d+\.png)$/.test(p));
  assert.deepEqual(problems, []);
  await page.context().close();
});
