// CSRF for cookie-authenticated APIs (DESIGN.md section 7): state-changing requests must be JSON
// (a cross-site form can send only form-encoded, multipart or text/plain bodies without a preflight)
// and must come from the same origin, by Sec-Fetch-Site or, failing that, by Origin.
import type { NextFunction, Request, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The same-origin rule alone, for routes that accept other bodies than JSON (image uploads). */
export function sameOrigin(req: Request): { ok: true } | { ok: false; reason: string } {
  const site = req.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none' ? { ok: true } : { ok: false, reason: `cross-site request (Sec-Fetch-Site: ${site})` };
  const origin = req.get('origin');
  if (!origin) return { ok: false, reason: 'missing Origin header' };
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return { ok: false, reason: 'malformed Origin header' };
  }
  return host === req.get('host') ? { ok: true } : { ok: false, reason: `cross-origin request from ${origin}` };
}

export function requireJsonSameOrigin(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    res.status(415).json({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Requests that change data must be sent as application/json.' } });
    return;
  }
  const origin = sameOrigin(req);
  if (!origin.ok) {
    res.status(403).json({ error: { code: 'FORBIDDEN', message: `Rejected: ${origin.reason}.` } });
    return;
  }
  next();
}
