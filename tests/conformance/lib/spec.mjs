// Loads Plaid's OpenAPI 3.0 description and validates JSON bodies against it.
//
// The spec is parsed once per path. Its component schemas are converted from
// OpenAPI 3.0 to JSON Schema (draft-07 semantics, which Ajv understands) and
// registered with one Ajv instance; a validator for a request or response is
// compiled only when it is first asked for, so only the schemas an endpoint
// actually reaches are ever compiled.

import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const DOC_ID = 'plaid-openapi.json';

// Keywords that carry no validation meaning here (documentation, code
// generation hints, vendor extensions).
const DROPPED_KEYS = new Set([
  'description', 'title', 'example', 'examples', 'externalDocs', 'deprecated',
  'readOnly', 'writeOnly', 'xml', 'discriminator', 'nullable',
]);

// Keywords whose value is a single subschema / a list of subschemas / a map of
// subschemas.
const ONE_SCHEMA = ['items', 'not', 'additionalProperties'];
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_MAP = ['properties'];

/**
 * Converts one OpenAPI 3.0 schema object to JSON Schema.
 *
 * - `nullable: true` next to a plain `type` becomes `type: [T, "null"]` (and
 *   `null` is added to an `enum`).
 * - `nullable: true` on a schema that also uses `$ref`, `allOf`, `anyOf`,
 *   `oneOf` or `not` (where adding "null" to `type` would not help, because
 *   the combined subschemas would still reject null) becomes
 *   `{ if: {type: "null"}, then: true, else: <the schema> }`.
 * - local `$ref`s (`#/components/...`) are made absolute so that a converted
 *   path-level schema can be compiled on its own.
 * - documentation-only keywords and `x-*` extensions are dropped.
 */
export function convertSchema(schema) {
  if (schema === true || schema === false) return schema;
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;

  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref') {
      out.$ref = typeof value === 'string' && value.startsWith('#') ? DOC_ID + value : value;
    } else if (ONE_SCHEMA.includes(key)) {
      out[key] = typeof value === 'object' ? convertSchema(value) : value;
    } else if (SCHEMA_LIST.includes(key)) {
      out[key] = value.map(convertSchema);
    } else if (SCHEMA_MAP.includes(key)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertSchema(v)]));
    } else {
      out[key] = value;
    }
  }

  if (schema.nullable !== true) return out;

  const combined = ['$ref', 'allOf', 'anyOf', 'oneOf', 'not'].some((k) => k in out);
  if (!combined && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  if (!combined && out.type === undefined) {
    // "anything, or null": nothing to restrict.
    return out;
  }
  return { if: { type: 'null' }, then: true, else: out };
}

function escapePointerToken(token) {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

// Turns Ajv errors into readable lines: "<JSON pointer>: <message>".
function formatErrors(errors) {
  const lines = [];
  for (const e of errors || []) {
    if (e.keyword === 'if') continue; // wrapper noise from the nullable conversion
    let pointer = e.instancePath;
    let message = e.message;
    switch (e.keyword) {
      case 'required':
        pointer += '/' + escapePointerToken(e.params.missingProperty);
        message = 'required property is missing';
        break;
      case 'additionalProperties':
        pointer += '/' + escapePointerToken(e.params.additionalProperty);
        message = 'property is not allowed by the schema';
        break;
      case 'enum':
        message += ': ' + JSON.stringify(e.params.allowedValues);
        break;
      default:
        break;
    }
    lines.push(`${pointer || '/'}: ${message}`);
  }
  return [...new Set(lines)];
}

class Spec {
  constructor(specPath) {
    const started = Date.now();
    this.specPath = path.resolve(specPath);
    // JSON_SCHEMA-like core parsing keeps dates ("2020-09-14") as strings.
    this.doc = loadYaml(fs.readFileSync(this.specPath, 'utf8'));
    if (!this.doc || typeof this.doc.openapi !== 'string' || !this.doc.openapi.startsWith('3.0')) {
      throw new Error(`${specPath}: not an OpenAPI 3.0 document`);
    }
    this.version = this.doc.info?.version;

    const schemas = {};
    for (const [name, schema] of Object.entries(this.doc.components?.schemas || {})) {
      schemas[name] = convertSchema(schema);
    }

    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false, // the converted spec is trusted; skipping saves time
      addUsedSchema: false,
    });
    addFormats(this.ajv);
    // OpenAPI / Plaid formats that ajv-formats does not define.
    this.ajv.addFormat('double', { type: 'number', validate: (n) => Number.isFinite(n) });
    this.ajv.addFormat('float', { type: 'number', validate: (n) => Number.isFinite(n) });
    this.ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });
    this.ajv.addFormat('binary', true);
    this.ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
    this.ajv.addFormat('cognito_id', true);
    this.ajv.addFormat('url', (s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    });
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas } });

    this.cache = new Map();
    this.loadMs = Date.now() - started;
  }

  /** All paths in the spec that have a POST operation. */
  get postPaths() {
    return Object.keys(this.doc.paths || {}).filter((p) => this.doc.paths[p]?.post);
  }

  operation(apiPath) {
    const op = this.doc.paths?.[apiPath]?.post;
    if (!op) throw new Error(`no POST operation for ${apiPath} in the spec`);
    return op;
  }

  /** The raw (unconverted) request body schema of a path. */
  requestSchema(apiPath) {
    const schema = this.operation(apiPath).requestBody?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${apiPath} has no application/json request body in the spec`);
    return schema;
  }

  /** The raw response schema of a path for an HTTP status (exact status, else `default`). */
  responseSchema(apiPath, httpStatus) {
    const responses = this.operation(apiPath).responses || {};
    const key = String(httpStatus) in responses ? String(httpStatus) : 'default';
    const schema = responses[key]?.content?.['application/json']?.schema;
    if (!schema) {
      throw new Error(`${apiPath} has no application/json response schema for HTTP ${httpStatus}`);
    }
    return schema;
  }

  /** The raw example bodies given for a response (by example name). */
  responseExamples(apiPath, httpStatus = 200) {
    const responses = this.operation(apiPath).responses || {};
    const content = responses[String(httpStatus)]?.content?.['application/json'] || {};
    const out = {};
    if (content.example !== undefined) out.example = content.example;
    for (const [name, ex] of Object.entries(content.examples || {})) {
      if (ex && 'value' in ex) out[name] = ex.value;
    }
    return out;
  }

  compile(key, rawSchema) {
    let fn = this.cache.get(key);
    if (!fn) {
      const validate = this.ajv.compile(convertSchema(rawSchema));
      fn = (body) => (validate(body) ? [] : formatErrors(validate.errors));
      this.cache.set(key, fn);
    }
    return fn;
  }

  /**
   * `(body) => []` or a list of error strings, for the POST request body of `apiPath`.
   *
   * With `{ rejectUnknownFields: true }` the body is also checked for object
   * fields the spec does not declare. Plaid's request schemas leave
   * `additionalProperties` open, but Plaid's API answers unknown request
   * fields with INVALID_REQUEST / UNKNOWN_FIELDS, so a client must not send
   * them.
   */
  requestValidator(apiPath, { rejectUnknownFields = false } = {}) {
    const raw = this.requestSchema(apiPath);
    const validate = this.compile(`req ${apiPath}`, raw);
    if (!rejectUnknownFields) return validate;
    return (body) => [...validate(body), ...this.unknownFields(raw, body)];
  }

  resolveRef(schema) {
    let s = schema;
    for (let depth = 0; s && typeof s === 'object' && typeof s.$ref === 'string'; depth++) {
      if (depth > 64) throw new Error(`$ref loop at ${schema.$ref}`);
      const m = /^#\/components\/schemas\/(.+)$/.exec(s.$ref);
      if (!m) throw new Error(`unsupported $ref ${s.$ref}`);
      s = this.doc.components.schemas[decodeURIComponent(m[1]).replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return s;
  }

  // Declared object properties of a schema, merged over allOf/anyOf/oneOf.
  // Returns null when the schema allows arbitrary keys (a map-like
  // additionalProperties schema, or no declared properties at all).
  declaredProperties(schema) {
    const s = this.resolveRef(schema);
    if (!s || typeof s !== 'object') return null;
    const props = new Map();
    let open = s.additionalProperties && typeof s.additionalProperties === 'object';
    let declaresAny = false;
    if (s.properties) {
      declaresAny = true;
      for (const [k, v] of Object.entries(s.properties)) props.set(k, [...(props.get(k) || []), v]);
    }
    for (const kw of ['allOf', 'anyOf', 'oneOf']) {
      for (const sub of s[kw] || []) {
        const inner = this.declaredProperties(sub);
        if (inner === null) {
          const r = this.resolveRef(sub);
          if (r && r.additionalProperties && typeof r.additionalProperties === 'object') open = true;
          continue;
        }
        declaresAny = true;
        for (const [k, v] of inner) props.set(k, [...(props.get(k) || []), ...v]);
      }
    }
    if (open || !declaresAny) return null;
    return props;
  }

  unknownFields(schema, value, pointer = '') {
    const errors = [];
    const s = this.resolveRef(schema);
    if (!s || typeof s !== 'object' || value === null || typeof value !== 'object') return errors;
    if (Array.isArray(value)) {
      const items = s.items || (s.allOf || []).map((x) => this.resolveRef(x)?.items).find(Boolean);
      if (items) value.forEach((v, i) => errors.push(...this.unknownFields(items, v, `${pointer}/${i}`)));
      return errors;
    }
    const props = this.declaredProperties(s);
    if (!props) return errors;
    for (const [key, v] of Object.entries(value)) {
      const where = `${pointer}/${escapePointerToken(key)}`;
      const subs = props.get(key);
      if (!subs) {
        errors.push(`${where}: unknown field (not declared by the spec; Plaid answers UNKNOWN_FIELDS)`);
        continue;
      }
      for (const sub of subs) errors.push(...this.unknownFields(sub, v, where));
    }
    return [...new Set(errors)];
  }

  /** `(body) => []` or a list of error strings, for a response of `apiPath` with `httpStatus`. */
  responseValidator(apiPath, httpStatus) {
    const status = Number(httpStatus);
    const responses = this.operation(apiPath).responses || {};
    const key = String(status) in responses ? String(status) : 'default';
    return this.compile(`res ${apiPath} ${key}`, this.responseSchema(apiPath, status));
  }

  /** `(body) => []` or a list of error strings, for a named component schema. */
  schemaValidator(name) {
    if (!this.doc.components?.schemas?.[name]) throw new Error(`no component schema ${name}`);
    return this.compile(`schema ${name}`, { $ref: `#/components/schemas/${name}` });
  }
}

const loaded = new Map();

/** Loads (once per file) and returns the spec at `specPath`. */
export function loadSpec(specPath) {
  const key = path.resolve(specPath);
  let spec = loaded.get(key);
  if (!spec) {
    spec = new Spec(key);
    loaded.set(key, spec);
  }
  return spec;
}

/**
 * Minimal `--name value` / `--name=value` argument parsing shared by the scripts.
 * Returns an object of the given names; exits with a usage line when a
 * required one is missing.
 */
export function parseArgs(argv, { required = [], optional = [], usage }) {
  const out = {};
  const known = new Set([...required, ...optional]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m || !known.has(m[1])) {
      console.error(`unknown argument: ${arg}\nusage: ${usage}`);
      process.exit(2);
    }
    let value = m[2];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) {
        console.error(`--${m[1]} needs a value\nusage: ${usage}`);
        process.exit(2);
      }
    }
    out[m[1]] = value;
  }
  for (const name of required) {
    if (out[name] === undefined) {
      console.error(`missing --${name}\nusage: ${usage}`);
      process.exit(2);
    }
  }
  return out;
}
