// The json-server peer's database: pulls every approved place from a running safespaces-server
// the way a client would (GET /api/v1/places?since=CURSOR, page after page) and writes them as
// json-server's db.json, {"places": [...], "ratings": []}: the same places, one JSON file.
// safespaces-bench runs it after seeding; routes.json beside it maps /api/v1/* to json-server's
// own /places and /ratings. Usage: node make-db.mjs --url URL --out FILE
import { writeFileSync } from 'node:fs';

const PAGE_LIMIT = 1000;  // places per request: the server's largest page

function parseArgs(argv) {
  const args = { url: '', out: '' };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--url') args.url = argv[i + 1].replace(/\/$/, '');
    else if (argv[i] === '--out') args.out = argv[i + 1];
    else throw new Error(`unknown argument ${argv[i]}\nusage: node make-db.mjs --url URL --out FILE`);
  }
  if (!args.url || !args.out) throw new Error('usage: node make-db.mjs --url URL --out FILE');
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const places = [];
  let cursor = '0';
  for (;;) {
    const answer = await fetch(`${args.url}/api/v1/places?since=${cursor}&limit=${PAGE_LIMIT}`);
    if (!answer.ok) throw new Error(`GET /api/v1/places answered ${answer.status}: ${await answer.text()}`);
    const page = await answer.json();
    places.push(...page.places);
    cursor = page.cursor;
    if (!page.more) break;
  }
  writeFileSync(args.out, JSON.stringify({ places, ratings: [] }, null, 2));
  console.log(`${places.length} places written to ${args.out}`);
}

main().catch((error) => { console.error(error.message); process.exit(1); });
