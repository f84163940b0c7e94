// Browser test of a co-production session, start to finish, in two browser contexts: a
// youth worker's board on a 1280x720 projector and a young person's phone. The youth worker
// logs in and starts a session; the phone opens the join link from the QR code, joins and
// rates a place, and the rating shows on the board (the delay is printed); three more
// phones of the group, sent straight to the API, make the board look like a session in
// progress; Hide takes an item off the board into the officers' queue; End shows the
// summary, saved as CSV, and the phone hears the group has ended.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { config, openApp, press, screenshot, seriousAxeViolations, uiRecord, useServerAndBrowser,
  waitForScreen } from './harness.mjs';

const suite = useServerAndBrowser({ demoPlaces: true });

const PASSWORD = 'a long and happy password';
const LIBRARY = 'Coventry Central Library';

function thisMonth() {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function api(path, body) {
  const res = await fetch(suite.server.url + path, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

// Another phone of the group, straight through the API: it joins, then sends `items`.
async function phoneSends(code, nickname, makeItems) {
  const device = randomUUID();
  const joined = await api('/api/v1/sessions/join', { room_code: code, device_id: device, nickname });
  assert.equal(joined.status, 200, JSON.stringify(joined.body));
  const items = makeItems(device, joined.body.session_id);
  const sent = await api('/api/v1/sync', { device_id: device, items });
  assert.equal(sent.status, 200);
  assert.ok(sent.body.results.every((r) => r.status === 'accepted'), JSON.stringify(sent.body.results));
}

function rating(device, session, placeId, faces) {
  return { kind: 'rating', id: randomUUID(), place_id: placeId, device_id: device, session_id: session,
    scales: { welcome: faces, quiet: faces, staff_understand: faces }, facilities: { step_free: 'yes' },
    visit_month: thisMonth() };
}

function suggestion(device, session, name, lat, lon) {
  const id = randomUUID();
  return { kind: 'suggestion', id, device_id: device, session_id: session, name, category: 'park', lat, lon,
    why: 'It is quiet and green', reasons: ['quiet', 'calm_space'],
    first_rating: { id: randomUUID(), place_id: id, device_id: device, session_id: session,
      scales: { welcome: 5, quiet: 5 }, facilities: {}, visit_month: thisMonth() } };
}

const has = (page, pattern) => page.waitForFunction(
  (source) => window.safespaces.ui.items.some((i) => new RegExp(source).test(i.name)), pattern, { timeout: 60000 });

async function settle(page) {
  await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 300)));
}

test('a rating made on a phone in the group shows on the youth worker\'s board; hide, end and the summary work', async () => {
  execFileSync(config.admin, ['add-staff', '--data', suite.server.data, '--role', 'youth_worker', 'sam.jones'],
    { input: `${PASSWORD}\n` });
  const places = (await api('/api/v1/places?limit=100')).body.places;
  const placeId = (name) => places.find((p) => p.name === name).id;

  // The youth worker, on the laptop that drives the projector.
  const board = await openApp(suite.browser, suite.server.url, 'laptop',
    { context: { viewport: { width: 1280, height: 720 } } });
  await press(board, 'button', 'Settings');
  await press(board, 'button', 'I am a youth worker or council officer');
  await waitForScreen(board, 'Log in for staff');
  await board.locator('input[aria-label="Username"]').fill('sam.jones');
  await board.locator('input[aria-label="Password"]').fill(PASSWORD);
  assert.equal(await board.locator('input[aria-label="Password"]').getAttribute('type'), 'password');
  await press(board, 'button', 'Log in');
  await waitForScreen(board, 'Group sessions');
  await press(board, 'button', 'Start a group session');
  await waitForScreen(board, 'Start a group session');
  await board.getByRole('textbox', { name: 'Name of the session' }).fill('Tuesday group, Hillfields');
  await board.getByRole('textbox', { name: 'Theme (you can leave this empty)' }).fill('places to go after school');
  await has(board, '^Start$');
  await press(board, 'button', 'Start');
  await waitForScreen(board, 'Group board');
  await has(board, '^The code is');
  const code = (await uiRecord(board)).items.find((i) => /^The code is/.test(i.name)).name
    .replace('The code is', '').replace(/[\s-]/g, '');
  assert.match(code, /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/, 'a room code with no look-alikes');
  await has(board, 'A QR code. Point');  // the QR picture arrived from the server

  // The phone scans the QR code: its link opens "Join a group" with the code filled in.
  const phone = await openApp(suite.browser, suite.server.url, 'phone');
  await phone.waitForFunction(() => window.safespaces.saving === false);  // the welcome, seen, is kept
  await phone.goto(`${suite.server.url}/join/${code}`);
  await phone.waitForFunction(() => window.safespaces && window.safespaces.ready);
  phone.problems.length = 0;  // leaving the first page cut its requests short: that is not a fault
  await waitForScreen(phone, 'Join a group');
  const typed = (await uiRecord(phone)).items.find((i) => i.role === 'textbox' && i.name === 'Group code');
  assert.equal(typed.value, code);
  await press(phone, 'button', 'Join');
  await has(phone, '^You are in: Tuesday group, Hillfields$');
  await settle(phone);
  await screenshot(phone, 'group-joined-phone');
  assert.deepEqual(await seriousAxeViolations(phone), []);
  const nickname = (await uiRecord(phone)).items.find((i) => /^Your nickname in the group: /.test(i.name)).name
    .replace('Your nickname in the group: ', '');
  await has(board, `^Who is here \\(1\\)`);

  // The phone rates the library; the board shows it.
  await press(phone, 'button', 'Rate a place');
  await phone.getByRole('button', { name: LIBRARY }).waitFor({ state: 'attached' });
  await press(phone, 'button', LIBRARY);
  await waitForScreen(phone, 'Rate a place: a question');
  await press(phone, 'radio', '5 of 5: Yes, a lot');
  await press(phone, 'button', 'Finish: check and send');
  await press(phone, 'button', 'Send');
  await phone.waitForFunction(() => window.safespaces.ui.items.some(
    (i) => i.role === 'status' && i.name === 'Sent! Thank you.'), null, { timeout: 60000 });
  const sentAt = Date.now();
  await has(board, `^${nickname} rated ${LIBRARY}`);
  console.log(`# the phone's rating was on the board ${Date.now() - sentAt} ms after the phone showed "Sent!"`);

  // Three more of the group, a suggestion among them, to see a session in progress.
  await phoneSends(code, 'Calm Fox', (d, s) => [rating(d, s, placeId('Herbert Art Gallery and Museum'), 4),
    suggestion(d, s, 'Hillfields Community Garden', 52.4152, -1.4975)]);
  await phoneSends(code, 'Kind Puffin', (d, s) => [rating(d, s, placeId(LIBRARY), 4),
    rating(d, s, placeId('War Memorial Park'), 3)]);
  await phoneSends(code, 'Sunny Robin', (d, s) => [suggestion(d, s, 'Swanswell Park benches', 52.4150, -1.5050)]);
  await has(board, '^Who is here \\(4\\)');
  await has(board, '^Calm Fox suggested Hillfields Community Garden');
  await has(board, '^Waiting for a check$');
  await settle(board);
  await screenshot(board, 'board-1280x720');
  assert.deepEqual(await seriousAxeViolations(board), []);

  // Hide the newest item: it leaves the board at once, and waits in the officers' queue.
  const before = (await uiRecord(board)).items.filter((i) => i.role === 'button' && i.name === 'Hide').length;
  await board.getByRole('button', { name: 'Hide', exact: true }).first().dispatchEvent('click');
  await has(board, '^You hid 1 thing\\.');
  const after = (await uiRecord(board)).items.filter((i) => i.role === 'button' && i.name === 'Hide').length;
  assert.equal(after, before - 1);
  assert.doesNotMatch((await uiRecord(board)).items.map((i) => i.name).join('\n'), /Swanswell Park benches/);

  // The same board on a tablet standing up.
  await board.setViewportSize({ width: 820, height: 1180 });
  await settle(board);
  await screenshot(board, 'board-tablet');
  await board.setViewportSize({ width: 1280, height: 720 });

  // End: the summary, saved as a spreadsheet.
  await press(board, 'button', 'End session');
  await press(board, 'button', 'Yes, end it');
  await waitForScreen(board, 'Session summary');
  await has(board, '^Save as a spreadsheet \\(CSV\\)$');
  await settle(board);
  await screenshot(board, 'session-summary-1280x720');
  assert.deepEqual(await seriousAxeViolations(board), []);
  await press(board, 'button', 'Save as a spreadsheet (CSV)');
  await board.waitForFunction(() => window.safespaces.saved);
  const saved = await board.evaluate(() => window.safespaces.saved);
  assert.equal(saved.type, 'text/csv');
  assert.match(saved.text, /Coventry Central Library/);
  assert.match(saved.text, /Hillfields Community Garden/);
  assert.doesNotMatch(saved.text, /Swanswell Park benches/, 'a hidden item is not in the summary');

  // The phone hears the group has ended the next time it asks (every 10 s).
  await press(phone, 'button', 'Go to the start');
  await has(phone, '^Your group has ended: Tuesday group, Hillfields$');
  assert.deepEqual(phone.problems, []);
  assert.deepEqual(board.problems, []);
  await phone.context().close();
  await board.context().close();
});
