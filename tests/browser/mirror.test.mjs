// Browser test of the screen-reader mirror: the canvas is hidden from assistive technology,
// and every item is there as real HTML with its role and name, usable by keyboard and by a
// screen reader's activation, with no serious or critical axe-core violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, screenshot, seriousAxeViolations, useServerAndBrowser, waitForScreen } from './harness.mjs';

const suite = useServerAndBrowser();

test('every button of the welcome screen is a real, named button over the canvas', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  for (const name of ['Explore the map', 'Rate a place', 'Suggest a place', 'My places', 'Join a group', 'Settings']) {
    const button = page.getByRole('button', { name, exact: true });
    assert.equal(await button.count(), 1, `one button named "${name}"`);
    const box = await button.boundingBox();
    assert.ok(box.width >= 48 && box.height >= 48, `"${name}" is at least 48x48 CSS px`);
  }
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Safe Spaces' }).count(), 1);
  assert.equal(await page.locator('#canvas').getAttribute('aria-hidden'), 'true');
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.context().close();
});

test('the keyboard reaches a button and Enter presses it', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'laptop');
  await page.getByRole('button', { name: 'Explore the map' }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Rate a place', 'Tab moves on');
  // The app draws a focus ring on the canvas around the item the keyboard is on.
  await page.waitForFunction(() => window.safespaces.ui.items.some((i) => i.focused && i.name === 'Rate a place'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await screenshot(page, 'keyboard-focus-laptop');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Explore the map', 'and back');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'Explore the map');
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Map' }).count(), 1);
  // The new screen's title takes the focus, so a screen reader says where you are.
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'H1');
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.context().close();
});

test("a screen reader's activation (a click on the HTML twin) presses the item", async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  await page.getByRole('button', { name: 'Rate a place' }).dispatchEvent('click');
  await waitForScreen(page, 'Rate a place');
  await page.getByRole('button', { name: 'Back' }).dispatchEvent('click');
  await waitForScreen(page, 'Safe Spaces: home');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Tab alone reaches every action of the welcome screen, each shown with a focus ring', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  const record = await page.evaluate(() => window.safespaces.ui);
  const actions = record.items.filter((i) => ['button', 'radio', 'switch', 'textbox'].includes(i.role)).map((i) => i.name);
  assert.ok(actions.length >= 6);
  const reached = [];
  for (let i = 0; i < actions.length; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
    reached.push(name);
    await page.waitForFunction((n) => window.safespaces.ui.items.some((item) => item.focused && item.name === n), name);
  }
  assert.deepEqual(reached, actions, 'every action, in reading order');
  await page.context().close();
});
