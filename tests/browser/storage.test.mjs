// Browser test: what a device saves in IndexedDB comes back after a reload, kept in pieces
// (Chromium refuses one value over 127 MB, which the device database passes at about 65,000
// places), and a device that saved with the older store (Emscripten's IDBFS, one value a
// file) keeps what it saved, which is then moved and the old copy deleted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEVICES, press, uiRecord, useServerAndBrowser, waitForScreen } from './harness.mjs';

const suite = useServerAndBrowser();
const PIECE_BYTES = 1024;  // small pieces, so that this small database has many
const FILE = '/data/safespaces-device.db';

// A fresh phone whose store uses PIECE_BYTES pieces; it has passed the welcome and saved.
async function openSmallPieces() {
  const context = await suite.browser.newContext({ ...DEVICES.phone });
  await context.addInitScript((bytes) => { window.safespacesChunkBytes = bytes; }, PIECE_BYTES);
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error' || /could not/.test(msg.text())) page.problems.push(msg.text()); });
  page.on('pageerror', (err) => page.problems.push(err.message));
  await page.goto(suite.server.url + '/');
  await page.waitForFunction(() => window.safespaces && window.safespaces.ready);
  await waitForScreen(page, 'Welcome to Safe Spaces');
  await press(page, 'button', 'Skip');
  await waitForScreen(page, 'Safe Spaces: home');
  await saved(page);
  return page;
}

async function saved(page) {
  await page.waitForFunction(() => window.safespaces.saving === false);
}

// The device database's bytes in memory, as a short fingerprint and its size.
function fingerprint(page) {
  return page.evaluate((file) => {
    const bytes = FS.readFile(file);
    let hash = 2166136261;
    for (let i = 0; i < bytes.length; ++i) hash = Math.imul(hash ^ bytes[i], 16777619) >>> 0;
    return { size: bytes.length, hash };
  }, FILE);
}

// What IndexedDB holds: the list of files in our store, and the names of every database.
function stored(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, bad) => {
      const request = indexedDB.open('safespaces-device');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => bad(request.error);
    });
    const list = await new Promise((ok) => {
      const get = db.transaction('pieces').objectStore('pieces').get('files');
      get.onsuccess = () => ok(get.result);
    });
    db.close();
    return { list, databases: (await indexedDB.databases()).map((d) => d.name) };
  });
}

test('what a device saved comes back after a reload, kept in many pieces', async () => {
  const page = await openSmallPieces();
  const before = await fingerprint(page);
  const { list, databases } = await stored(page);
  const entry = list['safespaces-device.db'];
  assert.equal(entry.size, before.size);
  assert.equal(entry.pieces, Math.ceil(before.size / PIECE_BYTES));
  assert.ok(entry.pieces > 10, `${entry.pieces} pieces`);
  assert.ok(!databases.includes('/data'), 'no copy is left in the older store');

  await page.reload();
  await page.waitForFunction(() => window.safespaces && window.safespaces.ready);
  assert.equal((await uiRecord(page)).screen, 'Safe Spaces: home', 'the welcome was remembered');
  assert.deepEqual(await fingerprint(page), before, 'the same bytes came back');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a device that saved with the older store keeps what it saved, and the old copy goes', async () => {
  const page = await openSmallPieces();
  const before = await fingerprint(page);
  // Put the device's data back as an older Safe Spaces kept it: IDBFS's database named after
  // the folder, one record a file; and nothing in the new store.
  await page.evaluate(async (file) => {
    const bytes = FS.readFile(file);
    await new Promise((ok, bad) => {
      const request = indexedDB.deleteDatabase('safespaces-device');
      request.onsuccess = ok;
      request.onerror = () => bad(request.error);
    });
    const db = await new Promise((ok, bad) => {
      const request = indexedDB.open('/data', 21);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('FILE_DATA').createIndex('timestamp', 'timestamp', { unique: false });
      };
      request.onsuccess = () => ok(request.result);
      request.onerror = () => bad(request.error);
    });
    await new Promise((ok, bad) => {
      const tx = db.transaction('FILE_DATA', 'readwrite');
      tx.objectStore('FILE_DATA').put({ timestamp: new Date(), mode: 0o100644, contents: bytes }, file);
      tx.oncomplete = ok;
      tx.onerror = () => bad(tx.error);
    });
    db.close();
  }, FILE);

  await page.reload();
  await page.waitForFunction(() => window.safespaces && window.safespaces.ready);
  assert.equal((await uiRecord(page)).screen, 'Safe Spaces: home', 'the welcome was remembered');
  assert.equal((await fingerprint(page)).size, before.size);
  // The next save (after the app's first sync) writes the new store and deletes the old copy.
  await page.waitForFunction(async () => !(await indexedDB.databases()).some((d) => d.name === '/data'),
    null, { polling: 250 });
  await saved(page);
  const { list } = await stored(page);
  assert.ok(list['safespaces-device.db'].size > 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
