#!/usr/bin/env node
// Validates request bodies that Weft's Plaid client sends against the request
// schemas of Plaid's OpenAPI spec.
//
// usage: node check-requests.mjs --spec PATH --samples FILE|- [--allow-unknown-fields]
//
// The samples are a JSON array of {"path": "/link/token/create", "body": {...}}
// (written by Weft's sample-request tool; "-" reads it from standard input).
// Weft sends client_id and secret as PLAID-CLIENT-ID / PLAID-SECRET headers,
// so bodies may lack them; the spec does not require them in the body.
//
// Besides the schema, every body is checked for fields the spec does not
// declare (Plaid answers those with INVALID_REQUEST / UNKNOWN_FIELDS);
// --allow-unknown-fields turns that extra check off.
//
// Prints one line per sample and ends with "N passed, M failed". Exits 1 when
// any sample failed or the array is empty, 2 on bad usage or unreadable input.

import fs from 'node:fs';
import { loadSpec } from './lib/spec.mjs';

const USAGE = 'node check-requests.mjs --spec PATH --samples FILE|- [--allow-unknown-fields]';

function parse(argv) {
  const out = { allowUnknown: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let m;
    if (a === '--allow-unknown-fields') out.allowUnknown = true;
    else if ((m = /^--(spec|samples)=(.*)$/.exec(a))) out[m[1]] = m[2];
    else if ((m = /^--(spec|samples)$/.exec(a)) && i + 1 < argv.length) out[m[1]] = argv[++i];
    else {
      console.error(`unknown or incomplete argument: ${a}\nusage: ${USAGE}`);
      process.exit(2);
    }
  }
  for (const k of ['spec', 'samples']) {
    if (out[k] === undefined) {
      console.error(`missing --${k}\nusage: ${USAGE}`);
      process.exit(2);
    }
  }
  return out;
}

const args = parse(process.argv.slice(2));

let samples;
try {
  const text = fs.readFileSync(args.samples === '-' ? 0 : args.samples, 'utf8');
  samples = JSON.parse(text);
} catch (e) {
  console.error(`cannot read samples from ${args.samples}: ${e.message}`);
  process.exit(2);
}
if (!Array.isArray(samples)) {
  console.error('samples must be a JSON array of {"path": ..., "body": ...}');
  process.exit(2);
}

const spec = loadSpec(args.spec);
let passed = 0;
let failed = 0;

samples.forEach((sample, i) => {
  const label = `#${i} ${sample && typeof sample.path === 'string' ? sample.path : '(no path)'}`;
  let errors;
  if (!sample || typeof sample !== 'object' || typeof sample.path !== 'string' || !('body' in sample)) {
    errors = ['sample must be an object with "path" (string) and "body"'];
  } else {
    try {
      const validate = spec.requestValidator(sample.path, { rejectUnknownFields: !args.allowUnknown });
      errors = validate(sample.body);
    } catch (e) {
      errors = [e.message];
    }
  }
  if (errors.length === 0) {
    passed++;
    console.log(`ok   ${label}`);
  } else {
    failed++;
    console.log(`FAIL ${label}`);
    for (const e of errors) console.log(`       ${e}`);
  }
});

if (samples.length === 0) console.log('no samples: the array is empty');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && samples.length > 0 ? 0 : 1);
