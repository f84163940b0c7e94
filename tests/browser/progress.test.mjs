// Browser test of the game's celebration: a first rating earns the first badge, shown on the
// thank-you screen and said through the page's live region (the #announcer the screen-reader
// mirror fills), and "My progress" lists it. Phone size, touch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, press, screenshot, seriousAxeViolations, useServerAndBrowser, waitForScreen } from './harness.mjs';

const suite = useServerAndBrowser({ demoPlaces: true });

test('a first rating earns a badge: seen on the screen, said in the live region, listed in My progress', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  await press(page, 'button', 'Rate a place');
  await page.getByRole('button', { name: 'Coventry Central Library' }).waitFor({ state: 'attached' });
  await press(page, 'button', 'Coventry Central Library');
  await waitForScreen(page, 'Rate a place: a question');
  await press(page, 'radio', '5 of 5: Yes, a lot');
  await press(page, 'button', 'Finish: check and send');
  await press(page, 'button', 'Send');
  await waitForScreen(page, 'Thank you');
  await page.waitForFunction(() => (document.getElementById('announcer').textContent || '').includes('New badge: First rating.'));
  const live = await page.evaluate(() => {
    const announcer = document.getElementById('announcer');
    return { role: announcer.getAttribute('role'), live: announcer.getAttribute('aria-live') };
  });
  assert.deepEqual(live, { role: 'status', live: 'polite' }, 'said politely, without interrupting');
  await page.getByRole('heading', { name: 'Well done!' }).waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await screenshot(page, 'celebration-phone');
  assert.deepEqual(await seriousAxeViolations(page), []);

  await press(page, 'button', 'See my progress');
  await waitForScreen(page, 'My progress');
  await page.getByText('First rating: Rate your first place.').waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await screenshot(page, 'progress-phone');
  assert.deepEqual(await seriousAxeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the restore code is four easy words under Settings, and "I have a restore code" asks for them', async () => {
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  await press(page, 'button', 'Settings');
  await waitForScreen(page, 'Settings');
  await page.getByRole('heading', { name: 'Your restore code' }).waitFor({ state: 'attached' });
  const words = await page.evaluate(() => window.safespaces.ui.items.map((i) => i.name)
    .find((n) => /^[a-z]{3,7}( |-)[a-z]{3,7}( |-)[a-z]{3,7}( |-)[a-z]{3,7}$/.test(n)));
  assert.ok(words, 'four short words are shown');
  // The keyboard (or a screen reader) on the button below brings the code into view.
  await page.getByRole('button', { name: 'I have a restore code' }).focus();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  await screenshot(page, 'settings-restore-code-phone');
  await press(page, 'button', 'I have a restore code');
  await waitForScreen(page, 'I have a restore code');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await screenshot(page, 'restore-phone');
  assert.deepEqual(await seriousAxeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
