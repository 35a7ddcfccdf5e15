// Server-side rendering entry, built by Vite (`vite build --ssr`) and loaded by the server.
import { renderToString } from 'react-dom/server';
import type { PagePayload } from '../core';
import { PortalApp } from './portal-app';

export function renderPage(payload: PagePayload): string {
  return renderToString(<PortalApp payload={payload} />);
}
