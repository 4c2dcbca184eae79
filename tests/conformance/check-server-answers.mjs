#!/usr/bin/env node
// Validates weft-server's answers, as its tests received them, against weft-server's own
// OpenAPI description (docs/weft-server-openapi.yaml).
//
// usage: node check-server-answers.mjs --spec PATH --answers FILE [--answers FILE ...]
//
// Each answers file holds one JSON object per line: {"method", "path", "status", "body"} (the
// body as text), written by the server tests (tests/server/ServerRig.h, WEFT_SERVER_ANSWERS).
// Every answer must be JSON and match the response the description gives for its route, method
// and status: a status the description does not list fails, a path that is no route must be a
// 404 Error, a method a route does not take a 405 Error. And every operation the description
// lists must have been answered with success at least once, so that the description cannot
// drift from what is tested. Exits 1 on any failure or when there are no answers at all.

import fs from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { convertSchema } from './lib/spec.mjs';

const USAGE = 'node check-server-answers.mjs --spec PATH --answers FILE [--answers FILE ...]';
const METHODS = ['get', 'post', 'put', 'delete', 'patch'];
const DOC_ID = 'plaid-openapi.json'; // the id convertSchema gives local references

function parse(argv) {
  const out = { answers: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--spec' && i + 1 < argv.length) out.spec = argv[++i];
    else if (argv[i] === '--answers' && i + 1 < argv.length) out.answers.push(argv[++i]);
    else {
      console.error(`unknown or incomplete argument: ${argv[i]}\nusage: ${USAGE}`);
      process.exit(2);
    }
  }
  if (!out.spec || out.answers.length === 0) {
    console.error(`usage: ${USAGE}`);
    process.exit(2);
  }
  return out;
}

const args = parse(process.argv.slice(2));
const doc = loadYaml(fs.readFileSync(args.spec, 'utf8'));
const schemas = Object.fromEntries(
  Object.entries(doc.components?.schemas || {}).map(([name, s]) => [name, convertSchema(s)]));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: DOC_ID, components: { schemas } });

const routes = Object.entries(doc.paths).map(([template, item]) => ({
  template,
  item,
  pattern: new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));

function resolveResponse(response) {
  if (response?.$ref) {
    const name = response.$ref.replace('#/components/responses/', '');
    return doc.components.responses[name];
  }
  return response;
}

const validators = new Map();
function validatorFor(key, schema) {
  if (!validators.has(key)) validators.set(key, ajv.compile(convertSchema(schema)));
  return validators.get(key);
}
const errorSchema = { $ref: '#/components/schemas/Error' };

const exercised = new Set();
const failures = [];
let count = 0;

for (const file of args.answers) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    failures.push(`${file}: cannot read (${e.code}); run the server tests first`);
    continue;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    count++;
    const answer = JSON.parse(line);
    const where = `${answer.method} ${answer.path} → ${answer.status}`;
    let body;
    try {
      body = JSON.parse(answer.body);
    } catch {
      failures.push(`${where}: the body is not JSON: ${String(answer.body).slice(0, 80)}`);
      continue;
    }
    const route = routes.find((r) => r.pattern.test(answer.path));
    const method = answer.method.toLowerCase();
    let key;
    let schema;
    if (!route) {
      if (answer.status !== 404) failures.push(`${where}: no such route, so 404 is due`);
      [key, schema] = ['Error', errorSchema];
    } else if (!route.item[method]) {
      if (answer.status !== 405) failures.push(`${where}: the route does not take ${answer.method}, so 405 is due`);
      [key, schema] = ['Error', errorSchema];
    } else {
      const response = resolveResponse(route.item[method].responses?.[String(answer.status)]);
      if (!response) {
        failures.push(`${where}: the description gives no ${answer.status} for ${answer.method} ${route.template}`);
        continue;
      }
      schema = response.content?.['application/json']?.schema;
      key = `${method} ${route.template} ${answer.status}`;
      if (answer.status < 300) exercised.add(`${method} ${route.template}`);
    }
    const validate = validatorFor(key, schema);
    if (!validate(body)) {
      const why = validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      failures.push(`${where}: ${why}`);
    }
  }
}

for (const { template, item } of routes) {
  for (const method of METHODS) {
    if (item[method] && !exercised.has(`${method} ${template}`))
      failures.push(`${method.toUpperCase()} ${template}: never answered with success by the tests`);
  }
}

for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`${count} answers checked against ${args.spec}: ${failures.length} failures`);
process.exit(failures.length === 0 && count > 0 ? 0 : 1);
