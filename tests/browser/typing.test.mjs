// Browser test of typing on a phone: tapping a text field puts the focus in a real HTML
// field (so the phone's keyboard opens), text from the keyboard or an IME (insertText)
// reaches the app, and it goes with the rating.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, press, screenshot, useServerAndBrowser, waitForScreen } from './harness.mjs';

const suite = useServerAndBrowser({ demoPlaces: true });

for (const device of ['phone', 'tablet']) {
test(`on a ${device}, a tap on the comment field focuses a real field, and the rating with its words reaches the server`, async () => {
  const page = await openApp(suite.browser, suite.server.url, device);
  const ratingsBefore = suite.server.counts().ratings;
  await press(page, 'button', 'Rate a place');
  await press(page, 'button', 'Coventry Central Library');
  await press(page, 'radio', '5 of 5: Yes, a lot');
  for (let step = 1; step < 14; step++) {
    await page.waitForFunction((s) => window.safespaces.ui.items.some((i) => i.name.includes(`question ${s + 1} of`)), step);
    await press(page, 'button', 'Skip this question');
  }
  const field = page.getByRole('textbox', { name: 'Your words (you do not have to write anything)' });
  await field.waitFor({ state: 'attached', timeout: 60000 });
  await field.tap();  // a real finger tap on the field itself
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'TEXTAREA');
  assert.equal(await field.getAttribute('inputmode'), 'text');
  await page.keyboard.insertText('The quiet room is lovely 😊');  // as a phone keyboard or IME delivers it
  await page.waitForFunction(() => window.safespaces.ui.items.some(
    (i) => i.role === 'textbox' && i.value === 'The quiet room is lovely 😊'));
  const colour = await field.evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(colour, 'rgba(0, 0, 0, 0)', 'the field shows what is typed while it has focus');
  await screenshot(page, `rate-comment-typing-${device}`);
  await press(page, 'button', 'Next');
  await press(page, 'button', 'Finish: check and send');
  await press(page, 'button', 'Send');
  await waitForScreen(page, 'Thank you');
  await page.waitForFunction(() => window.safespaces.ui.items.some(
    (i) => i.role === 'status' && i.name === 'Sent! Thank you.'), null, { timeout: 60000 });
  assert.equal(suite.server.counts().ratings, ratingsBefore + 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
}
