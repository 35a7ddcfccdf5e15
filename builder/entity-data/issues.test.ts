import { describe, expect, it } from 'vitest';
import { normalizeIssues } from './issues';

describe('normalizeIssues', () => {
  it('reads both issue shapes of the admin API', () => {
    expect(
      normalizeIssues([
        { field: 'fields.0.key', message: 'bad' },
        { field: 'amount', message: 'too big', recordId: 'r_1' },
        { field: 'name', message: 'required', row: 3 },
        { path: ['definition', 'key'], message: 'zod' },
        { nonsense: true },
        'text',
      ]),
    ).toEqual([
      { field: 'fields.0.key', message: 'bad' },
      { field: 'amount', message: 'too big', recordId: 'r_1' },
      { field: 'name', message: 'required', row: 3 },
      { field: 'definition.key', message: 'zod' },
    ]);
    expect(normalizeIssues(undefined)).toEqual([]);
  });
});
