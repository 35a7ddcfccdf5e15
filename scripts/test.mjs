// `npm test`: typecheck, lint, unit and integration tests (vitest), e2e (Playwright in Chromium).
// Every suite runs even when an earlier one fails; the last line is the total: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);

const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);
let passed = 0;
let failed = 0;
const report = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

/** A step that is one check (typecheck, lint): it counts as one test. */
function check(label, cmd, args) {
  const { ok, seconds } = run(label, cmd, args);
  if (ok) passed++;
  else failed++;
  report.push(`${label}: ${ok ? 'ok' : 'FAILED'} (${seconds}s)`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

if (want('typecheck')) check('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
if (want('lint')) check('lint', bin('eslint'), ['--max-warnings=0', '.']);

if (want('vitest') || want('e2e')) {
  // Both suites serve portals through the built runtime.
  const build = run('build bundles', process.execPath, [path.join(root, 'scripts/build.mjs')]);
  if (!build.ok) {
    failed++;
    report.push('build: FAILED');
  }
}

if (want('vitest')) {
  const out = path.join(tmp, 'vitest.json');
  fs.rmSync(out, { force: true });
  const { ok, seconds } = run('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const json = readJson(out);
  const p = json?.numPassedTests ?? 0;
  // A crashed runner with no report is a failure, never a silent zero.
  const f = (json?.numFailedTests ?? 0) + (!json || (!ok && !json.numFailedTests) ? 1 : 0);
  passed += p;
  failed += f;
  report.push(`vitest: ${p} passed, ${f} failed (${seconds}s)`);
}

if (want('e2e')) {
  const out = path.join(tmp, 'playwright.json');
  fs.rmSync(out, { force: true });
  const { ok, seconds } = run('e2e tests (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const stats = readJson(out)?.stats;
  const p = stats?.expected ?? 0;
  const f = (stats?.unexpected ?? 0) + (stats?.flaky ?? 0) + (!stats || (!ok && !stats.unexpected) ? 1 : 0);
  passed += p;
  failed += f;
  report.push(`playwright: ${p} passed, ${f} failed (${seconds}s)`);
}

console.log('\nSummary');
for (const line of report) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
