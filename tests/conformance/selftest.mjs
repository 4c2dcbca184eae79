#!/usr/bin/env node
// Proves that lib/spec.mjs really validates: the spec's own examples must be
// accepted, and deliberately broken bodies must be rejected with errors that
// point at the broken field. If this script passes, a "0 failed" from the
// other scripts means something.
//
// usage: node selftest.mjs --spec /path/to/2020-09-14.yml

import { loadSpec, parseArgs } from './lib/spec.mjs';

const USAGE = 'node selftest.mjs --spec PATH';
const args = parseArgs(process.argv.slice(2), { required: ['spec'], usage: USAGE });

const started = Date.now();
const spec = loadSpec(args.spec);

let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e.message).split('\n').join('\n     ')}`);
  }
}

const clone = (x) => structuredClone(x);

function firstExample(apiPath, status = 200) {
  const examples = Object.values(spec.responseExamples(apiPath, status));
  if (examples.length === 0) throw new Error(`the spec has no example for ${apiPath} ${status}`);
  return clone(examples[0]);
}

function expectValid(errors, what) {
  if (errors.length !== 0) throw new Error(`${what} was rejected:\n${errors.join('\n')}`);
}

// The body must be rejected, and one of the errors must name `pointer`
// (and contain `fragment`, when given).
function expectRejected(errors, pointer, fragment = '') {
  if (errors.length === 0) throw new Error(`accepted, but should have failed at ${pointer}`);
  const hit = errors.find((e) => e.startsWith(`${pointer}: `) && e.includes(fragment));
  if (!hit) {
    throw new Error(`rejected, but no error for ${pointer}${fragment ? ` (${fragment})` : ''}; got:\n${errors.join('\n')}`);
  }
}

// Endpoints Weft's client and sandbox use.
const ENDPOINTS = [
  '/link/token/create',
  '/link/token/get',
  '/item/public_token/exchange',
  '/item/get',
  '/accounts/get',
  '/institutions/get_by_id',
  '/sandbox/public_token/create',
  '/sandbox/item/reset_login',
  '/sandbox/item/fire_webhook',
  '/item/remove',
  '/institutions/search',
  '/institutions/get',
  '/accounts/balance/get',
  '/auth/get',
  '/identity/get',
  '/investments/holdings/get',
  '/liabilities/get',
  '/transactions/sync',
  '/transactions/refresh',
  '/webhook_verification_key/get',
  '/item/webhook/update',
];

// --- the spec's own examples are accepted -----------------------------------

for (const p of ENDPOINTS) {
  check(`spec example for ${p} 200 is accepted`, () => {
    const v = spec.responseValidator(p, 200);
    const examples = spec.responseExamples(p, 200);
    if (Object.keys(examples).length === 0) throw new Error('no example in the spec');
    for (const [name, body] of Object.entries(examples)) expectValid(v(body), `example ${name}`);
  });
}

check('every 200 example in the spec is checked; nearly all are accepted', () => {
  // Two examples in this spec version are known to contradict their own
  // schema (/signal/evaluate and /processor/signal/evaluate omit the required
  // risk_tier). Any other rejection would point at a bug in the conversion.
  let total = 0;
  const rejected = [];
  for (const p of spec.postPaths) {
    let v;
    try {
      v = spec.responseValidator(p, 200);
    } catch {
      continue; // binary (PDF) responses
    }
    for (const [name, body] of Object.entries(spec.responseExamples(p, 200))) {
      total++;
      const errors = v(body);
      if (errors.length) rejected.push(`${p} ${name}: ${errors[0]}`);
    }
  }
  const unexpected = rejected.filter((r) => !/^\/(processor\/)?signal\/evaluate /.test(r));
  if (total < 200) throw new Error(`only ${total} examples found`);
  if (unexpected.length) throw new Error(unexpected.join('\n'));
});

check('request examples in the spec are accepted', () => {
  let total = 0;
  for (const p of spec.postPaths) {
    const content = spec.doc.paths[p].post.requestBody?.content?.['application/json'];
    for (const ex of Object.values(content?.examples || {})) {
      total++;
      expectValid(spec.requestValidator(p)(ex.value), `request example of ${p}`);
    }
  }
  if (total === 0) throw new Error('no request examples found');
});

// --- broken responses are rejected ------------------------------------------

check('ItemGetResponse without item.item_id is rejected', () => {
  const body = firstExample('/item/get');
  delete body.item.item_id;
  expectRejected(spec.responseValidator('/item/get', 200)(body), '/item/item_id', 'required');
});

check('ItemGetResponse without request_id is rejected', () => {
  const body = firstExample('/item/get');
  delete body.request_id;
  expectRejected(spec.responseValidator('/item/get', 200)(body), '/request_id', 'required');
});

check('ItemGetResponse with item.item_id null is rejected (not nullable)', () => {
  const body = firstExample('/item/get');
  body.item.item_id = null;
  expectRejected(spec.responseValidator('/item/get', 200)(body), '/item/item_id', 'must be string');
});

check('ItemGetResponse with item.error null is accepted (nullable object)', () => {
  const body = firstExample('/item/get');
  body.item.error = null;
  expectValid(spec.responseValidator('/item/get', 200)(body), 'item.error = null');
});

check('ItemGetResponse with a full item.error object is accepted', () => {
  const body = firstExample('/item/get');
  body.item.error = {
    error_type: 'ITEM_ERROR',
    error_code: 'ITEM_LOGIN_REQUIRED',
    error_message: 'the login details of this item have changed',
    display_message: null,
    request_id: 'abc',
  };
  expectValid(spec.responseValidator('/item/get', 200)(body), 'item.error');
});

check('ItemGetResponse with item.error.error_type outside its enum is rejected', () => {
  const body = firstExample('/item/get');
  body.item.error = {
    error_type: 'LOGIN_ERROR',
    error_code: 'ITEM_LOGIN_REQUIRED',
    error_message: 'x',
    display_message: null,
  };
  expectRejected(spec.responseValidator('/item/get', 200)(body), '/item/error/error_type', 'allowed values');
});

check('AccountsGetResponse with an unknown account type is rejected', () => {
  const body = firstExample('/accounts/get');
  body.accounts[0].type = 'chequing';
  expectRejected(spec.responseValidator('/accounts/get', 200)(body), '/accounts/0/type', 'allowed values');
});

check('AccountsGetResponse with an unknown account subtype is rejected', () => {
  const body = firstExample('/accounts/get');
  body.accounts[1].subtype = 'piggy bank';
  expectRejected(spec.responseValidator('/accounts/get', 200)(body), '/accounts/1/subtype', 'allowed values');
});

check('AccountsGetResponse with a string balance is rejected', () => {
  const body = firstExample('/accounts/get');
  body.accounts[0].balances.current = '110.00';
  expectRejected(spec.responseValidator('/accounts/get', 200)(body), '/accounts/0/balances/current', 'must be number');
});

check('AccountsGetResponse with null balances.available / subtype / mask is accepted', () => {
  const body = firstExample('/accounts/get');
  body.accounts[0].balances.available = null;
  body.accounts[0].subtype = null;
  body.accounts[0].mask = null;
  expectValid(spec.responseValidator('/accounts/get', 200)(body), 'nullable account fields');
});

check('AccountsGetResponse without balances.limit (required, nullable) is rejected', () => {
  const body = firstExample('/accounts/get');
  delete body.accounts[0].balances.limit;
  expectRejected(spec.responseValidator('/accounts/get', 200)(body), '/accounts/0/balances/limit', 'required');
});

check('LinkTokenCreateResponse with a non-date expiration is rejected', () => {
  const body = firstExample('/link/token/create');
  body.expiration = 'in four hours';
  expectRejected(spec.responseValidator('/link/token/create', 200)(body), '/expiration', 'date-time');
});

check('InstitutionsGetByIdResponse without institution.oauth is rejected', () => {
  const body = firstExample('/institutions/get_by_id');
  delete body.institution.oauth;
  expectRejected(spec.responseValidator('/institutions/get_by_id', 200)(body), '/institution/oauth', 'required');
});

check('SandboxItemResetLoginResponse with reset_login "true" (string) is rejected', () => {
  const body = firstExample('/sandbox/item/reset_login');
  body.reset_login = 'true';
  expectRejected(spec.responseValidator('/sandbox/item/reset_login', 200)(body), '/reset_login', 'must be boolean');
});

// --- error bodies (HTTP 4xx -> PlaidError) ------------------------------------

const goodError = () => ({
  error_type: 'INVALID_INPUT',
  error_code: 'INVALID_ACCESS_TOKEN',
  error_message: 'provided access token is in an invalid format',
  display_message: null,
  request_id: 'HNTDNrA8F1shFEW',
});

check('PlaidError body is accepted for HTTP 400', () => {
  expectValid(spec.responseValidator('/item/get', 400)(goodError()), 'error body');
});

check('PlaidError with error_type outside its enum is rejected', () => {
  const body = goodError();
  body.error_type = 'INVALID_TOKEN';
  expectRejected(spec.responseValidator('/item/get', 400)(body), '/error_type', 'allowed values');
});

check('PlaidError without display_message (required, nullable) is rejected', () => {
  const body = goodError();
  delete body.display_message;
  expectRejected(spec.responseValidator('/accounts/get', 400)(body), '/display_message', 'required');
});

check('PlaidError with a numeric error_code is rejected', () => {
  const body = goodError();
  body.error_code = 400;
  expectRejected(spec.responseValidator('/accounts/get', 500)(body), '/error_code', 'must be string');
});

check('PlaidError with status "400" (string where an integer is required) is rejected', () => {
  const body = goodError();
  body.status = '400';
  expectRejected(spec.responseValidator('/item/remove', 400)(body), '/status', 'must be integer');
});

// --- nullable on $ref / allOf-only schemas -------------------------------------

check('nullable allOf schema (AddressNullable) accepts null', () => {
  expectValid(spec.schemaValidator('AddressNullable')(null), 'null');
});

check('nullable allOf schema (AddressNullable) still checks a non-null value', () => {
  expectRejected(spec.schemaValidator('AddressNullable')({ primary: true }), '/data', 'required');
});

check('nullable allOf+type schema (NumbersIBANNullable) accepts null and rejects a number', () => {
  expectValid(spec.schemaValidator('NumbersIBANNullable')(null), 'null');
  expectRejected(spec.schemaValidator('NumbersIBANNullable')(12), '/', 'must be string');
});

check('non-nullable allOf schema (Transaction) rejects null', () => {
  if (spec.schemaValidator('Transaction')(null).length === 0) throw new Error('null accepted');
});

// --- requests ------------------------------------------------------------------

const linkTokenCreate = () => ({
  client_name: 'Weft',
  language: 'en',
  country_codes: ['US'],
  user: { client_user_id: 'weft-user-1' },
  products: ['transactions'],
});

check('LinkTokenCreateRequest without client_id/secret (sent as headers) is accepted', () => {
  expectValid(spec.requestValidator('/link/token/create')(linkTokenCreate()), 'request');
});

check('LinkTokenCreateRequest without client_name is rejected', () => {
  const body = linkTokenCreate();
  delete body.client_name;
  expectRejected(spec.requestValidator('/link/token/create')(body), '/client_name', 'required');
});

check('LinkTokenCreateRequest with an unknown country code is rejected', () => {
  const body = linkTokenCreate();
  body.country_codes = ['XX'];
  expectRejected(spec.requestValidator('/link/token/create')(body), '/country_codes/0', 'allowed values');
});

check('LinkTokenCreateRequest with an unknown product is rejected', () => {
  const body = linkTokenCreate();
  body.products = ['transaction'];
  expectRejected(spec.requestValidator('/link/token/create')(body), '/products/0', 'allowed values');
});

check('LinkTokenCreateRequest with an empty user.client_user_id is rejected', () => {
  const body = linkTokenCreate();
  body.user.client_user_id = '';
  expectRejected(spec.requestValidator('/link/token/create')(body), '/user/client_user_id', 'fewer than 1');
});

check('LinkTokenCreateRequest with a non-URL webhook is rejected', () => {
  const body = linkTokenCreate();
  body.webhook = 'not a url';
  expectRejected(spec.requestValidator('/link/token/create')(body), '/webhook', 'url');
});

check('unknown request fields pass the plain schema but are caught with rejectUnknownFields', () => {
  const body = linkTokenCreate();
  body.user.client_user_idd = 'x';
  body.clientName = 'Weft';
  expectValid(spec.requestValidator('/link/token/create')(body), 'schema-only check');
  const errors = spec.requestValidator('/link/token/create', { rejectUnknownFields: true })(body);
  expectRejected(errors, '/user/client_user_idd', 'unknown field');
  expectRejected(errors, '/clientName', 'unknown field');
  if (errors.length !== 2) throw new Error(`expected 2 errors, got:\n${errors.join('\n')}`);
});

check('a valid nested request has no unknown fields', () => {
  const body = {
    institution_id: 'ins_109508',
    country_codes: ['US'],
    options: { include_optional_metadata: true },
  };
  expectValid(spec.requestValidator('/institutions/get_by_id', { rejectUnknownFields: true })(body), 'request');
});

check('ItemPublicTokenExchangeRequest with a numeric public_token is rejected', () => {
  expectRejected(spec.requestValidator('/item/public_token/exchange')({ public_token: 42 }), '/public_token', 'must be string');
});

check('AccountsGetRequest without access_token is rejected', () => {
  expectRejected(spec.requestValidator('/accounts/get')({}), '/access_token', 'required');
});

check('an unknown path is an error, not a pass', () => {
  let threw = false;
  try {
    spec.requestValidator('/no/such/endpoint');
  } catch {
    threw = true;
  }
  if (!threw) throw new Error('no error for an unknown path');
});

// --- speed -----------------------------------------------------------------------

check('loading and compiling stays fast (< 5 s)', () => {
  const ms = Date.now() - started;
  console.log(`     spec ${spec.version}: parsed in ${spec.loadMs} ms, whole self-test ${ms} ms`);
  if (ms > 5000) throw new Error(`took ${ms} ms`);
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
