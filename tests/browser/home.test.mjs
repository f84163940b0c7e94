// Browser test: the served app starts in real headless Chromium at phone, tablet and laptop
// size, shows the welcome screen without console errors, and a tap opens a journey.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, press, screenshot, tapButton, uiRecord, useServerAndBrowser, waitForScreen } from './harness.mjs';

const suite = useServerAndBrowser();

for (const device of ['phone', 'tablet', 'laptop']) {
  test(`the welcome screen is ready and complete on a ${device}`, async () => {
    const page = await openApp(suite.browser, suite.server.url, device);
    const record = await uiRecord(page);
    assert.equal(record.screen, 'Safe Spaces: home');
    const names = record.items.filter((i) => i.role === 'button').map((i) => i.name);
    for (const journey of ['Explore the map', 'Rate a place', 'Suggest a place', 'My places', 'Join a group']) {
      assert.ok(names.includes(journey), `"${journey}" is on the welcome screen`);
    }
    assert.ok(record.items.some((i) => i.role === 'heading' && i.name === 'Safe Spaces'));
    assert.deepEqual(record.raw_items, []);
    const file = await screenshot(page, `home-${device}`);
    console.log(`screenshot: ${file} (ready after ${page.readyAfterMs} ms)`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('the canvas is sharp: drawn at device pixels on a phone', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, hidden: c.getAttribute('aria-hidden') };
  });
  assert.equal(size.cssWidth, 390);
  assert.equal(size.width, 390 * 3, 'one canvas pixel per device pixel');
  assert.equal(size.hidden, 'true', 'screen readers skip the canvas');
  await page.context().close();
});

test('a tap on "Explore the map" opens it, and "Back" returns', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  await tapButton(page, 'Explore the map');
  await waitForScreen(page, 'Explore the map');
  await screenshot(page, 'map-phone');
  await tapButton(page, 'Back');
  await waitForScreen(page, 'Safe Spaces: home');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a new device starts with the welcome: what it is for, what happens to what you share, a nickname and a buddy', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone', { skipWelcome: false });
  await waitForScreen(page, 'Welcome to Safe Spaces');
  await screenshot(page, 'welcome-1-phone');
  await press(page, 'button', 'Next');
  await page.getByRole('heading', { name: 'What happens to what you share' }).waitFor({ state: 'attached' });
  await press(page, 'button', 'Next');
  await page.getByRole('heading', { name: 'Pick a nickname' }).waitFor({ state: 'attached' });
  const names = await page.getByRole('radio').allTextContents();
  assert.ok(names.length >= 3);
  for (const name of names) assert.match(name, /^[A-Z][a-z]+ [A-Z][a-z]+$/, 'two friendly words, never typed');
  await press(page, 'radio', names[1]);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await screenshot(page, 'welcome-nickname-phone');
  await press(page, 'button', 'Next');
  await press(page, 'radio', 'Owl');
  await press(page, 'button', `Let's go, ${names[1]}!`);
  await waitForScreen(page, 'Safe Spaces: home');
  assert.ok((await uiRecord(page)).items.some((i) => i.name === `Hello, ${names[1]}!`));
  // Seen once: a reload goes straight home (once the device has saved it).
  await page.waitForFunction(() => window.safespaces.saving === false);
  await page.reload();
  await page.waitForFunction(() => window.safespaces && window.safespaces.ready);
  assert.equal((await uiRecord(page)).screen, 'Safe Spaces: home');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
