// The officers' exports read by someone else's parsers, as a council's spreadsheet or GIS
// would read them: the real server (no browser needed), places imported by an officer
// (names a spreadsheet would take for formulas among them), then the CSV export opened with
// csv-parse from npm and the GeoJSON with JSON.parse, checked against RFC 4180 and RFC 7946.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { config, startServer } from './harness.mjs';

const PASSWORD = 'exports for the local offer';
let server;
let token;

before(async () => {
  server = await startServer({ demoPlaces: true });
  execFileSync(config.admin, ['add-staff', '--data', server.data, '--role', 'officer', 'sam.officer'],
    { input: `${PASSWORD}\n` });
  const login = await fetch(`${server.url}/api/v1/staff/login`, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'sam.officer', password: PASSWORD }) });
  assert.equal(login.status, 200);
  token = (await login.json()).token;
});

after(async () => {
  const result = await server.stop();
  assert.equal(result.code, 0);
});

const asOfficer = (path, init = {}) =>
  fetch(server.url + path, { ...init, headers: { ...(init.headers || {}), Authorization: `Bearer ${token}` } });

const RISKY = ['=HYPERLINK("http://example.com","Click me")', '+44 Youth Hub', '-Quiet Corner', '@Home Cafe'];

test('an import, then the CSV export opened with csv-parse: every row whole, formula-like names made harmless', async () => {
  const rows = RISKY.map((name, i) => `"${name.replace(/"/g, '""')}",cafe,${(52.40 + i * 0.002).toFixed(4)},-1.5100,"${i + 1} Test Street"`);
  const imported = await asOfficer('/api/v1/import', { method: 'POST', headers: { 'Content-Type': 'text/csv' },
    body: ['name,category,lat,lon,address', ...rows].join('\r\n') });
  assert.equal(imported.status, 200);
  const answer = await imported.json();
  assert.equal(answer.added, RISKY.length, JSON.stringify(answer));

  const response = await asOfficer('/api/v1/export/places.csv');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/csv/);
  const records = parse(await response.text(), { bom: true, columns: true, skip_empty_lines: true });
  const feed = await (await fetch(`${server.url}/api/v1/places?limit=1000`)).json();
  assert.equal(records.length, feed.places.length, 'one row per place on the public map');
  for (const name of RISKY) {
    const row = records.find((r) => r.name === `'${name}`);
    assert.ok(row, `"${name}" comes out with a leading apostrophe, so no spreadsheet runs it`);
  }
  assert.ok(records.some((r) => r.name === 'Coventry Central Library'), 'a plain name is left as it is');
  // Only a plain number (a longitude west of Greenwich) may start with "-": a spreadsheet reads it as that number.
  for (const row of records) {
    for (const cell of Object.values(row)) {
      if (/^-\d+(\.\d+)?$/.test(cell)) continue;
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `no cell starts like a formula: ${cell}`);
    }
  }

  // Without a login, or as a youth worker, there is no export.
  assert.equal((await fetch(`${server.url}/api/v1/export/places.csv`)).status, 401);
});

test('the GeoJSON export is an RFC 7946 FeatureCollection of points in [longitude, latitude] order', async () => {
  const response = await asOfficer('/api/v1/export/places.geojson');
  assert.equal(response.status, 200);
  const doc = JSON.parse(await response.text());
  assert.equal(doc.type, 'FeatureCollection');
  assert.ok(doc.features.length >= 10);
  for (const feature of doc.features) {
    assert.equal(feature.type, 'Feature');
    assert.equal(feature.geometry.type, 'Point');
    const [lon, lat] = feature.geometry.coordinates;
    assert.ok(lon > -1.8 && lon < -1.3 && lat > 52.3 && lat < 52.5, `${feature.properties.name}: [lon, lat] in Coventry`);
    assert.equal(typeof feature.properties.name, 'string');
  }
});
