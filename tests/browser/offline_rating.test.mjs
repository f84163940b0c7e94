// Browser test of "nothing is lost": with the connection gone, a young person rates a place;
// the rating is kept on the device (IndexedDB) through a page reload; when the connection
// comes back it is sent, and the server's database holds it exactly once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, press, screenshot, useServerAndBrowser, waitForScreen } from './harness.mjs';

const suite = useServerAndBrowser({ demoPlaces: true });

async function statusText(page) {
  return page.evaluate(() => (window.safespaces.ui.items.find((i) => i.role === 'status') || {}).name || '');
}

test('a rating made offline survives a reload and reaches the server exactly once', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  // The app works offline once its service worker controls the page.
  await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => window.safespaces && window.safespaces.ready, null, { timeout: 60000 });
  }
  // The map's places arrive with the first sync.
  await press(page, 'button', 'Rate a place');
  await page.getByRole('button', { name: 'Coventry Central Library' }).waitFor({ state: 'attached', timeout: 60000 });

  await page.context().setOffline(true);
  await press(page, 'button', 'Coventry Central Library');
  await waitForScreen(page, 'Rate a place: a question');
  await press(page, 'button', 'Skip this question');
  await press(page, 'radio', '4 of 5: Mostly');
  await press(page, 'button', 'Finish: check and send');
  await press(page, 'button', 'Send');
  await waitForScreen(page, 'Thank you');
  // "Saved" is said only once the rating is safely in the browser's storage.
  await page.waitForFunction(() => window.safespaces.ui.items.some(
    (i) => i.role === 'status' && i.name === 'Saved on this device. It will send when you are online.'));
  await screenshot(page, 'rate-saved-offline-phone');
  assert.equal(suite.server.counts().ratings, 0, 'nothing reached the server while offline');

  await page.reload();
  await page.waitForFunction(() => window.safespaces && window.safespaces.ready, null, { timeout: 60000 });
  assert.equal(await statusText(page), 'Saved on this device. It will send when you are online.',
    'after the reload the rating is still waiting on the device');

  await page.context().setOffline(false);
  await page.waitForFunction(() => window.safespaces.ui.items.some(
    (i) => i.role === 'status' && i.name === 'Sent! Thank you.'), null, { timeout: 60000 });
  assert.equal(suite.server.counts().ratings, 1, 'the server holds the rating');
  // A while later, still once: no retry doubled it.
  await page.waitForTimeout(3000);
  assert.equal(suite.server.counts().ratings, 1);
  const feed = await (await fetch(`${suite.server.url}/api/v1/places`)).json();
  const library = feed.places.find((p) => p.name === 'Coventry Central Library');
  assert.equal(library.profile.scales.quiet.count, 1, 'the public profile counts it once');
  assert.deepEqual(library.profile.scales.quiet.distribution, [0, 0, 0, 1, 0]);
  const problems = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(p));
  assert.deepEqual(problems, []);
  await page.context().close();
});
