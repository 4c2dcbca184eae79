#!/usr/bin/env node
// Drives weft-sandbox with Plaid's official Node client (the `plaid` npm
// package) through a full Link / Item lifecycle and validates every response
// body, success or error, against Plaid's OpenAPI spec.
//
// usage: node official-client-flow.mjs --spec PATH --sandbox PATH_TO_weft-sandbox [--time-limit SECONDS]
//
// The sandbox is started as
//   weft-sandbox --port 0 --client-id weft_test_client --secret weft_test_secret
// and must print its base URL (e.g. http://127.0.0.1:41234) as the first line
// of stdout, then serve until SIGTERM. It is always stopped when this script
// ends, also on failure or when the time limit (default 60 s) is reached.
//
// Prints one line per check and ends with "N passed, M failed"; exits 1 on
// any failure, 2 on bad usage.

import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import http from 'node:http';
import assert from 'node:assert/strict';
import plaid from 'plaid';
import { loadSpec, parseArgs } from './lib/spec.mjs';
import { createHarness } from './lib/harness.mjs';

const { PlaidApi, Configuration } = plaid;
// The axios that the plaid package itself uses, so the instance handed to
// PlaidApi behaves exactly like the client's default one.
const require = createRequire(import.meta.url);
const axios = createRequire(require.resolve('plaid'))('axios');

const USAGE = 'node official-client-flow.mjs --spec PATH --sandbox PATH [--time-limit SECONDS]';
const args = parseArgs(process.argv.slice(2), {
  required: ['spec', 'sandbox'],
  optional: ['time-limit'],
  usage: USAGE,
});
const TIME_LIMIT_MS = Number(args['time-limit'] ?? 60) * 1000;
if (!(TIME_LIMIT_MS > 0)) {
  console.error(`--time-limit must be a positive number of seconds\nusage: ${USAGE}`);
  process.exit(2);
}

const CLIENT_ID = 'weft_test_client';
const SECRET = 'weft_test_secret';
const INSTITUTION = 'ins_109508';
const CONCURRENT_REQUESTS = 200;
// /link/token/create for a new Item: transactions, US, English.
const NEW_ITEM_LINK_TOKEN = Object.freeze({
  user: { client_user_id: 'weft-conformance-user' },
  client_name: 'Weft',
  products: ['transactions'],
  country_codes: ['US'],
  language: 'en',
});

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LINK_TOKEN_RE = new RegExp(`^link-sandbox-${UUID}$`);
const PUBLIC_TOKEN_RE = new RegExp(`^public-sandbox-${UUID}$`);
const ACCESS_TOKEN_RE = new RegExp(`^access-sandbox-${UUID}$`);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const harness = createHarness({ timeLimitMs: TIME_LIMIT_MS });
const { step, finish } = harness;

// ---------------------------------------------------------------------------
// spec validation of every response

const spec = loadSpec(args.spec);
const seenRequestIds = new Map(); // request_id -> "path (HTTP status)"
const duplicateRequestIds = []; // kept apart so one reuse does not derail the flow
const responseLog = []; // { where, problems }

function apiPathOf(url) {
  return new URL(url).pathname;
}

// Validates one response against the spec and records the result. Returns
// the list of problems (empty when the body conforms).
function checkResponse(apiPath, status, headers, body) {
  const problems = [];
  const contentType = String(headers?.['content-type'] ?? '');
  if (!/^application\/json\b/i.test(contentType)) {
    problems.push(`Content-Type is "${contentType}", expected application/json`);
  }
  if (status !== 200 && (status < 400 || status > 599)) {
    problems.push(`HTTP ${status}: Plaid answers 200 or an error status (4xx/5xx)`);
  }
  let errors;
  try {
    errors = spec.responseValidator(apiPath, status)(body);
  } catch (e) {
    errors = [e.message];
  }
  problems.push(...errors.map((e) => `spec: ${e}`));
  const requestId = body && typeof body === 'object' ? body.request_id : undefined;
  if (typeof requestId !== 'string' || requestId.length === 0) {
    problems.push('request_id is missing or empty');
  } else if (seenRequestIds.has(requestId)) {
    duplicateRequestIds.push(`${apiPath} (HTTP ${status}) reused request_id ${requestId} of ${seenRequestIds.get(requestId)}`);
  } else {
    seenRequestIds.set(requestId, `${apiPath} (HTTP ${status})`);
  }
  responseLog.push({ where: `${apiPath} HTTP ${status}`, problems });
  return problems;
}

function makeClient(secret = SECRET) {
  const instance = axios.create({ timeout: 15000 });
  instance.interceptors.response.use(
    (response) => {
      response.specProblems = checkResponse(
        apiPathOf(response.config.url), response.status, response.headers, response.data);
      return response;
    },
    (error) => {
      if (error.response) {
        const r = error.response;
        r.specProblems = checkResponse(apiPathOf(r.config.url), r.status, r.headers, r.data);
      }
      return Promise.reject(error);
    },
  );
  const configuration = new Configuration({
    basePath: baseUrl,
    baseOptions: {
      headers: {
        'PLAID-CLIENT-ID': CLIENT_ID,
        'PLAID-SECRET': secret,
        'Plaid-Version': '2020-09-14',
      },
    },
  });
  return new PlaidApi(configuration, baseUrl, instance);
}

function assertConforms(response) {
  if (response.specProblems?.length) {
    throw new Error(`response does not conform:\n${response.specProblems.join('\n')}`);
  }
}

// Runs a client call that must succeed with HTTP 200 and a conforming body.
async function ok(promise) {
  let response;
  try {
    response = await promise;
  } catch (e) {
    if (e.response) {
      throw new Error(`expected HTTP 200, got ${e.response.status}: ${JSON.stringify(e.response.data)}`);
    }
    throw e;
  }
  assert.equal(response.status, 200, 'HTTP status');
  assertConforms(response);
  return response.data;
}

// Runs a client call that must fail with the given Plaid error.
async function plaidError(promise, status, errorType, errorCode) {
  let response;
  try {
    const r = await promise;
    throw new Error(`expected HTTP ${status} ${errorType}/${errorCode}, got HTTP ${r.status}: ${JSON.stringify(r.data)}`);
  } catch (e) {
    if (!e.response) throw e;
    response = e.response;
  }
  const body = response.data;
  assert.equal(response.status, status, `HTTP status (body ${JSON.stringify(body)})`);
  assertConforms(response);
  assert.equal(body.error_type, errorType, 'error_type');
  assert.equal(body.error_code, errorCode, 'error_code');
  for (const key of ['error_type', 'error_code', 'error_message', 'display_message', 'request_id']) {
    assert.ok(key in body, `error body has ${key}`);
  }
  assert.ok(typeof body.error_message === 'string' && body.error_message.length > 0, 'error_message is a non-empty string');
  assert.ok(body.display_message === null || typeof body.display_message === 'string', 'display_message is a string or null');
  return `${status} ${errorType}/${errorCode}`;
}

function assertExpiresIn(expiration, seconds, sentAt) {
  const at = Date.parse(expiration);
  assert.ok(Number.isFinite(at), `expiration "${expiration}" parses as a date`);
  const expected = sentAt + seconds * 1000;
  const slack = 120 * 1000;
  assert.ok(Math.abs(at - expected) <= slack,
    `expiration ${expiration} is ${((at - sentAt) / 60000).toFixed(1)} min ahead, expected ${seconds / 60} min`);
  return `expires in ${((at - sentAt) / 60000).toFixed(1)} min`;
}

// ---------------------------------------------------------------------------
// sandbox process

let baseUrl;

function startSandbox() {
  return harness.startSandbox(args.sandbox, ['--client-id', CLIENT_ID, '--secret', SECRET]);
}

// ---------------------------------------------------------------------------
// raw concurrent requests (no client library)

const rawAgent = new http.Agent({ keepAlive: false, maxSockets: CONCURRENT_REQUESTS + 16 });

function rawPost(apiPath, body, sockets) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request(new URL(apiPath, baseUrl), {
      method: 'POST',
      agent: rawAgent,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': data.length,
        'PLAID-CLIENT-ID': CLIENT_ID,
        'PLAID-SECRET': SECRET,
        'Plaid-Version': '2020-09-14',
      },
      timeout: 20000,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        resolve({ status: res.statusCode, headers: res.headers, body: json });
      });
      res.on('error', reject);
    });
    req.on('socket', (s) => sockets.add(s));
    req.on('timeout', () => req.destroy(new Error(`${apiPath}: no answer within 20 s`)));
    req.on('error', reject);
    req.end(data);
  });
}

// ---------------------------------------------------------------------------
// the Link emulator's own routes, as its page calls them (its origin in Origin)

function linkRequest(url, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const headers = { Origin: target.origin };
    if (data) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = data.length;
    }
    const req = http.request(target, { method, headers, timeout: 10000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode, headers: res.headers, body: json, text });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer within 10 s`)));
    req.on('error', reject);
    req.end(data ?? undefined);
  });
}

// ---------------------------------------------------------------------------
// the flow

async function main() {
  const startedUp = await step('weft-sandbox starts and prints its base URL', async () => {
    baseUrl = await startSandbox();
    return baseUrl;
  });
  if (!startedUp) return finish(1);

  const client = makeClient();
  const s = {}; // state carried between steps

  await step('/link/token/create (transactions, US, en)', async () => {
    const sentAt = Date.now();
    const body = await ok(client.linkTokenCreate(NEW_ITEM_LINK_TOKEN));
    assert.match(body.link_token, LINK_TOKEN_RE, 'link_token format');
    s.linkToken = body.link_token;
    s.linkExpiration = body.expiration;
    return assertExpiresIn(body.expiration, 4 * 3600, sentAt);
  });

  await step('/link/token/get returns the token just created', async () => {
    assert.ok(s.linkToken, 'needs the link token from /link/token/create');
    const body = await ok(client.linkTokenGet({ link_token: s.linkToken }));
    assert.equal(body.link_token, s.linkToken, 'link_token');
    assert.equal(Date.parse(body.expiration), Date.parse(s.linkExpiration), 'same expiration as /link/token/create');
  });

  await step('/link/token/create with hosted_link gives hosted_link_url', async () => {
    const sentAt = Date.now();
    const body = await ok(client.linkTokenCreate({
      ...NEW_ITEM_LINK_TOKEN,
      hosted_link: { completion_redirect_uri: 'https://app.example/done', url_lifetime_seconds: 900 },
    }));
    assert.match(body.hosted_link_url, /^http:\/\/localhost:\d+\/hl\/[A-Za-z0-9]{32}$/, 'hosted_link_url');
    assert.ok(!body.hosted_link_url.includes(body.link_token), 'the URL does not carry the link token');
    s.hostedToken = body.link_token;
    s.hostedUrl = body.hosted_link_url;
    return assertExpiresIn(body.expiration, 900, sentAt);
  });

  await step('hosted_link_url leads to the Link emulator page, and a session through it links an Item', async () => {
    assert.ok(s.hostedUrl, 'needs hosted_link_url');
    const page = await linkRequest(s.hostedUrl);
    assert.equal(page.status, 303, 'hosted_link_url redirects');
    const location = new URL(page.headers.location, s.hostedUrl);
    const hostedId = new URL(s.hostedUrl).pathname.split('/').pop();
    assert.equal(location.pathname, '/link/v2/stable/link.html', 'to the emulator page');
    assert.equal(location.hash, `#hosted=${hostedId}`, 'with the hosted id in the fragment');
    const html = await linkRequest(location.href);
    assert.equal(html.status, 200, 'the page is served');
    const origin = new URL(s.hostedUrl).origin;
    const start = await linkRequest(`${origin}/weft/link/session/start`, { method: 'POST', body: { hosted_link_id: hostedId } });
    assert.equal(start.status, 200, `start: ${start.text}`);
    assert.equal(start.body.hosted, true, 'start says hosted');
    assert.equal(start.body.completion_redirect_uri, 'https://app.example/done', 'completion_redirect_uri');
    const done = await linkRequest(`${origin}/weft/link/session/complete`, {
      method: 'POST',
      body: {
        hosted_link_id: hostedId, link_session_id: start.body.link_session_id,
        institution_id: INSTITUTION, username: 'user_good', password: 'pass_good',
      },
    });
    assert.equal(done.status, 200, `complete: ${done.text}`);
    s.hostedSessionId = start.body.link_session_id;
    s.hostedPublicToken = done.body.public_token;
    assert.match(s.hostedPublicToken, PUBLIC_TOKEN_RE, 'public_token');
  });

  await step('/link/token/get reports the hosted session: results.item_add_results[].public_token', async () => {
    assert.ok(s.hostedPublicToken, 'needs the hosted session');
    const body = await ok(client.linkTokenGet({ link_token: s.hostedToken }));
    assert.equal(body.link_sessions.length, 1, 'one session');
    const session = body.link_sessions[0];
    assert.equal(session.link_session_id, s.hostedSessionId, 'link_session_id');
    assert.ok(Date.parse(session.finished_at) >= Date.parse(session.started_at), 'finished after it started');
    const add = session.results.item_add_results[0];
    assert.equal(add.public_token, s.hostedPublicToken, 'the public token');
    assert.equal(add.institution.institution_id, INSTITUTION, 'institution');
    assert.ok(add.accounts.length > 0, 'accounts');
    const exchanged = await ok(client.itemPublicTokenExchange({ public_token: add.public_token }));
    assert.match(exchanged.access_token, ACCESS_TOKEN_RE, 'the public token exchanges');
  });

  await step('/link/token/get reports an exited session: exit.error and exit.metadata', async () => {
    const created = await ok(client.linkTokenCreate({ ...NEW_ITEM_LINK_TOKEN, hosted_link: {} }));
    const hostedId = new URL(created.hosted_link_url).pathname.split('/').pop();
    const origin = new URL(created.hosted_link_url).origin;
    const start = await linkRequest(`${origin}/weft/link/session/start`, { method: 'POST', body: { hosted_link_id: hostedId } });
    assert.equal(start.status, 200, `start: ${start.text}`);
    const exit = await linkRequest(`${origin}/weft/link/session/exit`, {
      method: 'POST',
      body: {
        hosted_link_id: hostedId, link_session_id: start.body.link_session_id,
        error: { error_type: 'ITEM_ERROR', error_code: 'INVALID_CREDENTIALS', error_message: 'the provided credentials were not correct', display_message: null },
        metadata: { status: 'requires_credentials', institution: { institution_id: INSTITUTION, name: 'x' }, request_id: 'abcdefghijklmno' },
      },
    });
    assert.equal(exit.status, 200, `exit: ${exit.text}`);
    const body = await ok(client.linkTokenGet({ link_token: created.link_token }));
    const session = body.link_sessions[0];
    assert.equal(session.exit.error.error_code, 'INVALID_CREDENTIALS', 'exit.error');
    assert.equal(session.exit.metadata.status, 'requires_credentials', 'exit.metadata.status');
    assert.equal(session.results, null, 'no results');
  });

  await step('/sandbox/public_token/create (ins_109508, transactions)', async () => {
    const body = await ok(client.sandboxPublicTokenCreate({
      institution_id: INSTITUTION,
      initial_products: ['transactions'],
    }));
    assert.match(body.public_token, PUBLIC_TOKEN_RE, 'public_token format');
    s.publicToken = body.public_token;
  });

  await step('/item/public_token/exchange', async () => {
    assert.ok(s.publicToken, 'needs the public token');
    const body = await ok(client.itemPublicTokenExchange({ public_token: s.publicToken }));
    assert.match(body.access_token, ACCESS_TOKEN_RE, 'access_token format');
    assert.ok(typeof body.item_id === 'string' && body.item_id.length > 0, 'item_id is a non-empty string');
    s.accessToken = body.access_token;
    s.itemId = body.item_id;
  });

  await step('/item/public_token/exchange of the same token again fails', async () => {
    assert.ok(s.publicToken, 'needs the public token');
    return plaidError(client.itemPublicTokenExchange({ public_token: s.publicToken }),
      400, 'INVALID_INPUT', 'INVALID_PUBLIC_TOKEN');
  });

  await step('/item/get', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.itemGet({ access_token: s.accessToken }));
    assert.equal(body.item.item_id, s.itemId, 'item.item_id');
    assert.equal(body.item.institution_id, INSTITUTION, 'item.institution_id');
    assert.equal(body.item.error, null, 'item.error');
  });

  await step('/accounts/get returns several accounts with balances, masks, types and subtypes', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.accountsGet({ access_token: s.accessToken }));
    assert.ok(Array.isArray(body.accounts) && body.accounts.length >= 2, `several accounts (got ${body.accounts?.length})`);
    assert.equal(body.item.item_id, s.itemId, 'item.item_id');
    const ids = new Set();
    for (const [i, a] of body.accounts.entries()) {
      assert.ok(typeof a.account_id === 'string' && a.account_id.length > 0, `accounts[${i}].account_id`);
      ids.add(a.account_id);
      assert.ok(typeof a.mask === 'string' && a.mask.length > 0, `accounts[${i}].mask is set`);
      assert.ok(typeof a.type === 'string', `accounts[${i}].type is set`);
      assert.ok(typeof a.subtype === 'string', `accounts[${i}].subtype is set`);
      assert.ok(typeof a.balances?.current === 'number', `accounts[${i}].balances.current is a number`);
    }
    assert.equal(ids.size, body.accounts.length, 'account_ids are distinct');
    s.accountIds = [...ids];
    return body.accounts.map((a) => `${a.type}/${a.subtype}`).join(', ');
  });

  await step('/institutions/get_by_id with optional metadata (logo, primary_color, url)', async () => {
    const body = await ok(client.institutionsGetById({
      institution_id: INSTITUTION,
      country_codes: ['US'],
      options: { include_optional_metadata: true },
    }));
    const inst = body.institution;
    assert.equal(inst.institution_id, INSTITUTION, 'institution_id');
    assert.ok(typeof inst.name === 'string' && inst.name.length > 0, 'name');
    assert.ok(typeof inst.logo === 'string' && inst.logo.length > 0, 'logo is present');
    assert.match(inst.logo, /^[A-Za-z0-9+/]+={0,2}$/, 'logo is plain base64 (no data: prefix, no line breaks)');
    assert.equal(inst.logo.length % 4, 0, 'logo base64 length is a multiple of 4');
    const png = Buffer.from(inst.logo, 'base64');
    assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE), 'logo starts with the PNG signature');
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR', 'logo has an IHDR chunk first');
    assert.match(String(inst.primary_color), /^#[0-9a-fA-F]{6}$/, 'primary_color is #RRGGBB');
    assert.ok(typeof inst.url === 'string' && /^https?:\/\/\S+$/.test(inst.url), `url is an http(s) URL (got ${inst.url})`);
    return `${inst.name}, ${png.length}-byte PNG, ${inst.primary_color}`;
  });

  await step('/institutions/search (query, products, optional metadata)', async () => {
    const body = await ok(client.institutionsSearch({
      query: 'platypus',
      products: ['transactions'],
      country_codes: ['US'],
      options: { include_optional_metadata: true },
    }));
    assert.ok(body.institutions.some((i) => i.institution_id === INSTITUTION), 'finds the bank');
    return body.institutions.map((i) => i.name).join(', ');
  });

  await step('/institutions/get (a page of 2, oauth only)', async () => {
    const all = await ok(client.institutionsGet({ count: 2, offset: 0, country_codes: ['US'] }));
    assert.equal(all.institutions.length, 2, 'a page of 2');
    assert.ok(all.total > 2, 'total counts every page');
    const oauth = await ok(client.institutionsGet({
      count: 10, offset: 0, country_codes: ['US'], options: { oauth: true },
    }));
    assert.ok(oauth.institutions.length > 0 && oauth.institutions.every((i) => i.oauth), 'oauth only');
  });

  await step('/accounts/balance/get', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.accountsBalanceGet({ access_token: s.accessToken }));
    assert.equal(body.accounts.length, s.accountIds.length, 'every account');
  });

  await step('/auth/get (adds auth to the Item)', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.authGet({ access_token: s.accessToken }));
    assert.ok(body.numbers.ach.length > 0, 'ACH numbers');
    assert.ok(body.item.billed_products.includes('auth'), 'auth is billed now');
  });

  await step('/identity/get', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.identityGet({ access_token: s.accessToken }));
    assert.ok(body.accounts.every((a) => a.owners.length > 0), 'owners for every account');
  });

  await step('/investments/holdings/get', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.investmentsHoldingsGet({ access_token: s.accessToken }));
    assert.ok(body.holdings.length > 0 && body.securities.length > 0, 'holdings and securities');
  });

  await step('/liabilities/get', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.liabilitiesGet({ access_token: s.accessToken }));
    const l = body.liabilities;
    assert.ok(l.credit.length && l.mortgage.length && l.student.length, 'credit, mortgage, student');
  });

  await step('/transactions/sync from the start, in pages', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    let cursor;
    let added = 0;
    for (let page = 0; page < 20; page++) {
      const body = await ok(client.transactionsSync({ access_token: s.accessToken, cursor, count: 10 }));
      added += body.added.length;
      cursor = body.next_cursor;
      if (!body.has_more) break;
    }
    assert.ok(added > 10, `a history (got ${added})`);
    s.cursor = cursor;
    return `${added} transactions`;
  });

  await step('/transactions/refresh, then /transactions/sync has the new activity', async () => {
    assert.ok(s.cursor, 'needs a cursor');
    await ok(client.transactionsRefresh({ access_token: s.accessToken }));
    const body = await ok(client.transactionsSync({
      access_token: s.accessToken, cursor: s.cursor, options: { include_original_description: true },
    }));
    assert.ok(body.added.length > 0, 'something added');
    assert.ok(body.added.some((t) => t.pending), 'a pending purchase');
    s.cursor = body.next_cursor;
    await ok(client.transactionsRefresh({ access_token: s.accessToken }));
    const posted = await ok(client.transactionsSync({ access_token: s.accessToken, cursor: s.cursor }));
    assert.ok(posted.removed.length > 0, 'the pending purchase is removed when it posts');
    s.cursor = posted.next_cursor;
  });

  await step('/transactions/sync: a refresh mid-pagination gives TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION', async () => {
    assert.ok(s.cursor, 'needs a cursor');
    await ok(client.transactionsRefresh({ access_token: s.accessToken }));
    const first = await ok(client.transactionsSync({ access_token: s.accessToken, cursor: s.cursor, count: 1 }));
    assert.equal(first.has_more, true, 'more than one change to page through');
    await ok(client.transactionsRefresh({ access_token: s.accessToken }));
    await plaidError(client.transactionsSync({ access_token: s.accessToken, cursor: first.next_cursor, count: 1 }),
      400, 'TRANSACTIONS_ERROR', 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION');
    const restarted = await ok(client.transactionsSync({ access_token: s.accessToken, cursor: s.cursor }));
    assert.equal(restarted.has_more, false);
    return `${restarted.added.length} added, ${restarted.removed.length} removed on restart`;
  });

  await step('/item/get lists only products the sandbox serves', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.itemGet({ access_token: s.accessToken }));
    const served = ['auth', 'balance', 'identity', 'investments', 'liabilities', 'transactions'];
    for (const p of body.item.available_products) assert.ok(served.includes(p), `${p} is served`);
  });

  await step('/link/token/create with a product the sandbox does not emulate fails with INVALID_PRODUCT', async () => {
    return plaidError(client.linkTokenCreate({
      user: { client_user_id: 'weft-conformance-user' },
      client_name: 'Weft',
      country_codes: ['US'],
      language: 'en',
      products: ['assets'],
    }), 400, 'INVALID_INPUT', 'INVALID_PRODUCT');
  });

  await step('/sandbox/item/reset_login', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.sandboxItemResetLogin({ access_token: s.accessToken }));
    assert.equal(body.reset_login, true, 'reset_login');
  });

  await step('/accounts/get after reset_login fails with ITEM_LOGIN_REQUIRED', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    return plaidError(client.accountsGet({ access_token: s.accessToken }), 400, 'ITEM_ERROR', 'ITEM_LOGIN_REQUIRED');
  });

  await step('/item/get after reset_login shows item.error ITEM_LOGIN_REQUIRED', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.itemGet({ access_token: s.accessToken }));
    assert.ok(body.item.error && typeof body.item.error === 'object', 'item.error is an object');
    assert.equal(body.item.error.error_type, 'ITEM_ERROR', 'item.error.error_type');
    assert.equal(body.item.error.error_code, 'ITEM_LOGIN_REQUIRED', 'item.error.error_code');
  });

  await step('/link/token/create in update mode (access_token, no products)', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const sentAt = Date.now();
    const body = await ok(client.linkTokenCreate({
      user: { client_user_id: 'weft-conformance-user' },
      client_name: 'Weft',
      country_codes: ['US'],
      language: 'en',
      access_token: s.accessToken,
    }));
    assert.match(body.link_token, LINK_TOKEN_RE, 'link_token format');
    assert.notEqual(body.link_token, s.linkToken, 'a new link token');
    return assertExpiresIn(body.expiration, 30 * 60, sentAt);
  });

  await step('/link/token/create in update mode with account selection', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    const body = await ok(client.linkTokenCreate({
      user: { client_user_id: 'weft-conformance-user' },
      client_name: 'Weft',
      country_codes: ['US'],
      language: 'en',
      access_token: s.accessToken,
      update: { account_selection_enabled: true },
    }));
    assert.match(body.link_token, LINK_TOKEN_RE, 'link_token format');
  });

  await step('/sandbox/item/fire_webhook on an Item without a webhook fails with SANDBOX_WEBHOOK_INVALID', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    return plaidError(client.sandboxItemFireWebhook({
      access_token: s.accessToken,
      webhook_code: 'NEW_ACCOUNTS_AVAILABLE',
    }), 400, 'SANDBOX_ERROR', 'SANDBOX_WEBHOOK_INVALID');
  });

  await step('/sandbox/item/fire_webhook NEW_ACCOUNTS_AVAILABLE on an Item with a webhook', async () => {
    const pub = await ok(client.sandboxPublicTokenCreate({
      institution_id: INSTITUTION,
      initial_products: ['transactions'],
      options: { webhook: 'http://127.0.0.1:9/weft-conformance-hook' },
    }));
    const exchanged = await ok(client.itemPublicTokenExchange({ public_token: pub.public_token }));
    const body = await ok(client.sandboxItemFireWebhook({
      access_token: exchanged.access_token,
      webhook_type: 'ITEM',
      webhook_code: 'NEW_ACCOUNTS_AVAILABLE',
    }));
    assert.equal(body.webhook_fired, true, 'webhook_fired');
    await ok(client.itemRemove({ access_token: exchanged.access_token }));
  });

  await step('signed webhooks: /item/webhook/update and /sandbox/item/reset_login reach a receiver, each verified with the key from /webhook_verification_key/get', async () => {
    const received = [];
    const receiver = http.createServer((request, response) => {
      const chunks = [];
      request.on('data', (c) => chunks.push(c));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(200).end();
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const hook = `http://127.0.0.1:${receiver.address().port}/plaid/webhook`;
      const pub = await ok(client.sandboxPublicTokenCreate({ institution_id: INSTITUTION, initial_products: ['transactions'] }));
      const { access_token: access } = await ok(client.itemPublicTokenExchange({ public_token: pub.public_token }));
      const updated = await ok(client.itemWebhookUpdate({ access_token: access, webhook: hook }));
      assert.equal(updated.item.webhook, hook);
      await ok(client.sandboxItemResetLogin({ access_token: access }));
      const deadline = Date.now() + 5000;
      while (received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal(received.length, 2, 'two webhooks received');
      const schemas = {
        WEBHOOK_UPDATE_ACKNOWLEDGED: spec.schemaValidator('WebhookUpdateAcknowledgedWebhook'),
        ERROR: spec.schemaValidator('ItemErrorWebhook'),
      };
      const keys = new Map();
      for (const { headers, body } of received) {
        const payload = JSON.parse(body.toString('utf8'));
        const problems = schemas[payload.webhook_code]?.(payload) ?? [`unexpected ${payload.webhook_code}`];
        assert.deepEqual(problems, [], `${payload.webhook_code} against the spec`);
        assert.ok(!body.toString('utf8').includes('access-sandbox'), 'no access token in a webhook');
        // Plaid's recipe, with Node's own crypto: the JWT's header names the key; the key
        // verifies the signature (ES256, r||s); iat is recent; the claim is the body's SHA-256.
        const [header64, claims64, signature64] = String(headers['plaid-verification']).split('.');
        const header = JSON.parse(Buffer.from(header64, 'base64url').toString('utf8'));
        const claims = JSON.parse(Buffer.from(claims64, 'base64url').toString('utf8'));
        assert.equal(header.alg, 'ES256');
        if (!keys.has(header.kid)) {
          const answer = await ok(client.webhookVerificationKeyGet({ key_id: header.kid }));
          keys.set(header.kid, crypto.createPublicKey({ key: answer.key, format: 'jwk' }));
        }
        const genuine = crypto.verify('sha256', Buffer.from(`${header64}.${claims64}`),
          { key: keys.get(header.kid), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature64, 'base64url'));
        assert.ok(genuine, `${payload.webhook_code}: the signature verifies`);
        assert.ok(Math.abs(Date.now() / 1000 - claims.iat) < 300, 'iat within five minutes');
        assert.equal(claims.request_body_sha256, crypto.createHash('sha256').update(body).digest('hex'));
      }
      assert.deepEqual(received.map(({ body }) => JSON.parse(body).webhook_code).sort(),
        ['ERROR', 'WEBHOOK_UPDATE_ACKNOWLEDGED']);
      await plaidError(client.webhookVerificationKeyGet({ key_id: 'not-a-key' }), 400, 'INVALID_REQUEST', 'INVALID_FIELD');
      await ok(client.itemRemove({ access_token: access }));
      return `${keys.size} key, ${received.length} webhooks verified`;
    } finally {
      receiver.close();
    }
  });

  await step('/item/remove', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    await ok(client.itemRemove({ access_token: s.accessToken }));
  });

  await step('/item/get after /item/remove fails with INVALID_ACCESS_TOKEN', async () => {
    assert.ok(s.accessToken, 'needs the access token');
    return plaidError(client.itemGet({ access_token: s.accessToken }), 400, 'INVALID_INPUT', 'INVALID_ACCESS_TOKEN');
  });

  await step('wrong secret fails with INVALID_API_KEYS', async () => {
    const wrong = makeClient('not_the_secret');
    return plaidError(wrong.linkTokenCreate({
      user: { client_user_id: 'weft-conformance-user' },
      client_name: 'Weft',
      products: ['transactions'],
      country_codes: ['US'],
      language: 'en',
    }), 400, 'INVALID_INPUT', 'INVALID_API_KEYS');
  });

  await step('/link/token/create without client_name fails with MISSING_FIELDS', async () => {
    return plaidError(client.linkTokenCreate({
      user: { client_user_id: 'weft-conformance-user' },
      products: ['transactions'],
      country_codes: ['US'],
      language: 'en',
    }), 400, 'INVALID_REQUEST', 'MISSING_FIELDS');
  });

  await step('/institutions/get_by_id of an unknown institution fails with INVALID_INSTITUTION', async () => {
    return plaidError(client.institutionsGetById({
      institution_id: 'ins_0',
      country_codes: ['US'],
    }), 400, 'INVALID_INPUT', 'INVALID_INSTITUTION');
  });

  await step(`${CONCURRENT_REQUESTS} concurrent /item/get and /accounts/get requests`, async () => {
    const pub = await ok(client.sandboxPublicTokenCreate({ institution_id: INSTITUTION, initial_products: ['transactions'] }));
    const exchanged = await ok(client.itemPublicTokenExchange({ public_token: pub.public_token }));
    const token = exchanged.access_token;
    const sockets = new Set();
    const paths = Array.from({ length: CONCURRENT_REQUESTS }, (_, i) => (i % 2 ? '/accounts/get' : '/item/get'));
    const started = Date.now();
    const results = await Promise.all(paths.map((p) => rawPost(p, { access_token: token }, sockets)));
    const ms = Date.now() - started;
    const problems = [];
    results.forEach((r, i) => {
      if (r.status !== 200) problems.push(`#${i} ${paths[i]}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      for (const p of checkResponse(paths[i], r.status, r.headers, r.body)) problems.push(`#${i} ${paths[i]}: ${p}`);
    });
    const ids = new Set(results.map((r) => r.body?.request_id));
    if (ids.size !== results.length) problems.push(`only ${ids.size} distinct request_ids for ${results.length} responses`);
    if (problems.length) {
      throw new Error(`${problems.length} problems, first ones:\n${problems.slice(0, 10).join('\n')}`);
    }
    return `${results.length} × 200 in ${ms} ms over ${sockets.size} connections`;
  });

  await step('every response body conformed to the spec', async () => {
    const bad = responseLog.filter((r) => r.problems.length);
    assert.ok(responseLog.length > CONCURRENT_REQUESTS, `responses were checked (${responseLog.length})`);
    if (bad.length) {
      throw new Error(`${bad.length} of ${responseLog.length} responses did not conform, first ones:\n`
        + bad.slice(0, 10).map((r) => `${r.where}: ${r.problems.join('; ')}`).join('\n'));
    }
    return `${responseLog.length} responses`;
  });

  await step('every response had its own request_id', async () => {
    if (duplicateRequestIds.length) {
      throw new Error(`${duplicateRequestIds.length} reused request_ids, first ones:\n${duplicateRequestIds.slice(0, 10).join('\n')}`);
    }
    return `${seenRequestIds.size} distinct`;
  });

  await step('weft-sandbox exits on SIGTERM', async () => {
    harness.sandbox.kill('SIGTERM');
    const result = await Promise.race([
      harness.sandbox.exited,
      new Promise((resolve) => setTimeout(() => resolve(null), 5000).unref()),
    ]);
    assert.ok(result, 'exited within 5 s');
    assert.ok(result.code === 0 || result.signal === 'SIGTERM',
      `clean exit (code ${result.code}, signal ${result.signal})`);
    return result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
  });

  finish();
}

main().catch((e) => {
  harness.fail(e);
  finish(1);
});
