// `npm start`: builds the client bundles when they are missing or older than their sources, then
// runs the server (TypeScript loaded through tsx).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = path.join(root, 'dist/client/.vite/manifest.json');
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
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

export function buildIfNeeded() {
  const built = fs.existsSync(manifest) ? fs.statSync(manifest).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built >= newest) return;
  console.log(built ? 'Sources changed: rebuilding the client bundles…' : 'Building the client bundles (first start)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildIfNeeded();
  const { register } = await import('tsx/esm/api');
  register();
  await import(path.join(root, 'server/main.ts'));
}
