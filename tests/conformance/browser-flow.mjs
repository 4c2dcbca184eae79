#!/usr/bin/env node
// Web clients nobody here wrote, against weft-sandbox's Link emulator, in Chromium: Plaid's raw
// window.Plaid API as Plaid's docs use it, and react-plaid-link 5 with React 18 (its
// usePlaidLink hook and its PlaidEmbeddedLink component). The pages are served from a web
// server of their own (another origin than the sandbox's), as a web app's are. react-plaid-link
// loads Link from Plaid's CDN address; the browser is given the emulator's script there, and
// the page points the emulator at the sandbox with window.WeftLinkEmulatorOptions (the way the
// emulator's README gives for a web app's tests). Nothing leaves the machine: every other
// address is refused.
//
// Every argument Link hands a callback is then checked, by the TypeScript compiler, against
// @types/plaid-link and react-plaid-link's own types (lib/type-check.mjs).
//
// usage: node browser-flow.mjs --sandbox PATH_TO_weft-sandbox [--chromium PATH] [--time-limit SECONDS]
//
// Prints one line per check and ends with "N passed, M failed"; exits 1 on any failure, 2 on
// bad usage.

import http from 'node:http';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { createHarness } from './lib/harness.mjs';
import { parseArgs } from './lib/spec.mjs';
import { TypeChecks } from './lib/type-check.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const USAGE = 'node browser-flow.mjs --sandbox PATH [--chromium PATH] [--time-limit SECONDS]';
const args = parseArgs(process.argv.slice(2), {
  required: ['sandbox'],
  optional: ['chromium', 'time-limit'],
  usage: USAGE,
});
const TIME_LIMIT_MS = Number(args['time-limit'] ?? 150) * 1000;
const CHROMIUM = args.chromium ?? '/usr/bin/chromium';

const CLIENT_ID = 'weft_test_client';
const SECRET = 'weft_test_secret';
const INSTITUTION = 'ins_109508'; // First Platypus Bank: user name and password, no OAuth
// Where react-plaid-link loads Link from (hard-coded in it).
const PLAID_CDN_SCRIPT = 'https://cdn.plaid.com/link/v2/stable/link-initialize.js';
const PUBLIC_TOKEN_RE = /^public-sandbox-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CALLBACK_WAIT_MS = 15000;

const harness = createHarness({ timeLimitMs: TIME_LIMIT_MS });
const { step, finish } = harness;
const types = new TypeChecks({
  PL: path.join(HERE, 'node_modules/@types/plaid-link'),
  R: path.join(HERE, 'node_modules/react-plaid-link/dist/types'),
});

let sandboxUrl; // the API: http://127.0.0.1:PORT
let linkOrigin; // Link's files and frames: the same port as http://localhost:PORT
let appUrl;
let browser;

// ---------------------------------------------------------------------------
// the sandbox's API (link tokens) and the app's own web server

async function linkToken(extra = {}) {
  const response = await fetch(`${sandboxUrl}/link/token/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'PLAID-CLIENT-ID': CLIENT_ID, 'PLAID-SECRET': SECRET },
    body: JSON.stringify({
      user: { client_user_id: 'weft-browser-conformance' },
      client_name: 'Weft conformance',
      products: ['transactions'],
      country_codes: ['US'],
      language: 'en',
      ...extra,
    }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, `/link/token/create: ${JSON.stringify(body)}`);
  return body.link_token;
}

async function bundleApp() {
  const result = await esbuild.build({
    entryPoints: [path.join(HERE, 'browser/app.jsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

function html(body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Weft conformance</title></head><body>${body}</body></html>`;
}

/** The app's origin: raw.html (window.Plaid by hand) and app.html (react-plaid-link). */
function startAppServer(appBundle, rawScript) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://app');
    const send = (type, text) => {
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(text);
    };
    if (url.pathname === '/raw.html') {
      send('text/html', html(`<button id="before">before</button>
        <script src="${linkOrigin}/link/v2/stable/link-initialize.js"></script>
        <script src="/raw.js"></script>`));
    } else if (url.pathname === '/raw.js') {
      send('text/javascript', rawScript);
    } else if (url.pathname === '/app.html') {
      // The emulator's options, as a page that loads Link from Plaid's address sets them.
      const options = {
        link_origin: url.searchParams.get('link_origin') || linkOrigin,
        load_timeout_ms: url.searchParams.get('load_timeout_ms') || undefined,
      };
      send('text/html', html(`<script>window.WeftLinkEmulatorOptions = ${JSON.stringify(options)};</script>
        <div id="root"></div><script src="/app.js"></script>`));
    } else if (url.pathname === '/app.js') {
      send('text/javascript', appBundle);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** A loopback port nobody listens on (Link's files "unreachable"). */
async function closedPort() {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// ---------------------------------------------------------------------------
// the browser

async function newPage() {
  const context = await browser.newContext();
  const emulatorScript = await (await fetch(`${linkOrigin}/link/v2/stable/link-initialize.js`)).text();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === PLAID_CDN_SCRIPT) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: emulatorScript });
    }
    const host = new URL(url).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  return page;
}

/** The Link modal a handler showed (its frame, once visible). */
function modal(page) {
  return page.frameLocator('iframe[data-weft-link^="plaid-link-"]:not([aria-hidden])');
}

function waitForRecord(page, what, count) {
  return page.waitForFunction(([w, n]) => {
    const value = window.record[w];
    return (typeof value === 'number' ? value : value.length) >= n;
  }, [what, count],
    { timeout: CALLBACK_WAIT_MS });
}

function record(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.record)));
}

/** raw.html with one handler for token (window.handler), after its onLoad. */
async function rawPageWithHandler(token) {
  const page = await newPage();
  await page.goto(`${appUrl}/raw.html`);
  await page.evaluate((t) => { window.handler = window.makeHandler(t); }, token);
  await waitForRecord(page, 'loads', 1);
  return page;
}

/** Clicks through Link as a user does: consent, bank (unless skipped), sign-in, accounts. */
async function connect(frame, { pickBank = true } = {}) {
  await frame.getByTestId('consent-continue').click();
  if (pickBank) await frame.getByTestId(`institution-${INSTITUTION}`).click();
  await frame.getByTestId('username').fill('user_good');
  await frame.getByTestId('password').fill('pass_good');
  await frame.getByTestId('credentials-submit').click();
  const next = frame.locator('[data-testid="pane-SELECT_ACCOUNT"]:not([hidden]), [data-testid="pane-CONNECTED"]:not([hidden])');
  await next.waitFor();
  if ((await next.getAttribute('data-testid')) === 'pane-SELECT_ACCOUNT') {
    await frame.getByTestId('accounts-continue').click();
  }
  await frame.getByTestId('connected-continue').click();
}

/** Queues the type checks for everything a page recorded (raw API: @types/plaid-link). */
function expectTypes(label, recorded, { react = false } = {}) {
  const suffix = react ? ' (react-plaid-link)' : '';
  recorded.successes.forEach(([publicToken, metadata], i) => {
    types.expect(`${label} onSuccess #${i + 1}${suffix}`, 'string', publicToken);
    types.expect(`${label} onSuccess #${i + 1}${suffix}`, 'PL.Plaid.OnSuccessMetaData', metadata);
    if (react) types.expect(`${label} onSuccess #${i + 1}${suffix}`, 'R.PlaidLinkOnSuccessMetadata', metadata);
  });
  recorded.exits.forEach(([error, metadata], i) => {
    types.expect(`${label} onExit #${i + 1}${suffix}`, 'PL.Plaid.Error | null', error);
    types.expect(`${label} onExit #${i + 1}${suffix}`, 'PL.Plaid.OnExitMetaData', metadata);
    if (react) {
      types.expect(`${label} onExit #${i + 1}${suffix}`, 'R.PlaidLinkError | null', error);
      types.expect(`${label} onExit #${i + 1}${suffix}`, 'R.PlaidLinkOnExitMetadata', metadata);
    }
  });
  recorded.events.forEach(([name, metadata], i) => {
    const where = `${label} onEvent #${i + 1} ${name}${suffix}`;
    types.expect(where, 'PL.Plaid.EventName', name);
    types.expect(where, 'PL.Plaid.OnEventMetaData', metadata);
    if (react) types.expect(where, 'R.PlaidLinkOnEventMetadata', metadata);
  });
}

function eventNames(recorded) {
  return recorded.events.map(([name, metadata]) =>
    (name === 'TRANSITION_VIEW' ? `${name}(${metadata.view_name})` : name));
}

// ---------------------------------------------------------------------------
// the checks

async function rawApi() {
  await step('raw API: window.Plaid has create, createEmbedded and version, as Plaid\'s has', async () => {
    const page = await newPage();
    await page.goto(`${appUrl}/raw.html`);
    const shape = await page.evaluate(() => {
      const handler = window.Plaid.create({ token: 'link-sandbox-00000000-0000-4000-8000-000000000000', onSuccess() {} });
      const methods = ['open', 'exit', 'destroy', 'submit'].map((m) => `${m}:${typeof handler[m]}`);
      handler.destroy();
      return { create: typeof window.Plaid.create, createEmbedded: typeof window.Plaid.createEmbedded,
        version: window.Plaid.version, methods };
    });
    await page.context().close();
    assert.equal(shape.create, 'function');
    assert.equal(shape.createEmbedded, 'function');
    assert.match(String(shape.version), /^\d+\.\d+\.\d+/, 'Plaid.version is a version string');
    assert.deepEqual(shape.methods, ['open:function', 'exit:function', 'destroy:function', 'submit:function']);
    return `version ${shape.version}`;
  });

  await step('raw API: a new Item, from create() to onSuccess, then destroy() leaves no frame', async () => {
    const page = await rawPageWithHandler(await linkToken());
    await page.evaluate(() => window.handler.open());
    await connect(modal(page));
    await waitForRecord(page, 'successes', 1);
    await page.evaluate(() => window.handler.destroy());
    const frames = await page.evaluate(() => document.querySelectorAll('iframe').length);
    const recorded = await record(page);
    await page.context().close();
    const [[publicToken, metadata]] = recorded.successes;
    assert.match(publicToken, PUBLIC_TOKEN_RE, 'public_token');
    assert.equal(metadata.institution.institution_id, INSTITUTION);
    assert.ok(metadata.accounts.length > 0, 'accounts');
    assert.equal(recorded.exits.length, 0, 'no onExit');
    assert.equal(frames, 0, 'iframes left after destroy()');
    const names = eventNames(recorded);
    assert.deepEqual([names[0], names.at(-1)], ['OPEN', 'HANDOFF'], names.join(', '));
    expectTypes('new Item', recorded);
    return `${recorded.events.length} events`;
  });

  await step('raw API: open(institution_id) skips "Select your bank"', async () => {
    const page = await rawPageWithHandler(await linkToken());
    await page.evaluate((id) => window.handler.open(id), INSTITUTION);
    await connect(modal(page), { pickBank: false });
    await waitForRecord(page, 'successes', 1);
    const recorded = await record(page);
    await page.context().close();
    const names = eventNames(recorded);
    assert.ok(!names.includes('TRANSITION_VIEW(SELECT_INSTITUTION)'), names.join(', '));
    assert.ok(names.includes('SELECT_INSTITUTION'), names.join(', '));
    assert.equal(recorded.successes[0][1].institution.institution_id, INSTITUTION);
    expectTypes('open(institution_id)', recorded);
    return names.slice(0, 4).join(', ');
  });

  await step('raw API: the user closes Link: onExit(null, metadata) with the status', async () => {
    const page = await rawPageWithHandler(await linkToken());
    await page.evaluate(() => window.handler.open());
    const frame = modal(page);
    await frame.getByTestId('consent-continue').click();
    await frame.getByTestId('close').click();
    await frame.getByTestId('exit-confirm').click();
    await waitForRecord(page, 'exits', 1);
    const recorded = await record(page);
    await page.context().close();
    const [[error, metadata]] = recorded.exits;
    assert.equal(error, null);
    assert.equal(metadata.status, 'requires_credentials');
    assert.equal(recorded.events.at(-1)[0], 'EXIT');
    expectTypes('closed', recorded);
    return `status ${metadata.status}`;
  });

  await step('raw API: exit({force: true}) right after open(), before onLoad, ends in onExit', async () => {
    const page = await newPage();
    await page.goto(`${appUrl}/raw.html`);
    const token = await linkToken();
    const loadsBefore = await page.evaluate((t) => {
      window.handler = window.makeHandler(t);
      window.handler.open();
      window.handler.exit({ force: true });
      return window.record.loads;
    }, token);
    await waitForRecord(page, 'exits', 1);
    const recorded = await record(page);
    await page.context().close();
    assert.equal(loadsBefore, 0, 'onLoad had not fired yet');
    assert.equal(recorded.exits.length, 1);
    assert.equal(recorded.successes.length, 0);
    expectTypes('exit before onLoad', recorded);
    return 'onExit';
  });

  await step('raw API: an invalid link token ends in onExit with INVALID_LINK_TOKEN', async () => {
    const page = await rawPageWithHandler('link-sandbox-00000000-0000-4000-8000-000000000000');
    await page.evaluate(() => window.handler.open());
    await modal(page).getByTestId('error-exit').click();
    await waitForRecord(page, 'exits', 1);
    const recorded = await record(page);
    await page.context().close();
    const [[error]] = recorded.exits;
    assert.equal(error?.error_code, 'INVALID_LINK_TOKEN');
    assert.equal(error?.error_type, 'INVALID_INPUT');
    expectTypes('invalid token', recorded);
    return `${error.error_type}/${error.error_code}`;
  });
}

async function reactPlaidLink() {
  await step('react-plaid-link usePlaidLink: ready, open(), onSuccess', async () => {
    const page = await newPage();
    const token = await linkToken();
    await page.goto(`${appUrl}/app.html?mode=hook&token=${encodeURIComponent(token)}`);
    await page.getByTestId('ready').filter({ hasText: /^ready$/ }).waitFor();
    await waitForRecord(page, 'loads', 1);
    await page.getByTestId('connect').click();
    await connect(modal(page));
    await waitForRecord(page, 'successes', 1);
    const recorded = await record(page);
    const errors = page.consoleErrors;
    await page.context().close();
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
    assert.match(recorded.successes[0][0], PUBLIC_TOKEN_RE);
    expectTypes('usePlaidLink', recorded, { react: true });
    return `${recorded.events.length} events`;
  });

  await step('react-plaid-link PlaidEmbeddedLink: the search in the page, a bank picked there, onSuccess', async () => {
    const page = await newPage();
    const token = await linkToken();
    await page.goto(`${appUrl}/app.html?mode=embedded&token=${encodeURIComponent(token)}`);
    const embedded = page.frameLocator('.embedded-link iframe[data-weft-link^="plaid-embedded-"]');
    await embedded.getByTestId(`institution-${INSTITUTION}`).click();
    await waitForRecord(page, 'loads', 1);
    await connect(modal(page), { pickBank: false });
    await waitForRecord(page, 'successes', 1);
    const recorded = await record(page);
    const errors = page.consoleErrors;
    await page.context().close();
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
    assert.equal(recorded.loads, 1, 'onLoad once');
    assert.equal(recorded.successes[0][1].institution.institution_id, INSTITUTION);
    expectTypes('PlaidEmbeddedLink', recorded, { react: true });
    return 'onSuccess';
  });

  await step('PlaidEmbeddedLink: forged "select", "failed" and "loaded" from the page or from another frame of Link\'s origin are ignored', async () => {
    const page = await newPage();
    const token = await linkToken();
    await page.goto(`${appUrl}/app.html?mode=embedded&token=${encodeURIComponent(token)}`);
    const embedded = page.frameLocator('.embedded-link iframe[data-weft-link^="plaid-embedded-"]');
    await embedded.getByTestId(`institution-${INSTITUTION}`).waitFor();
    await waitForRecord(page, 'loads', 1);
    const handlerId = await page.locator('iframe[data-weft-link^="plaid-embedded-"]').getAttribute('data-weft-link');
    const forged = [
      { type: 'select', payload: { institution_id: INSTITUTION } },
      { type: 'failed', payload: { error: { error_type: 'INVALID_INPUT', error_code: 'INVALID_LINK_TOKEN', error_message: 'forged' } } },
      { type: 'loaded', payload: {} },
    ].map((m) => ({ protocol: 'weft-link-emulator/1', handlerId, ...m }));
    // The page itself (its own origin, its own window).
    await page.evaluate((messages) => messages.forEach((m) => window.postMessage(m, '*')), forged);
    // A frame of Link's own origin that is not the element's frame (right origin, wrong source).
    await page.evaluate((src) => new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.id = 'intruder';
      frame.src = src;
      frame.onload = resolve;
      document.body.appendChild(frame);
    }), `${linkOrigin}/link/v2/stable/embedded.html`);
    const intruder = page.frames().find((f) => f.url().startsWith(`${linkOrigin}/link/v2/stable/embedded.html`) &&
      f.parentFrame() === page.mainFrame() && f.name() === '');
    assert.ok(intruder, 'the intruding frame loaded');
    await intruder.evaluate((messages) => messages.forEach((m) => window.parent.postMessage(m, '*')), forged);
    await page.waitForTimeout(1500);
    const shown = await page.locator('iframe[data-weft-link^="plaid-link-"]:not([aria-hidden])').count();
    const recorded = await record(page);
    await page.context().close();
    assert.equal(shown, 0, 'Link was opened by a forged select');
    assert.equal(recorded.exits.length, 0, 'a forged failed reached onExit');
    assert.equal(recorded.loads, 1, 'a forged loaded fired onLoad again');
    assert.equal(recorded.events.length, 0, 'no session started');
    return '6 messages ignored';
  });

  await step('react-plaid-link: Link\'s files unreachable: open() ends in onExit after the load timeout', async () => {
    const page = await newPage();
    const token = await linkToken();
    const port = await closedPort();
    await page.goto(`${appUrl}/app.html?mode=hook&token=${encodeURIComponent(token)}` +
      `&link_origin=${encodeURIComponent(`http://127.0.0.1:${port}`)}&load_timeout_ms=1500`);
    await page.getByTestId('ready').filter({ hasText: /^ready$/ }).waitFor();
    await page.getByTestId('connect').click();
    await waitForRecord(page, 'exits', 1);
    const recorded = await record(page);
    await page.context().close();
    const [[error, metadata]] = recorded.exits;
    assert.equal(recorded.loads, 0, 'no onLoad');
    assert.equal(error?.error_type, 'API_ERROR');
    assert.equal(typeof metadata.link_session_id, 'string');
    expectTypes('unreachable', recorded, { react: true });
    return `${error.error_type}/${error.error_code}`;
  });
}

async function main() {
  const started = await step('weft-sandbox starts, the app is bundled and served, Chromium starts', async () => {
    sandboxUrl = await harness.startSandbox(args.sandbox, ['--client-id', CLIENT_ID, '--secret', SECRET]);
    linkOrigin = sandboxUrl.replace('//127.0.0.1:', '//localhost:');
    const [appBundle, rawScript] = await Promise.all([
      bundleApp(),
      import('node:fs').then((fs) => fs.readFileSync(path.join(HERE, 'browser/raw.js'), 'utf8')),
    ]);
    const server = await startAppServer(appBundle, rawScript);
    harness.onFinish(() => new Promise((resolve) => server.close(resolve)));
    appUrl = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    harness.onFinish(() => browser.close());
    return `Chromium ${browser.version()}`;
  });
  if (!started) return finish(1);

  await rawApi();
  await reactPlaidLink();

  await step('the type check itself rejects what the types forbid (view_name null, no class_type)', async () => {
    const probe = new TypeChecks(types.imports);
    const event = types.checks.find((c) => c.type === 'PL.Plaid.OnEventMetaData');
    const success = types.checks.find((c) => c.type === 'PL.Plaid.OnSuccessMetaData');
    assert.ok(event && success, 'an event and a success were recorded');
    probe.expect('probe event', event.type, { ...event.value, view_name: null });
    const { class_type: _dropped, ...account } = success.value.accounts[0];
    probe.expect('probe success', success.type, { ...success.value, accounts: [account] });
    const problems = await probe.run();
    assert.match(problems, /probe event .*view_name|probe event .*ViewName/s, problems);
    assert.match(problems, /probe success .*class_type/s, problems);
    return 'both refused';
  });

  await step('every callback argument conforms to @types/plaid-link and react-plaid-link\'s types', async () => {
    assert.ok(types.size > 0, 'nothing was recorded');
    const problems = await types.run();
    if (problems) throw new Error(problems);
    return `${types.size} values`;
  });
  return finish();
}

main().catch((e) => {
  harness.fail(e);
  finish(1);
});
