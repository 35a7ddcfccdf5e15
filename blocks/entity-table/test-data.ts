// Test-only: data results as the server's loaders build them (server/published/block-data.ts), for
// the data view blocks' render tests. Not for runtime use.
import type { FieldInfo, ListResult, RecordResult, RecordRow } from '../../core';

export const CONTRACT_FIELDS: FieldInfo[] = [
  { key: 'number', label: 'Number', type: 'text', required: true, editable: false },
  { key: 'product', label: 'Product', type: 'text', required: false, editable: false },
  {
    key: 'status',
    label: 'Status',
    type: 'enum',
    required: false,
    editable: false,
    options: [
      { value: 'active', label: 'Active' },
      { value: 'pending', label: 'Pending' },
      { value: 'ended', label: 'Ended' },
    ],
  },
  { key: 'startDate', label: 'Start date', type: 'date', required: false, editable: false },
  { key: 'monthlyAmount', label: 'Monthly amount', type: 'money', required: false, editable: false },
  { key: 'meterPoint', label: 'Meter point', type: 'relation', required: false, editable: false, target: 'meterPoint' },
  { key: 'deliveryAddress', label: 'Delivery address', type: 'address', required: false, editable: false },
  { key: 'signed', label: 'Signed copy', type: 'file', required: false, editable: false },
];

export const row = (id: string, data: Record<string, unknown>, title = String(data.number ?? '')): RecordRow => ({ id, title, data, updatedAt: '2026-03-01T10:00:00.000Z', revision: 1 });

export const ROWS: RecordRow[] = [
  row('r_c1', {
    number: 'C-1001',
    product: 'Green Power 12',
    status: 'active',
    startDate: '2026-01-01',
    monthlyAmount: { amount: 84.5, currency: 'EUR' },
    meterPoint: 'r_m1',
    deliveryAddress: { street: '1 Grid Street', postalCode: '10115', city: 'Berlin' },
    signed: { id: 'f_1', name: 'C-1001 signed.pdf', mime: 'application/pdf', bytes: 48_000 },
  }),
  row('r_c2', { number: 'C-1002', product: 'Gas Basic', status: 'pending', startDate: '2026-04-01' }),
];

/** A list result with only the named fields (what a role may read), rows narrowed to them. */
export function listOf(keys: string[] | null = null, rows: RecordRow[] = ROWS, extra: Partial<ListResult> = {}): ListResult {
  const fields = keys ? CONTRACT_FIELDS.filter((f) => keys.includes(f.key)) : CONTRACT_FIELDS;
  const allowed = new Set(fields.map((f) => f.key));
  return {
    kind: 'list',
    entityType: 'contract',
    label: { singular: 'Contract', plural: 'Contracts' },
    fields,
    items: rows.map((r) => ({ ...r, data: Object.fromEntries(Object.entries(r.data).filter(([k]) => allowed.has(k))) })),
    nextCursor: null,
    sort: [],
    search: '',
    titles: { r_m1: 'MP-77' },
    ...extra,
  };
}

export function recordOf(keys: string[] | null = null, record: RecordRow | null = ROWS[0]!): RecordResult {
  const list = listOf(keys, record ? [record] : []);
  return { kind: 'record', entityType: 'contract', label: list.label, fields: list.fields, record: list.items[0] ?? null, titles: list.titles };
}
