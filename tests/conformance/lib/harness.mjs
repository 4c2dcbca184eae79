// The bookkeeping every conformance driver shares: one line per check ("ok" / "FAIL"), a
// summary line and the exit code, a time limit, and a weft-sandbox child process that never
// outlives the driver.
//
// usage:
//   const h = createHarness({ timeLimitMs });
//   const baseUrl = await h.startSandbox(path, ['--client-id', ...]);
//   await h.step('name', async () => { ...; return 'detail'; });
//   h.finish();   // prints "N passed, M failed" and exits 0 only when all passed

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import assert from 'node:assert/strict';

export function createHarness({ timeLimitMs }) {
  let passed = 0;
  let failed = 0;
  let currentStep = '(start-up)';
  let finished = false;
  let sandbox = null;
  let sandboxExit = null;
  const sandboxStderr = [];
  const cleanups = [];

  function pass(name, detail = '') {
    passed++;
    console.log(`ok   ${name}${detail ? ` (${detail})` : ''}`);
  }

  function fail(name, err) {
    failed++;
    const text = err instanceof Error ? err.message : String(err);
    console.log(`FAIL ${name}\n     ${text.split('\n').join('\n     ')}`);
  }

  async function step(name, fn) {
    currentStep = name;
    try {
      const detail = await fn();
      pass(name, typeof detail === 'string' ? detail : '');
      return true;
    } catch (e) {
      fail(name, e);
      return false;
    }
  }

  function stopSandbox(signal = 'SIGTERM') {
    if (sandbox && sandboxExit === null) {
      try {
        sandbox.kill(signal);
      } catch {
        // already gone
      }
    }
  }

  async function finish(code) {
    if (finished) return;
    finished = true;
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // the exit code already says what failed
      }
    }
    if (failed > 0 && sandboxStderr.length) {
      console.log('--- last lines of weft-sandbox stderr ---');
      for (const line of sandboxStderr.slice(-20)) console.log(line);
    }
    console.log(`${passed} passed, ${failed} failed`);
    stopSandbox('SIGKILL');
    process.exit(code ?? (failed === 0 && passed > 0 ? 0 : 1));
  }

  /**
   * Starts weft-sandbox with --port 0 and the given arguments; resolves with the base URL it
   * prints as its first line of stdout. The child's `exited` promise resolves with
   * {code, signal}.
   */
  async function startSandbox(path, extraArgs) {
    if (!fs.existsSync(path)) throw new Error(`no such file: ${path}`);
    sandbox = spawn(path, ['--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    sandbox.exited = new Promise((resolve) => {
      sandbox.on('exit', (code, signal) => {
        sandboxExit = { code, signal };
        resolve(sandboxExit);
      });
    });
    sandbox.on('error', (e) => sandboxStderr.push(`(spawn error: ${e.message})`));
    readline.createInterface({ input: sandbox.stderr }).on('line', (l) => {
      sandboxStderr.push(l);
      if (sandboxStderr.length > 200) sandboxStderr.shift();
    });
    const lines = readline.createInterface({ input: sandbox.stdout });
    const firstLine = new Promise((resolve, reject) => {
      lines.once('line', resolve);
      sandbox.once('error', reject);
      sandbox.exited.then(({ code, signal }) => reject(new Error(`weft-sandbox exited (code ${code}, signal ${signal}) before printing its URL`)));
      setTimeout(() => reject(new Error('weft-sandbox printed no URL within 15 s')), 15000).unref();
    });
    const line = (await firstLine).trim();
    lines.on('line', () => {}); // keep draining stdout
    assert.match(line, /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/, 'first stdout line is the base URL');
    return line;
  }

  // Whatever happens, the sandbox child does not outlive the driver.
  process.on('exit', () => stopSandbox('SIGKILL'));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      fail(currentStep, `interrupted by ${sig}`);
      finish(1);
    });
  }
  process.on('uncaughtException', (e) => {
    fail(currentStep, e);
    finish(1);
  });
  process.on('unhandledRejection', (e) => {
    fail(currentStep, e);
    finish(1);
  });
  setTimeout(() => {
    fail(currentStep, `time limit of ${timeLimitMs / 1000} s reached`);
    finish(1);
  }, timeLimitMs).unref();

  return {
    step,
    fail: (e) => fail(currentStep, e),
    finish,
    startSandbox,
    /** Run at finish, last registered first (a browser, a web server). */
    onFinish: (fn) => cleanups.push(fn),
    get sandbox() { return sandbox; },
  };
}
