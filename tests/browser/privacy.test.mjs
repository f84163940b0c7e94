// Browser test of "Your privacy" and "Delete everything I sent" in real Chromium against the
// real server: a phone rates a place, reads the privacy page (Settings -> Your privacy),
// deletes everything it sent, and the server's own database (safespaces-admin counts) no
// longer has the rating, its old restore code finds nothing, and My places is empty. The
// pages also drawn on a tablet and a laptop; axe finds nothing serious on any of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  openApp, press, screenshot, seriousAxeViolations, uiRecord, useServerAndBrowser, waitForItem, waitForScreen,
} from './harness.mjs';

const suite = useServerAndBrowser({ demoPlaces: true });

async function settle(page) {
  // Two animation frames: the app draws the new screen before the picture is taken.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function checkTargets(page, label) {
  const record = await uiRecord(page);
  const width = page.viewportSize().width;
  for (const item of record.items) {
    const [x, , w, h] = item.rect;
    assert.ok(x >= 0 && x + w <= width + 0.5, `${label}: "${item.name}" fits across the screen`);
    if (item.role === 'button') assert.ok(w >= 48 && h >= 48, `${label}: "${item.name}" is at least 48x48 (${w}x${h})`);
  }
}

// The server's answer to a restore code typed on a new phone.
async function restoreStatus(code) {
  const answer = await fetch(`${suite.server.url}/api/v1/restore`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }),
  });
  return answer.status;
}

async function waitUntil(check, what, timeoutMs = 60000) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('a phone deletes everything it sent: gone from the server and from My places', async () => {
  const before = suite.server.counts();
  const page = await openApp(suite.browser, suite.server.url, 'phone');
  await press(page, 'button', 'Rate a place');
  await page.getByRole('button', { name: 'Coventry Central Library' }).waitFor({ state: 'attached' });
  await press(page, 'button', 'Coventry Central Library');
  await waitForScreen(page, 'Rate a place: a question');
  await press(page, 'radio', '5 of 5: Yes, a lot');
  await press(page, 'button', 'Finish: check and send');
  await press(page, 'button', 'Send');
  await waitForScreen(page, 'Thank you');
  // The rating really reached the server before it is deleted there.
  await waitUntil(() => suite.server.counts().ratings === before.ratings + 1, 'the rating on the server');

  await press(page, 'button', 'Go to the start');
  await waitForScreen(page, 'Safe Spaces: home');
  await press(page, 'button', 'Settings');
  await waitForScreen(page, 'Settings');
  await page.getByRole('heading', { name: 'Your restore code' }).waitFor({ state: 'attached' });
  const words = (await uiRecord(page)).items.map((i) => i.name)
    .find((n) => /^[a-z]{3,7} [a-z]{3,7} [a-z]{3,7} [a-z]{3,7}$/.test(n));
  assert.ok(words, 'the restore code is shown');
  assert.equal(await restoreStatus(words), 200, 'before: the restore code finds this phone');
  await page.getByRole('button', { name: 'Delete everything I sent' }).focus();  // Settings' privacy part in view
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  await screenshot(page, 'settings-privacy-phone');

  await press(page, 'button', 'Your privacy');
  await waitForScreen(page, 'Your privacy');
  await page.getByText('We never keep where you are.').waitFor({ state: 'attached' });
  await settle(page);
  await screenshot(page, 'privacy-phone');
  await checkTargets(page, 'privacy page');
  assert.deepEqual(await seriousAxeViolations(page), [], 'privacy page');
  // The end of the page: the keyboard (or a screen reader) on its last button brings it into view.
  await page.getByRole('button', { name: 'Delete everything I sent' }).focus();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  await screenshot(page, 'privacy-phone-end');

  await press(page, 'button', 'Delete everything I sent');
  await waitForScreen(page, 'Delete everything I sent');
  await page.getByText('You cannot get it back.').waitFor({ state: 'attached' });
  await settle(page);
  await screenshot(page, 'delete-sent-phone');
  await checkTargets(page, 'delete question');
  assert.deepEqual(await seriousAxeViolations(page), [], 'delete question');

  await press(page, 'button', 'Yes, delete everything');
  await waitForItem(page, 'status', 'Done. Everything you sent is deleted.');
  await settle(page);
  await screenshot(page, 'delete-sent-done-phone');
  assert.deepEqual(suite.server.counts(), before, 'the server holds what it held before the phone rated');
  assert.equal(await restoreStatus(words), 404, 'after: the old restore code finds nothing');

  await press(page, 'button', 'Back to home');
  await waitForScreen(page, 'Safe Spaces: home');
  await press(page, 'button', 'My places');
  await waitForScreen(page, 'My places');
  await page.getByText('Nothing yet. When you rate or suggest a place, it shows here.').waitFor({ state: 'attached' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const device of ['tablet', 'laptop']) {
  test(`the privacy page and the question before deleting on a ${device}`, async () => {
    const page = await openApp(suite.browser, suite.server.url, device);
    await press(page, 'button', 'Settings');
    await waitForScreen(page, 'Settings');
    await press(page, 'button', 'Your privacy');
    await waitForScreen(page, 'Your privacy');
    await page.getByText('We never keep where you are.').waitFor({ state: 'attached' });
    await settle(page);
    await screenshot(page, `privacy-${device}`);
    await checkTargets(page, `privacy page, ${device}`);
    assert.deepEqual(await seriousAxeViolations(page), [], `privacy page, ${device}`);
    await press(page, 'button', 'Delete everything I sent');
    await waitForScreen(page, 'Delete everything I sent');
    await page.getByText('You cannot get it back.').waitFor({ state: 'attached' });
    await settle(page);
    await screenshot(page, `delete-sent-${device}`);
    assert.deepEqual(await seriousAxeViolations(page), [], `delete question, ${device}`);
    await press(page, 'button', 'No, keep it');
    await waitForScreen(page, 'Your privacy');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
