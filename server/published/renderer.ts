// Loads the runtime's server renderer and client asset list. In production both come from the Vite
// builds (dist/server, dist/client manifest); in development, from Vite's dev server.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ViteDevServer } from 'vite';
import type { PagePayload } from '../../core';
import type { ClientAssets } from './html';

export type Renderer = { renderPage: (payload: PagePayload) => string; assets: ClientAssets; transformHtml?: (url: string, html: string) => Promise<string> };

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SSR_ENTRY = path.join(ROOT, 'dist/server/entry-server.js');
const MANIFEST = path.join(ROOT, 'dist/client/.vite/manifest.json');
const CLIENT_ENTRY = 'runtime/entry-client.tsx';

type Manifest = Record<string, { file: string; css?: string[]; imports?: string[] }>;

export class RuntimeNotBuiltError extends Error {
  constructor() {
    super('The portal runtime has not been built. Run `npm run build` (npm start does this for you).');
  }
}

function assetsFromManifest(): ClientAssets {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Manifest;
  const entry = manifest[CLIENT_ENTRY];
  if (!entry) throw new RuntimeNotBuiltError();
  const css = new Set(entry.css ?? []);
  for (const imp of entry.imports ?? []) for (const c of manifest[imp]?.css ?? []) css.add(c);
  return {
    scripts: [`/_assets/${entry.file}`],
    // The entry's chunks (React) are fetched in parallel with it, not after it.
    preloads: (entry.imports ?? []).map((imp) => manifest[imp]?.file).filter((f): f is string => !!f).map((f) => `/_assets/${f}`),
    styles: [...css].map((c) => `/_assets/${c}`),
  };
}

export async function loadRenderer(vite: ViteDevServer | undefined): Promise<Renderer> {
  if (vite) {
    return {
      // Re-imported per request so edits show up on reload.
      renderPage: () => {
        throw new Error('use renderPageDev in development');
      },
      assets: { scripts: [`/_assets/${CLIENT_ENTRY}`], styles: [] },
      transformHtml: (url, html) => vite.transformIndexHtml(url, html),
    };
  }
  if (!fs.existsSync(SSR_ENTRY) || !fs.existsSync(MANIFEST)) throw new RuntimeNotBuiltError();
  const mod = (await import(pathToFileURL(SSR_ENTRY).href)) as { renderPage: Renderer['renderPage'] };
  return { renderPage: mod.renderPage, assets: assetsFromManifest() };
}

export async function renderPageDev(vite: ViteDevServer, payload: PagePayload): Promise<string> {
  const mod = (await vite.ssrLoadModule('/runtime/entry-server.tsx')) as { renderPage: Renderer['renderPage'] };
  return mod.renderPage(payload);
}
