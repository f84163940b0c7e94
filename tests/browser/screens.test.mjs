// Browser test that walks the main screens at phone size, and the welcome and settings
// screens at 100% and 200% text in the standard and high-contrast looks, saving a
// screenshot of each (build/native/screenshots) to look at, and checking that nothing is
// drawn past the screen's edge, every target is finger-sized and no error is logged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  openApp, press, screenshot, seriousAxeViolations, uiRecord, useServerAndBrowser, waitForScreen,
} from './harness.mjs';

const suite = useServerAndBrowser({ demoPlaces: true });

async function checkFits(page, label) {
  const record = await uiRecord(page);
  const width = page.viewportSize().width;
  for (const item of record.items) {
    const [x, , w, h] = item.rect;
    assert.ok(x >= 0 && x + w <= width + 0.5, `${label}: "${item.name}" fits across the screen`);
    if (['button', 'radio', 'switch'].includes(item.role)) {
      assert.ok(w >= 48 && h >= 48, `${label}: "${item.name}" is at least 48x48 (${w}x${h})`);
    }
  }
  assert.deepEqual(record.raw_items, [], `${label}: every item comes through the widget layer`);
}

async function checkAxe(page, label) {
  assert.deepEqual(await seriousAxeViolations(page), [], `${label}: no serious or critical axe-core findings`);
}

async function settle(page) {
  // Two animation frames: the app draws the new look before the picture is taken.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('the rating questions, one per screen, on a phone', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  await press(page, 'button', 'Rate a place');
  await page.getByRole('button', { name: 'Coventry Central Library' }).waitFor({ state: 'attached', timeout: 60000 });
  await settle(page);
  await screenshot(page, 'rate-pick-phone');
  await checkFits(page, 'pick a place');
  await checkAxe(page, 'pick a place');
  await press(page, 'button', 'Coventry Central Library');
  await waitForScreen(page, 'Rate a place: a question');
  await settle(page);
  await screenshot(page, 'rate-faces-phone');
  await checkFits(page, 'faces');
  await checkAxe(page, 'faces');
  // One skip per question: each waits for its question, so two taps never land on one frame.
  for (let step = 0; step < 6; step++) {
    await page.waitForFunction((s) => window.safespaces.ui.items.some((i) => i.name.includes(`question ${s + 1} of`)), step);
    await press(page, 'button', 'Skip this question');
  }
  await page.getByRole('radio', { name: 'Not sure' }).waitFor({ state: 'attached' });
  await settle(page);
  await screenshot(page, 'rate-yes-no-phone');
  await checkFits(page, 'yes or no');
  await checkAxe(page, 'yes or no');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('welcome and settings at 100% and 200% text, standard and high contrast', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  await screenshot(page, 'home-100-standard-phone');
  await press(page, 'button', 'Settings');
  await waitForScreen(page, 'Settings');
  await settle(page);
  await screenshot(page, 'settings-100-standard-phone');
  await checkFits(page, 'settings 100%');
  await checkAxe(page, 'settings');

  for (let i = 0; i < 4; i++) await press(page, 'button', 'Bigger text');
  await page.waitForFunction(() => window.safespaces.ui.items.some((i) => i.name === 'Your text size is 200%.'));
  await settle(page);
  await screenshot(page, 'settings-200-standard-phone');
  await checkFits(page, 'settings 200%');

  await press(page, 'switch', 'High contrast colours');
  await page.waitForFunction(() => window.safespaces.ui.items.some(
    (i) => i.role === 'switch' && i.name === 'High contrast colours' && i.checked));
  await settle(page);
  await screenshot(page, 'settings-200-high-phone');
  await press(page, 'button', 'Back');
  await waitForScreen(page, 'Safe Spaces: home');
  await settle(page);
  await screenshot(page, 'home-200-high-phone');
  await checkFits(page, 'home 200% high contrast');

  // Remembered on the device: a reload keeps the choices.
  await page.reload();
  await page.waitForFunction(() => window.safespaces && window.safespaces.ready, null, { timeout: 60000 });
  await press(page, 'button', 'Settings');
  await page.waitForFunction(() => window.safespaces.ui.items.some((i) => i.name === 'Your text size is 200%.'));
  assert.equal(await page.getByRole('switch', { name: 'High contrast colours' }).getAttribute('aria-checked'), 'true');
  for (let i = 0; i < 4; i++) await press(page, 'button', 'Smaller text');
  await page.waitForFunction(() => window.safespaces.ui.items.some((i) => i.name === 'Your text size is 100%.'));
  await settle(page);
  await screenshot(page, 'settings-100-high-phone');
  await press(page, 'button', 'Back');
  await waitForScreen(page, 'Safe Spaces: home');
  await settle(page);
  await screenshot(page, 'home-100-high-phone');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('turning a phone on its side keeps one pane, fitted to the new width', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  await page.setViewportSize({ width: 844, height: 390 });
  await page.waitForFunction(() => {
    const map = window.safespaces.ui.items.find((i) => i.name === 'Explore the map');
    return map && map.rect[2] > 500;  // the wide reading column of the landscape screen
  });
  await checkFits(page, 'landscape phone');
  const record = await uiRecord(page);
  assert.ok(!record.items.some((i) => i.name === 'Safe Spaces: start'), 'no navigation pane on a phone');
  await settle(page);
  await screenshot(page, 'home-landscape-phone');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => {
    const map = window.safespaces.ui.items.find((i) => i.name === 'Explore the map');
    return map && map.rect[2] < 390;
  });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const device of ['phone', 'tablet']) {
  test(`the places list and a place's card on a ${device}`, async () => {
    const page = await openApp(suite.browser, suite.server.url, device);
    await press(page, 'button', 'Explore the map');
    await waitForScreen(page, 'Explore the map');
    await settle(page);
    await checkAxe(page, `map on a ${device}`);
    await press(page, 'button', 'List');  // the list is one tap from the map
    await waitForScreen(page, 'Places as a list');
    await page.getByRole('button', { name: 'Coventry Central Library' }).waitFor({ state: 'attached' });
    await settle(page);
    await screenshot(page, `places-list-${device}`);
    await checkFits(page, `list on a ${device}`);
    await checkAxe(page, `list on a ${device}`);
    await press(page, 'button', 'Coventry Central Library');
    await waitForScreen(page, 'Coventry Central Library');
    await settle(page);
    await screenshot(page, `place-card-${device}`);
    await checkFits(page, `card on a ${device}`);
    await checkAxe(page, `card on a ${device}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
