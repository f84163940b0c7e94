// Browser test of an officer's review, end to end, in two browser contexts: a phone suggests
// a place; another phone's suggestion, sent straight to the API, has words the screening
// flags (a phone number, and words about being hurt), so it comes first in the queue; an
// officer logs in on a laptop (1440x900), opens the review queue, picks the phone's place and
// approves it with the A key (through the page's mirror, as a keyboard user would); after the
// phone's next sync the place is on its map. Screenshots: the queue and the city picture.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { config, openApp, press, screenshot, seriousAxeViolations, tapButton, typeInto, uiRecord,
  useServerAndBrowser, waitForItem, waitForScreen } from './harness.mjs';

const suite = useServerAndBrowser({ demoPlaces: true });

const PASSWORD = 'officers check every idea';
const PLACE = 'Riverside Quiet Garden';
const WORRYING = 'Canal Path Bench';

function thisMonth() {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function settle(page) {
  await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 300)));
}

const named = (page, pattern) => page.waitForFunction(
  (source) => window.safespaces.ui.items.some((i) => new RegExp(source).test(i.name)), pattern, { timeout: 60000 });

// The phone's journey, briefly: the pin where the map is, a name, a kind, one reason, one answer.
async function suggestFromPhone(phone) {
  await press(phone, 'button', 'Suggest a place');
  await waitForScreen(phone, 'Suggest a place: where is it?');
  await tapButton(phone, 'This is the place');
  await phone.waitForFunction(() => ['Suggest a place: is it one of these?', 'Suggest a place: what is it called?']
    .includes(window.safespaces.ui.screen));
  if ((await uiRecord(phone)).screen === 'Suggest a place: is it one of these?') await tapButton(phone, 'No, mine is new');
  await waitForScreen(phone, 'Suggest a place: what is it called?');
  await typeInto(phone, 'The name of the place', PLACE);
  await press(phone, 'button', 'Next');
  await waitForScreen(phone, 'Suggest a place: what kind of place is it?');
  await press(phone, 'radio', 'Park');
  await waitForScreen(phone, 'Suggest a place: why is it a safe space?');
  await press(phone, 'switch', 'It is quiet');
  await press(phone, 'button', 'Next');
  await waitForScreen(phone, 'Suggest a place: question 1 of 16');
  await press(phone, 'radio', '5 of 5: Yes, a lot');
  await waitForScreen(phone, 'Suggest a place: question 2 of 16');
  await press(phone, 'button', 'Finish the questions');
  await waitForScreen(phone, 'Suggest a place: check and send');
  await tapButton(phone, 'Send');
  await waitForItem(phone, 'status', 'Sent! Thank you.');
}

test('an officer approves a phone\'s suggestion from the review queue, and the place reaches the phone\'s map', async () => {
  execFileSync(config.admin, ['add-staff', '--data', suite.server.data, '--role', 'officer', 'alex.officer'],
    { input: `${PASSWORD}\n` });

  const phone = await openApp(suite.browser, suite.server.url, 'phone');
  await press(phone, 'button', 'Rate a place');  // the map's places come with the first sync
  await phone.getByRole('button', { name: 'Coventry Central Library' }).waitFor({ state: 'attached' });
  await press(phone, 'button', 'Back');
  await suggestFromPhone(phone);

  // Another young person's idea, with words the screening must flag for an officer.
  const device = randomUUID();
  const id = randomUUID();
  const worrying = { kind: 'suggestion', id, device_id: device, name: WORRYING, category: 'park',
    lat: 52.4102, lon: -1.5021, why: 'Nobody hurts me there. Text me on 07700 900123', reasons: ['feel_safe'],
    first_rating: { id: randomUUID(), place_id: id, device_id: device, scales: { welcome: 4 }, facilities: {},
      visit_month: thisMonth() } };
  const sent = await fetch(`${suite.server.url}/api/v1/sync`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ device_id: device, items: [worrying] }) });
  assert.equal(sent.status, 200);

  // The officer, on a laptop.
  const officer = await openApp(suite.browser, suite.server.url, 'laptop');
  await press(officer, 'button', 'Settings');
  await press(officer, 'button', 'I am a youth worker or council officer');
  await waitForScreen(officer, 'Log in for staff');
  await officer.locator('input[aria-label="Username"]').fill('alex.officer');
  await officer.locator('input[aria-label="Password"]').fill(PASSWORD);
  await press(officer, 'button', 'Log in');
  await waitForScreen(officer, 'Group sessions');
  await press(officer, 'button', 'Review queue');
  await waitForScreen(officer, 'Review queue');
  await named(officer, `^${PLACE}`);
  await named(officer, `^${WORRYING}`);
  const list = (await uiRecord(officer)).items.filter((i) => i.role === 'button' && [PLACE, WORRYING].some((n) => i.name.startsWith(n)));
  assert.ok(list[0].name.startsWith(WORRYING), 'the safeguarding finding comes first in the queue');
  await named(officer, 'Safeguarding: tell the designated person');
  await named(officer, 'Phone number');
  await settle(officer);
  await screenshot(officer, 'review-queue-1440x900');
  assert.deepEqual(await seriousAxeViolations(officer), []);

  // The phone's place, approved with the A key.
  await press(officer, 'button', list[1].name);
  await named(officer, `^Approve \\(A\\)$`);
  await officer.waitForFunction((n) => window.safespaces.ui.items.some((i) => i.role === 'heading' && i.name === n), PLACE);
  await officer.locator('body').focus();
  await officer.keyboard.press('a');
  await officer.waitForFunction((n) => !window.safespaces.ui.items.some((i) => i.role === 'button' && i.name.startsWith(n)),
    PLACE, { timeout: 60000 });
  const feed = await (await fetch(`${suite.server.url}/api/v1/places?limit=1000`)).json();
  assert.ok(feed.places.some((p) => p.name === PLACE), 'the approved place is on the public map');
  assert.ok(!feed.places.some((p) => p.name === WORRYING), 'the flagged one still waits');

  // The city picture, as an officer sees it.
  await press(officer, 'button', 'Staff home');
  await waitForScreen(officer, 'Group sessions');
  await press(officer, 'button', 'City picture');
  await waitForScreen(officer, 'City picture');
  await settle(officer);
  await settle(officer);
  await screenshot(officer, 'city-picture-1440x900');
  assert.deepEqual(await seriousAxeViolations(officer), []);

  // The phone's next sync (it syncs as it starts) brings the place to its map.
  await phone.waitForFunction(() => window.safespaces.saving === false);
  await phone.reload();
  await phone.waitForFunction(() => window.safespaces && window.safespaces.ready);
  phone.problems.length = 0;  // leaving the first page cut its requests short: that is not a fault
  await press(phone, 'button', 'Rate a place');
  await phone.getByRole('button', { name: PLACE }).waitFor({ state: 'attached', timeout: 60000 });
  await press(phone, 'button', 'Back');
  await press(phone, 'button', 'My places');
  await waitForScreen(phone, 'My places');
  await waitForItem(phone, 'button', PLACE);  // what they sent, now on the map: a tap opens its card
  assert.deepEqual(phone.problems, []);
  assert.deepEqual(officer.problems, []);
  await phone.context().close();
  await officer.context().close();
});
