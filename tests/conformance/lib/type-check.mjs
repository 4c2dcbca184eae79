// Checks values a browser recorded (Link's callback arguments) against TypeScript types, with
// the TypeScript compiler itself: each value is written out as a literal passed to
//   conforms<Type>()(value)
// whose type parameter is `const V extends Type`. A missing field, a wrong type, null where the
// type has none, or a string outside a union (a view name, an event name) is a compile error.
// Fields the type does not name are allowed: Plaid sends more than its typings describe.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export class TypeChecks {
  /** imports: {alias: module path}: `import type * as alias from path` (types: alias.Name). */
  constructor(imports) {
    this.imports = imports;
    this.checks = []; // {label, type, value}
  }

  expect(label, type, value) {
    this.checks.push({ label, type, value });
  }

  get size() {
    return this.checks.length;
  }

  /** The TypeScript source: one line per check, so that an error's line names the check. */
  source() {
    const lines = [];
    for (const [name, from] of Object.entries(this.imports)) {
      lines.push(`import type * as ${name} from ${JSON.stringify(from)};`);
    }
    lines.push('declare function conforms<T>(): <const V extends T>(v: V) => V;');
    const first = lines.length + 1;
    for (const { type, value } of this.checks) {
      lines.push(`conforms<${type}>()(${JSON.stringify(value)});`);
    }
    return { text: `${lines.join('\n')}\n`, first };
  }

  /** Resolves with '' when every value conforms, else with the compiler's findings. */
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-type-check-'));
    try {
      const { text, first } = this.source();
      const file = path.join(dir, 'recorded.ts');
      fs.writeFileSync(file, text);
      const tsc = require.resolve('typescript/bin/tsc');
      const output = await new Promise((resolve) => {
        execFile(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--pretty',
          'false', '--target', 'es2020', '--module', 'commonjs', '--moduleResolution', 'node10',
          '--jsx', 'react', file], { maxBuffer: 16 << 20 },
        (error, stdout, stderr) => resolve(error ? `${stdout}${stderr}` || error.message : ''));
      });
      if (!output) return '';
      // recorded.ts(LINE,COL): error ... -> the check's label and type
      return output.split('\n').filter(Boolean).map((line) => {
        const m = /recorded\.ts\((\d+),\d+\): (.*)$/.exec(line);
        const check = m ? this.checks[Number(m[1]) - first] : null;
        return check ? `${check.label} (${check.type}): ${m[2]}` : line;
      }).join('\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
