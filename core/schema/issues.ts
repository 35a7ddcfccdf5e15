// A validation problem in a document, located precisely enough for a person to fix it.
import type { z } from 'zod';

export type DocumentIssue = {
  /** JSON path into the document, e.g. ["pages", 0, "blocks", 2, "props", "text"]. */
  path: (string | number)[];
  /** The block the problem belongs to, when there is one. */
  blockId?: string;
  /** The prop or field at fault, when there is one. */
  field?: string;
  message: string;
};

/** Turns zod issues into document issues under a path prefix. */
export function fromZodIssues(issues: z.core.$ZodIssue[], prefix: (string | number)[] = []): DocumentIssue[] {
  return issues.map((i) => {
    const path = [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    // An unknown key sits at the object's own path, so the key itself is the field at fault.
    const field = i.path.length > 0 ? String(i.path[0]) : i.code === 'unrecognized_keys' ? i.keys[0] : undefined;
    return { path, ...(field ? { field } : {}), message: i.message };
  });
}

/** One line per issue, naming the block and the field: used in API error messages. */
export function formatIssues(issues: DocumentIssue[]): string {
  return issues
    .map((i) => {
      const where = i.blockId ? `block "${i.blockId}"${i.field ? `, field "${i.field}"` : ''}` : i.path.join('.') || 'document';
      return `${where}: ${i.message}`;
    })
    .join('; ');
}
