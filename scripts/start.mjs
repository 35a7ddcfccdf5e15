// `npm start`: builds the bundles when they are missing or older than their sources, then runs the
// server (its TypeScript loaded through tsx).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  buildIfNeeded();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
await import(path.join(root, 'server/main.ts'));
