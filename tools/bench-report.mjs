// The comparison table of tools/bench-compare.sh: reads every round's JSON (safespaces-bench's
// server-pN-rR.json, tools/bench-client.mjs's client-pN-NETWORK-rR.json), takes each figure's
// median over the rounds, puts it beside its peer with the ratio ours/peer and writes
// compare.md, compare.json and the scaling plots (gnuplot, PNG). Exits 3 when our app's
// first-visit download is over its budget. Plain Node, no packages. Start at main().
//
// Usage: node tools/bench-report.mjs --raw DIR --out DIR [--places "1000 10000"] [--rounds R]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const APP_BUDGET_BYTES = 2000000;  // bytes, gzipped: our first-visit app download (tools/bundle-size.sh)
const CLIENTS_AT = 16;             // clients for the server table's headline rows
const NETWORKS = ['fast', 'slow4g'];

function parseArgs(argv) {
  const args = { raw: '', out: '', places: null, rounds: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--raw') args.raw = value;
    else if (flag === '--out') args.out = value;
    else if (flag === '--places') args.places = value.split(/[ ,]+/).filter(Boolean).map(Number);
    else if (flag === '--rounds') args.rounds = Number(value);
    else throw new Error(`unknown argument ${flag}\nusage: node tools/bench-report.mjs --raw DIR --out DIR ` +
      '[--places "1000 10000"] [--rounds R]');
  }
  if (!args.raw || !args.out) throw new Error('--raw and --out are needed');
  return args;
}

// [SECTION] Reading the rounds

// { server: {places: [round docs]}, client: {"places/network": [round docs]} }
function readRounds(dir) {
  const rounds = { server: new Map(), client: new Map() };
  const add = (map, key, doc) => map.set(key, [...(map.get(key) || []), doc]);
  for (const name of readdirSync(dir).sort()) {
    let match;
    try {
      if ((match = name.match(/^server-p(\d+)-r\d+\.json$/)))
        add(rounds.server, Number(match[1]), JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
      else if ((match = name.match(/^client-p(\d+)-(fast|slow4g)-r\d+\.json$/)))
        add(rounds.client, `${match[1]}/${match[2]}`, JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
    } catch (error) {
      console.error(`${name} left out: ${error.message}`);
    }
  }
  return rounds;
}

// "3", or "3 at 1,000 and 10,000 places, 1 at 100,000" when the numbers of places had
// different numbers of rounds (a long run at one number of places done on its own).
// The server part and the client part are said apart when they differ (a --server-only run
// after a full one): "3 for the client and 1 for the server".
function roundsRun(rounds, places) {
  const said = (at) => {
    if (new Set(at).size <= 1) return String(at[0] ?? 0);
    const groups = new Map();
    places.forEach((n, i) => groups.set(at[i], [...(groups.get(at[i]) || []), n.toLocaleString('en-GB')]));
    return [...groups].map(([r, ns]) => `${r} at ${ns.join(' and ')} places`).join(', ');
  };
  const server = said(places.map((n) => rounds.server.get(n)?.length ?? 0));
  const client = said(places.map((n) => Math.max(...['fast', 'slow4g'].map((net) => rounds.client.get(`${n}/${net}`)?.length ?? 0))));
  if (server === client || client === '0') return server;
  if (server === '0') return client;
  return `${client} for the client and ${server} for the server`;
}

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// The median over the rounds of one server scenario's throughput (and its errors, summed).
function serverFigure(docs, key) {
  const rows = docs.map((doc) => doc.results.find((r) => r.key === key)).filter(Boolean);
  if (rows.length === 0) return null;
  return {
    per_second: median(rows.map((r) => r.per_second)),
    p50_ms: median(rows.map((r) => r.p50_ms)),
    cpu_us_per_unit: median(rows.map((r) => r.cpu_us_per_unit)),
    errors: rows.reduce((sum, r) => sum + r.errors, 0),
    rounds: rows.length,
  };
}

// The median over the rounds of one client figure for one side ("ours" or "leaflet").
function clientFigure(docs, figure, side) {
  return median(docs.map((doc) => doc[figure]?.[side]));
}

// [SECTION] The rows of the table

// One comparison: our median beside the peer's and the ratio ours/peer. `higher` says which
// way is better, so the last column can say plainly whether ours is ahead.
// A ceiling (nginx serving a file, bare SQLite) is what the machine manages at all, not a
// rival: the verdict then says how near ours comes (one-writer SQLite can be passed by group commit).
function row(section, what, unit, higher, ours, peerName, peer, extra = {}) {
  const ratio = ours != null && peer != null && peer !== 0 ? ours / peer : null;
  let verdict = '';
  if (ratio != null && extra.ceiling) verdict = ratio > 1 ? 'above it (commits shared by clients)' : `${Math.round(ratio * 100)}% of it`;
  else if (ratio != null) verdict = (higher ? ratio >= 1 : ratio <= 1) ? 'ahead' : 'behind';
  else if (ours != null && peer === 0) verdict = ours === 0 ? 'the same' : higher ? 'ahead' : 'behind';  // no ratio to 0
  return { section, what, unit, better: higher ? 'higher' : 'lower', ours, peer_name: peerName, peer, ratio, verdict,
    ...extra };
}

const SERVER_ROWS = [
  // [key of ours, key of the peer, peer's name, what, the peer is a ceiling]
  ['ratings_1.ours', 'ratings_1.json_server', 'json-server', 'accepted ratings/s, 1 per request', false],
  ['ratings_1.ours', 'sqlite_insert_1', 'bare SQLite, 1 row per transaction', 'accepted ratings/s, 1 per request', true],
  ['ratings_100.ours', 'sqlite_insert_100', 'bare SQLite, 100 rows per transaction', 'accepted ratings/s, 100 per request',
    true],
  ['pulls.ours', 'pulls.json_server', 'json-server', 'sync pulls/s (500 places a page)', false],
  ['pulls.ours', 'static_file.nginx', 'nginx, the same bytes as a file', 'sync pulls/s (500 places a page)', true],
  ['pulls.ours', 'static_file.nginx_wrk', 'nginx under wrk (its own load generator)', 'sync pulls/s (500 places a page)',
    true],
];

function serverRows(rounds, places) {
  const rows = [];
  for (const n of places) {
    const docs = rounds.server.get(n) || [];
    if (docs.length === 0) continue;
    for (const [oursKey, peerKey, peerName, what, ceiling] of SERVER_ROWS) {
      const ours = serverFigure(docs, oursKey), peer = serverFigure(docs, peerKey);
      if (!ours && !peer) continue;
      rows.push(row('server', what, '/s', true, ours?.per_second ?? null, peerName, peer?.per_second ?? null,
        { places: n, clients: CLIENTS_AT, ceiling, rounds: ours?.rounds ?? 0, errors_ours: ours?.errors ?? null,
          errors_peer: peer?.errors ?? null }));
    }
  }
  return rows;
}

function seriesRows(rounds, places) {
  const rows = [];
  for (const n of places) {
    const docs = rounds.server.get(n) || [];
    const clients = docs[0]?.series_clients || [];
    for (const c of clients)
      for (const [kind, what] of [['ratings_1', 'accepted ratings/s, 1 per request'], ['pulls', 'sync pulls/s']]) {
        const ours = serverFigure(docs, `series.${kind}.ours.c${c}`);
        const peer = serverFigure(docs, `series.${kind}.json_server.c${c}`);
        if (!ours && !peer) continue;
        rows.push(row('scaling', what, '/s', true, ours?.per_second ?? null, 'json-server', peer?.per_second ?? null,
          { places: n, clients: c, kind, rounds: ours?.rounds ?? 0 }));
      }
  }
  return rows;
}

const CLIENT_ROWS = [
  // [figure, what, unit, higher is better]
  ['start_ms', 'start: navigation to a usable map', 'ms', false],
  ['frame_cpu_ms', 'main-thread CPU per frame, panning and pinching', 'ms', false],
  ['frame_p95_ms', 'p95 frame interval', 'ms', false],
  ['long_tasks', 'long tasks while panning and pinching', '', false],
  ['js_heap_mb', 'JS heap', 'MB', false],
  ['wasm_heap_mb', 'wasm heap (ours only)', 'MB', false],
  ['download_gz_bytes', 'first visit downloads, all (app, places, tiles)', 'bytes', false],
  ['app_gz_bytes', 'first visit downloads, the app alone', 'bytes', false],
];

function clientRows(rounds, places) {
  const rows = [];
  for (const n of places)
    for (const network of NETWORKS) {
      const docs = rounds.client.get(`${n}/${network}`) || [];
      if (docs.length === 0) continue;
      for (const [figure, what, unit, higher] of CLIENT_ROWS)
        rows.push(row('client', what, unit, higher, clientFigure(docs, figure, 'ours'), 'Leaflet + markercluster',
          clientFigure(docs, figure, 'leaflet'), { places: n, network, figure, rounds: docs.length }));
    }
  return rows;
}

// Our app's download against the budget: the largest median over every client run.
function budget(rows) {
  const app = rows.filter((r) => r.figure === 'app_gz_bytes' && r.ours != null).map((r) => r.ours);
  const ours = app.length ? Math.max(...app) : null;
  return { limit_bytes: APP_BUDGET_BYTES, ours_app_gz_bytes: ours, checked: ours != null,
    over: ours != null && ours > APP_BUDGET_BYTES };
}

// [SECTION] Markdown

function fmt(value, unit = '') {
  if (value == null) return '-';
  if (unit === 'bytes') return `${Math.round(value).toLocaleString('en-GB')}`;
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-GB');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function markdown(doc) {
  const lines = [];
  const m = doc.machine;
  lines.push('# Safe Spaces beside its peers', '');
  lines.push(`Medians over the rounds (${doc.rounds}), same machine: ${m ? `${m.cpus} CPUs, ${m.cpu}, ${m.kernel}` :
    'machine unknown'}; load average at the end of the last server part ${m?.load_average_at_end ?? '-'}. ` +
    'Ratio = ours / peer; "ahead" when ours is better in the direction the figure is better (higher throughput, ' +
    'lower times, sizes and counts).', '');
  const client = doc.rows.filter((r) => r.section === 'client');
  if (client.length) {
    lines.push('## Client: ours beside a Leaflet + leaflet.markercluster page (headless Chromium, phone 390x844)', '');
    lines.push('| places | network | figure | unit | ours | Leaflet | ratio | ours is |', '|---:|---|---|---|---:|---:|---:|---|');
    for (const r of client)
      lines.push(`| ${r.places.toLocaleString('en-GB')} | ${r.network} | ${r.what} | ${r.unit} | ${fmt(r.ours, r.unit)} | ` +
        `${fmt(r.peer, r.unit)} | ${fmt(r.ratio)} | ${r.verdict} |`);
    lines.push('');
  } else {
    lines.push('## Client', '', 'Not run (no client figures: tools/bench-client.mjs missing or failed).', '');
  }
  const b = doc.budget;
  lines.push(b.checked ? `Budget: our app's first-visit download is ${fmt(b.ours_app_gz_bytes, 'bytes')} bytes gzipped, ` +
    `${b.over ? 'OVER' : 'under'} the ${b.limit_bytes.toLocaleString('en-GB')}-byte budget.` :
    'Budget: not checked (no client figures).', '');
  const server = doc.rows.filter((r) => r.section === 'server');
  if (server.length) {
    lines.push(`## Server: the same load generator (threads of safespaces-bench, keep-alive) at ${CLIENTS_AT} clients`, '');
    lines.push('| places | ours | per second | peer | peer per second | ratio | ours is |', '|---:|---|---:|---|---:|---:|---|');
    for (const r of server)
      lines.push(`| ${r.places.toLocaleString('en-GB')} | ${r.what} | ${fmt(r.ours)} | ${r.peer_name} | ${fmt(r.peer)} | ` +
        `${fmt(r.ratio)} | ${r.verdict} |`);
    lines.push('');
  }
  const scaling = doc.rows.filter((r) => r.section === 'scaling');
  if (scaling.length) {
    lines.push('## Scaling: throughput from 1 to 64 clients, ours beside json-server', '');
    lines.push('| places | clients | ratings/s ours | json-server | ratio | pulls/s ours | json-server | ratio |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|');
    const key = (r) => `${r.places}/${r.clients}`;
    const seen = new Set();
    for (const r of scaling) {
      if (seen.has(key(r))) continue;
      seen.add(key(r));
      const ratings = scaling.find((s) => key(s) === key(r) && s.kind === 'ratings_1') || {};
      const pulls = scaling.find((s) => key(s) === key(r) && s.kind === 'pulls') || {};
      lines.push(`| ${r.places.toLocaleString('en-GB')} | ${r.clients} | ${fmt(ratings.ours)} | ${fmt(ratings.peer)} | ` +
        `${fmt(ratings.ratio)} | ${fmt(pulls.ours)} | ${fmt(pulls.peer)} | ${fmt(pulls.ratio)} |`);
    }
    lines.push('');
  }
  if (doc.plots.length) {
    lines.push('## Plots', '');
    for (const p of doc.plots) lines.push(`- ${p.file}: ${p.title}`);
    lines.push('');
  } else {
    lines.push(`Plots: ${doc.plot_note}`, '');
  }
  return lines.join('\n');
}

// [SECTION] Plots (gnuplot)

// Writes one .dat and .gp per plot and runs gnuplot on each; the PNGs go beside them.
function plots(doc, out) {
  const which = spawnSync('gnuplot', ['--version'], { encoding: 'utf8' });
  if (which.status !== 0) return { plots: [], note: 'gnuplot is not installed (Debian gnuplot-nox): no PNGs' };
  const made = [];
  // logx: the base of a logarithmic x axis (2 for clients, 10 for places), 0 for a linear one.
  const plot = (name, title, xlabel, ylabel, allColumns, allRows, { logx = 0, logy = false } = {}) => {
    // Only the lines with figures (gnuplot stops at a column with none), and only points with any.
    const keep = allColumns.map((_, i) => allRows.some((r) => r[i + 1] != null));
    const columns = allColumns.filter((_, i) => keep[i]);
    const table = allRows.map((r) => [r[0], ...r.slice(1).filter((_, i) => keep[i])])
      .filter((r) => r.slice(1).some((v) => v != null));
    if (table.length < 2 || columns.length === 0) return;
    const dat = path.join(out, `${name}.dat`);
    writeFileSync(dat, `# ${['x', ...columns].join('\t')}\n` +
      table.map((r) => r.map((v) => (v == null ? 'NaN' : v)).join('\t')).join('\n') + '\n');
    const using = columns.map((c, i) => `'${dat}' using 1:${i + 2} with linespoints lw 2 title '${c}'`).join(', \\\n  ');
    const gp = [`set terminal pngcairo size 900,560 noenhanced`, `set output '${path.join(out, `${name}.png`)}'`,
      `set title '${title}'`, `set xlabel '${xlabel}'`, `set ylabel '${ylabel}'`, 'set key outside right top',
      'set grid', logx ? `set logscale x ${logx}` : '', logy ? 'set logscale y 10' : '',
      // The x axis spans the points, with a little room on a log axis (gnuplot would round it
      // out to whole decades: 100 to 10,000 for points at 1,000 and 10,000).
      logx ? `set xrange [${Math.min(...table.map((r) => r[0])) / 1.25}:${Math.max(...table.map((r) => r[0])) * 1.25}]` : '',
      `plot ${using}`].join('\n');
    const gpFile = path.join(out, `${name}.gp`);
    writeFileSync(gpFile, gp + '\n');
    const result = spawnSync('gnuplot', [gpFile], { encoding: 'utf8' });
    if (result.status === 0) made.push({ file: `${name}.png`, title });
    else console.error(`gnuplot ${name}: ${result.stderr}`);
  };
  const rows = doc.rows;
  const figure = (section, match) => rows.find((r) => r.section === section && match(r));
  // Server throughput against clients, one plot per number of places.
  for (const n of doc.places) {
    const clients = [...new Set(rows.filter((r) => r.section === 'scaling' && r.places === n).map((r) => r.clients))];
    const at = (c, kind) => figure('scaling', (r) => r.places === n && r.clients === c && r.kind === kind);
    plot(`server-clients-p${n}`, `Server throughput against clients, ${n.toLocaleString('en-GB')} places`, 'clients',
      'per second', ['ratings ours', 'ratings json-server', 'pulls ours', 'pulls json-server'],
      clients.map((c) => [c, at(c, 'ratings_1')?.ours, at(c, 'ratings_1')?.peer, at(c, 'pulls')?.ours, at(c, 'pulls')?.peer]),
      { logx: 2, logy: true });
  }
  // Server throughput against places, at CLIENTS_AT clients.
  const server = (n, what, peer) => figure('server', (r) => r.places === n && r.what.startsWith(what) && r.peer_name === peer);
  plot('server-places', `Server throughput against places, ${CLIENTS_AT} clients`, 'places', 'per second',
    ['ratings ours', 'ratings json-server', 'pulls ours', 'pulls json-server'],
    doc.places.map((n) => [n, server(n, 'accepted ratings/s, 1', 'json-server')?.ours,
      server(n, 'accepted ratings/s, 1', 'json-server')?.peer, server(n, 'sync pulls', 'json-server')?.ours,
      server(n, 'sync pulls', 'json-server')?.peer]), { logx: 10, logy: true });
  // Client start and frame CPU against places.
  const client = (n, network, f) => figure('client', (r) => r.places === n && r.network === network && r.figure === f);
  plot('client-start', 'Start: navigation to a usable map', 'places', 'ms',
    ['ours fast', 'Leaflet fast', 'ours Slow 4G', 'Leaflet Slow 4G'],
    doc.places.map((n) => [n, client(n, 'fast', 'start_ms')?.ours, client(n, 'fast', 'start_ms')?.peer,
      client(n, 'slow4g', 'start_ms')?.ours, client(n, 'slow4g', 'start_ms')?.peer]), { logx: 10, logy: true });
  plot('client-frames', 'Main-thread CPU per frame, panning and pinching (full-speed network)', 'places', 'ms per frame',
    ['ours', 'Leaflet'],
    doc.places.map((n) => [n, client(n, 'fast', 'frame_cpu_ms')?.ours, client(n, 'fast', 'frame_cpu_ms')?.peer]),
    { logx: 10, logy: true });
  return { plots: made, note: made.length ? '' : 'fewer than two points in every series: no PNGs' };
}

// [SECTION] main

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.raw)) throw new Error(`no folder ${args.raw}`);
  mkdirSync(args.out, { recursive: true });
  const rounds = readRounds(args.raw);
  const places = args.places || [...new Set([...rounds.server.keys(), ...[...rounds.client.keys()].map((k) =>
    Number(k.split('/')[0]))])].sort((a, b) => a - b);
  const firstServer = [...rounds.server.values()][0]?.[0];
  const rows = [...clientRows(rounds, places), ...serverRows(rounds, places), ...seriesRows(rounds, places)];
  const doc = { generated: new Date().toISOString(), machine: firstServer?.machine ?? null,
    rounds: args.rounds ?? roundsRun(rounds, places), places,
    budget: budget(rows), rows, plots: [], plot_note: '' };
  const made = plots(doc, args.out);
  doc.plots = made.plots;
  doc.plot_note = made.note;
  const md = markdown(doc);
  writeFileSync(path.join(args.out, 'compare.md'), md + '\n');
  writeFileSync(path.join(args.out, 'compare.json'), JSON.stringify(doc, null, 2) + '\n');
  console.log(md);
  console.log(`written: ${path.join(args.out, 'compare.md')}, compare.json${doc.plots.length ? ', ' +
    doc.plots.map((p) => p.file).join(', ') : ''}`);
  if (doc.budget.over) {
    console.error(`our app's first-visit download, ${doc.budget.ours_app_gz_bytes} bytes gzipped, is over its ` +
      `${APP_BUDGET_BYTES}-byte budget`);
    process.exitCode = 3;
  }
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
