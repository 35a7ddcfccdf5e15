// Random tokens for sessions and links: the client holds the token, the database only its hash.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newRowId(): string {
  return randomBytes(12).toString('base64url');
}
