// Cookie reading and writing with the rules of DESIGN.md section 7: HttpOnly, SameSite=Lax,
// Secure under https.
import type { Request, Response } from 'express';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      // Tokens are base64url: anything else is not ours.
      return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function writeCookie(
  res: Response,
  name: string,
  value: string | null,
  opts: { path: string; secure: boolean; maxAgeMs: number },
): void {
  res.cookie(name, value ?? '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    path: opts.path,
    ...(value === null ? { expires: new Date(0) } : { maxAge: opts.maxAgeMs }),
  });
}
