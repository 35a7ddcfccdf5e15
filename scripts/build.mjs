// Builds the client bundles (builder, runtime) and the runtime's server renderer (Vite SSR build).
// `npm start` and the test runs call buildIfNeeded, which skips the work when nothing changed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
const OUTPUTS = ['dist/client/.vite/manifest.json', 'dist/server/entry-server.js'];
const SOURCES = ['builder', 'runtime', 'blocks', 'core', 'vite.config.ts', 'package-lock.json'];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function viteBuild(args) {
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
}

export function build() {
  viteBuild([]);
  viteBuild(['--ssr', 'runtime/entry-server.tsx', '--outDir', 'dist/server', '--emptyOutDir']);
}

/** Builds when an output is missing or older than any source. Returns whether it built. */
export function buildIfNeeded({ quiet = false } = {}) {
  const built = Math.min(...OUTPUTS.map((o) => (fs.existsSync(path.join(root, o)) ? fs.statSync(path.join(root, o)).mtimeMs : 0)));
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built >= newest) return false;
  if (!quiet) console.log(built ? 'Sources changed: rebuilding the bundles…' : 'Building the bundles (first start)…');
  build();
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build();
