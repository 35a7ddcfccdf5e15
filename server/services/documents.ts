// Reading and checking stored portal documents: migrate to the current schema on read, validate
// against the block registry, sanitize rich text. Errors name the block and the field.
import { TRPCError } from '@trpc/server';
import { formatIssues, type PortalDocument } from '../../core';
import { migrateDocument } from '../../core/migrations';
import { validateDocument } from '../../blocks';
import { sanitizeDocument } from './sanitize';

/** Parses a document from the database, upgrading older schema versions. */
export function readStoredDocument(json: string): PortalDocument {
  const { document } = migrateDocument(JSON.parse(json));
  const result = validateDocument(document);
  if (!result.ok) throw new Error(`stored document is invalid: ${formatIssues(result.issues)}`);
  return result.document;
}

/** Validates a document sent by a client; a bad one is a BAD_REQUEST with every issue named. */
export function acceptDocument(input: unknown): PortalDocument {
  const result = validateDocument(input);
  if (!result.ok) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Invalid document: ${formatIssues(result.issues.slice(0, 20))}${result.issues.length > 20 ? ` (and ${result.issues.length - 20} more)` : ''}`,
      cause: new DocumentError(result.issues),
    });
  }
  return sanitizeDocument(result.document);
}

export class DocumentError extends Error {
  constructor(readonly issues: { path: (string | number)[]; blockId?: string; field?: string; message: string }[]) {
    super('invalid document');
  }
}
