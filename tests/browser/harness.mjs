// Browser-test harness: starts the real safespaces-server on a free port with a fresh data
// folder, opens the served app in Debian's headless Chromium through playwright-core, and
// finds items through the app's own UI record (window.safespaces.ui), which names each
// item and gives its rectangle in CSS pixels. Paths come from CTest (see CMakeLists.txt).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const config = {
  server: process.env.SAFESPACES_SERVER,
  admin: process.env.SAFESPACES_ADMIN,
  demoPlaces: process.env.SAFESPACES_DEMO_PLACES,
  web: process.env.SAFESPACES_WEB_DIST,
  screenshots: process.env.SAFESPACES_SCREENSHOTS || path.join(tmpdir(), 'safespaces-screenshots'),
};

export const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  tablet: { viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  laptop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
};

// Starts the server; resolves to {url, stop()} once it prints the address it listens on.
// With {demoPlaces: true}, the data folder first gets the demo places (assets/demo). The map
// always has synthetic tiles of its own (safespaces-admin make-tiles), served by the server:
// tests never reach the internet.
export async function startServer({ demoPlaces = false } = {}) {
  const data = mkdtempSync(path.join(tmpdir(), 'safespaces-browser-'));
  if (demoPlaces) execFileSync(config.admin, ['add-places', '--data', data, config.demoPlaces]);
  const tiles = path.join(data, 'tiles.mbtiles');
  execFileSync(config.admin, ['make-tiles', '--out', tiles]);
  const child = spawn(config.server, ['--port', '0', '--data', data, '--web', config.web, '--tiles', tiles], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 15000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/running on (http:\/\/[^\s]+)/);
      if (match) { clearTimeout(timer); resolve(match[1].replace(/\/$/, '')); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${log}`)); });
  });
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    url,
    data,
    log: () => log,
    // What the server's database holds, by the admin tool's own count.
    counts() {
      const text = execFileSync(config.admin, ['counts', '--data', data]).toString();
      return Object.fromEntries([...text.matchAll(/^([a-z ]+?) (\d+)/gm)].map((m) => [m[1], Number(m[2])]));
    },
    async stop() {
      child.kill('SIGTERM');
      const result = await exited;
      rmSync(data, { recursive: true, force: true });
      return result;
    },
  };
}

export async function launchBrowser() {
  // playwright-core gives Chromium a fresh, empty profile of its own for each launch.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: () => browser.close() };
}

// Opens the app on a new page of the given device and waits for its ready signal.
// Every console error and page error is collected in page.problems. `context` adds options
// to the browser context (a position and the permission to read it, say).
export async function openApp(browser, url, device, { skipWelcome = true, context: extra = {} } = {}) {
  const context = await browser.newContext({ ...DEVICES[device], ...extra });
  const page = await context.newPage();
  // Software WebGL at devicePixelRatio 3 draws a few frames a second, slower still when the
  // machine is busy: waits are long, and a test that passes never waits them out.
  page.setDefaultTimeout(60000);
  page.problems = [];
  page.on('console', (msg) => {
    // A WebGL call the GPU refused shows only as a warning, but means something is not drawn.
    if (msg.type() === 'error' || /WebGL: INVALID/.test(msg.text())) page.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => page.problems.push(`request failed: ${req.url()}`));
  const started = Date.now();
  await page.goto(url + '/');
  await page.waitForFunction(() => window.safespaces && window.safespaces.ready, null, { timeout: 60000 });
  page.readyAfterMs = Date.now() - started;
  // A new device starts with the welcome; most tests start from home, as a returning user.
  if (skipWelcome && (await uiRecord(page)).screen === 'Welcome to Safe Spaces') {
    await press(page, 'button', 'Skip');
    await waitForScreen(page, 'Safe Spaces: home');
  }
  return page;
}

export async function uiRecord(page) {
  return page.evaluate(() => window.safespaces.ui);
}

export async function waitForScreen(page, screenName) {
  await page.waitForFunction((name) => window.safespaces.ui && window.safespaces.ui.screen === name,
    screenName, { timeout: 60000 });
}

// Taps (or clicks, on a laptop) the centre of the button with this accessible name.
export async function tapButton(page, name) {
  const record = await uiRecord(page);
  const item = record.items.find((i) => i.role === 'button' && i.name === name);
  if (!item) throw new Error(`no button named "${name}" on screen "${record.screen}"`);
  const [x, y, w, h] = item.rect;
  const from = await appFrames(page);
  if (page.context()._options.hasTouch) await page.touchscreen.tap(x + w / 2, y + h / 2);
  else await page.mouse.click(x + w / 2, y + h / 2);
  await handled(page, from);
}

// The app's frames so far (runtime.cpp counts them in window.safespaces.frameCount).
async function appFrames(page) {
  return page.evaluate(() => window.safespaces.frameCount || 0);
}

// Waits until the app has run three frames since `from`: one takes the press, one applies
// it, one shows the new screen in its UI record. A person cannot press twice faster than
// that; a test that did would press the old screen's button (an idle frame takes a few ms,
// so two presses can land in one frame, and then only the first one counts).
async function handled(page, from) {
  await page.waitForFunction((f) => (window.safespaces.frameCount || 0) >= f + 3, from, { polling: 'raf', timeout: 60000 });
}

export async function screenshot(page, name) {
  mkdirSync(config.screenshots, { recursive: true });
  const file = path.join(config.screenshots, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// One server and one browser for a whole test file: `const suite = useServerAndBrowser()`,
// then suite.server and suite.browser in the tests. The server must stop cleanly.
export function useServerAndBrowser({ demoPlaces = false } = {}) {
  const suite = {};
  before(async () => {
    suite.server = await startServer({ demoPlaces });
    suite.launched = await launchBrowser();
    suite.browser = suite.launched.browser;
  });
  after(async () => {
    await suite.launched?.close();
    const result = await suite.server?.stop();
    if (result && result.code !== 0) throw new Error(`the server did not stop cleanly: ${JSON.stringify(result)}`);
  });
  return suite;
}

// Presses an item through its HTML twin (role and exact name), as a screen reader's
// activation does; waits for the item to be there first.
export async function press(page, role, name) {
  const item = page.getByRole(role, { name, exact: true });
  await item.waitFor({ state: 'attached' });
  const from = await appFrames(page);
  await item.dispatchEvent('click');
  await handled(page, from);
}

// axe-core's serious and critical findings on the page as it is now, one line each.
export async function seriousAxeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// Waits until an item with this role and exact name is on the screen.
export async function waitForItem(page, role, name) {
  await page.waitForFunction(([r, n]) => window.safespaces.ui.items.some((i) => i.role === r && i.name === n),
    [role, name], { timeout: 60000 });
}

// Types into a text field as a phone does: a finger on the field, then the keyboard's text.
export async function typeInto(page, name, text) {
  const field = page.getByRole('textbox', { name, exact: true });
  await field.waitFor({ state: 'attached' });
  await field.tap();
  await page.keyboard.insertText(text);
  await page.waitForFunction(([n, t]) => window.safespaces.ui.items.some(
    (i) => i.role === 'textbox' && i.name === n && i.value === t), [name, text]);
}
