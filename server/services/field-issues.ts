// An error that names the fields at fault (and the record or import row, when there is one): the
// admin API puts the list in `error.data.issues`, the integration API in problem+json `errors`.
import { TRPCError } from '@trpc/server';
import type { FieldIssue } from '../../core';

export type LocatedIssue = FieldIssue & { recordId?: string; row?: number };

export class FieldIssuesError extends TRPCError {
  constructor(
    message: string,
    readonly issues: LocatedIssue[],
    code: 'BAD_REQUEST' | 'FORBIDDEN' = 'BAD_REQUEST',
  ) {
    super({ code, message });
  }
}
