// POST /files: a file for `file` fields, sent as the raw body; the files service sniffs its real
// type and keeps only safe ones. Records then name it by the returned id.
import { z } from 'zod';
import { MAX_FILE_BYTES, typeKeySchema } from '../../../core';
import { storeFile } from '../../services/files';
import { keyActor } from '../auth';
import { defineRoute } from '../route';
import { noParams } from '../schemas';

const fileQuery = z
  .object({
    name: z.string().max(1000).optional().describe('The file name to keep with it, e.g. `contract.pdf`.'),
    type: typeKeySchema.optional().describe('With `field`: the entity type whose file field the file is for, to check its size and type limits before storing.'),
    field: z.string().min(1).max(60).optional().describe('With `type`: the file field.'),
  })
  .strict()
  .refine((q) => (q.type === undefined) === (q.field === undefined), { message: 'type and field go together', path: ['field'] });

const storedFile = z
  .object({ id: z.string(), name: z.string(), mime: z.string().describe('The type sniffed from the bytes.'), bytes: z.number().int() })
  .strict()
  .meta({ id: 'StoredFile', description: 'An uploaded file; set a file field to its id.' });

export const fileRoutes = [
  defineRoute({
    method: 'post',
    path: '/files',
    operationId: 'uploadFile',
    summary: 'Upload a file for a file field',
    description: "The body is the file's bytes. Its type is read from the bytes (Content-Type is only a hint); PDF, images, text, CSV, ZIP and office documents are accepted, never SVG, HTML or programs.",
    tag: 'Records',
    scope: 'records:write',
    params: noParams,
    query: fileQuery,
    rawBody: { maxBytes: MAX_FILE_BYTES, description: "The file's bytes." },
    responses: { 201: { description: 'Stored.', schema: storedFile } },
    problems: [400, 404, 413, 415],
    handler: async ({ db, config, key, query, bytes, req }) => {
      const declaredType = (req.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
      const file = await storeFile(db, config, keyActor(key), {
        name: query.name ?? '',
        bytes,
        declaredType,
        ...(query.type !== undefined && query.field !== undefined ? { target: { type: query.type, field: query.field } } : {}),
      });
      return { status: 201, body: file };
    },
  }),
];
