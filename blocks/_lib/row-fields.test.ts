// Row accessors: list and error answers are told apart, sample fields are read-only and optional,
// and a row's fields are found by key and formatted ('' when the list lacks the field).
import { describe, expect, it } from 'vitest';
import type { ListResult, RecordRow } from '../../core';
import { errorOf, listOf, rowFields, sampleField } from './row-fields';

const list = { kind: 'list', items: [] } as unknown as ListResult;
const row: RecordRow = { id: 'r1', title: 'One', data: { amount: { amount: 4.9, currency: 'EUR' }, contract: 'c1', note: 'hi' }, updatedAt: '', revision: 1 };

describe('row-fields', () => {
  it('tells a list answer and an error answer apart', () => {
    expect(listOf(list)).toBe(list);
    expect(listOf({ kind: 'error', message: 'no' })).toBeNull();
    expect(listOf(undefined)).toBeNull();
    expect(errorOf({ kind: 'error', message: 'no' })).toBe('no');
    expect(errorOf(list)).toBeNull();
    expect(errorOf(null)).toBeNull();
  });

  it('describes sample fields as optional and read-only', () => {
    expect(sampleField('note', 'Note', 'text')).toEqual({ key: 'note', label: 'Note', type: 'text', required: false, editable: false });
    expect(sampleField('kind', 'Kind', 'enum', { options: [] })).toMatchObject({ type: 'enum', options: [] });
  });

  it('finds and formats a row’s fields by key', () => {
    const fields = [sampleField('amount', 'Amount', 'money'), sampleField('contract', 'Contract', 'relation'), sampleField('note', 'Note', 'text')];
    const { field, text } = rowFields(fields, row, 'en', { c1: 'Contract 1' });
    expect(field('note')?.label).toBe('Note');
    expect(field('missing')).toBeUndefined();
    expect(text('amount')).toBe('€4.90');
    expect(text('contract')).toBe('Contract 1');
    expect(text('missing')).toBe('');
    expect(rowFields(fields, row, 'en').text('contract')).toBe('');
  });
});
