// POST /records/:type/import: many records in one request, all or nothing, through the record
// import service (CSV as the builder exports it, or JSON items shaped like the create body). A
// problem lists every row at fault (`errors[].row`), and then nothing was written.
import { z } from 'zod';
import { requireType } from '../../services/entity-types';
import { importRecords, MAX_IMPORT_BYTES } from '../../services/record-import';
import { keyActor, writeAccessFor } from '../auth';
import { defineRoute } from '../route';
import { noQuery, typeParams } from '../schemas';

const importBody = z
  .object({
    format: z.enum(['csv', 'json']).describe('`csv`: a header row of field keys (`externalId`, `price.amount`, `billingAddress.city` …), relations as ids or `ext:<external id>` separated by `;`. `json`: an array of `{ "externalId": …, "data": { … } }`.'),
    content: z.string().describe(`The file's text, at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`),
    mode: z.enum(['create', 'upsert']).default('create').describe('`create`: every row is a new record. `upsert`: rows with an external id replace that record, or create it.'),
  })
  .strict()
  .meta({ id: 'RecordImport' });

const importResult = z
  .object({ total: z.number().int(), created: z.number().int(), updated: z.number().int() })
  .strict()
  .meta({ id: 'ImportResult' });

export const importRoutes = [
  defineRoute({
    method: 'post',
    path: '/records/:type/import',
    operationId: 'importRecords',
    summary: 'Import records (CSV or JSON), all or nothing',
    tag: 'Records',
    scope: 'records:write',
    params: typeParams,
    query: noQuery,
    body: importBody,
    // The file's text plus JSON's escaping.
    maxBodyBytes: MAX_IMPORT_BYTES + 5 * 1024 * 1024,
    responses: { 200: { description: 'Every row was written.', schema: importResult } },
    problems: [400, 404, 409, 413, 415],
    handler: async ({ db, key, params, body }) => {
      const type = await requireType(db, params.type);
      const result = await importRecords(db, keyActor(key), { type: type.key, format: body.format, content: body.content, mode: body.mode }, writeAccessFor(key, type));
      return { status: 200, body: result };
    },
  }),
];
