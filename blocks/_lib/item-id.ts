// Ids of list items (tabs, FAQ entries, quick links). A tab's id is also its slot name, so ids follow the
// document's slot-key alphabet, start with a letter, and never shadow an Object.prototype member.
import { z } from 'zod';

export const itemIdSchema = z
  .string()
  .min(1, 'an id is required')
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'ids start with a letter and use letters, digits, "_" and "-" only')
  .refine((id) => !(id in Object.prototype), 'this id is reserved, choose another')
  .meta({ label: 'Id', help: 'A stable key for this item; generated when the item is added.' });

type IssueSink = { addIssue: (issue: { code: 'custom'; message: string; path: PropertyKey[] }) => void };

/** For `.superRefine` on an array of items: reports each repeated id at the repeat, naming it. */
export function reportDuplicateIds(what: string) {
  return (items: readonly { id: string }[], ctx: IssueSink): void => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `${what} ids must be unique: "${item.id}" is used more than once` });
      }
      seen.add(item.id);
    });
  };
}
