// planTypeChange: what a type change does to stored values. Removals must be confirmed by name and
// built-in (locked) fields can be neither removed nor retyped; values convert where the new field can
// hold them (number → text, text → number, relation ⇄ relations) or are reported per field; newly
// required fields fill from their default; enum options, limits and targets are checked again; the
// key cannot change; relationsChanged says when record links must be rebuilt.
import { describe, expect, it } from 'vitest';
import { builtInTypes, lockedFields } from './builtins';
import { entityTypeSchema, type EntityType, type EntityTypeInput, type FieldDefInput } from './entity-type';
import type { RecordData, StoredFile } from './record-values';
import { planTypeChange, type RecordMigration, type TypeChangeOptions, type TypeChangePlan } from './type-change';

const title: FieldDefInput = { key: 'title', label: 'Title', type: 'text' };
const make = (fields: FieldDefInput[], extra: Partial<EntityTypeInput> = {}): EntityType =>
  entityTypeSchema.parse({ key: 'ticket', label: { singular: 'Ticket', plural: 'Tickets' }, titleField: 'title', fields: [title, ...fields], ...extra });

type OkPlan = Extract<TypeChangePlan, { ok: true }>;
function plan(before: FieldDefInput[], after: FieldDefInput[], options?: TypeChangeOptions): OkPlan {
  const p = planTypeChange(make(before), make(after), options);
  if (!p.ok) throw new Error(`expected a plan, got ${JSON.stringify(p.issues)}`);
  return p;
}
const rejected = (p: TypeChangePlan) => {
  if (p.ok) throw new Error('expected the change to be rejected');
  return p.issues;
};
const migrated = (m: RecordMigration) => {
  if (!m.ok) throw new Error(`expected the record to migrate, got ${JSON.stringify(m.issues)}`);
  return m;
};
const problems = (m: RecordMigration) => {
  if (m.ok) throw new Error(`expected problems, got ${JSON.stringify(m.data)}`);
  return m.issues;
};
/** Migrates `{ title: 'T', [key]: value }` and returns the new value of `key`, or the problem message. */
function convert(from: FieldDefInput, to: FieldDefInput, value: unknown): { value: unknown } | { problem: string } {
  const m = plan([from], [to]).migrate({ title: 'T', [from.key]: value });
  if (!m.ok) {
    expect(m.issues.map((i) => i.field)).toEqual([to.key]);
    return { problem: m.issues[0]!.message };
  }
  return { value: m.data[to.key] };
}

describe('planTypeChange: no change and additions', () => {
  it('an identical type changes nothing', () => {
    const fields: FieldDefInput[] = [{ key: 'qty', label: 'Qty', type: 'number' }];
    const p = plan(fields, fields);
    expect({ added: p.added, removed: p.removed, changed: p.changed, relationsChanged: p.relationsChanged }).toEqual({ added: [], removed: [], changed: [], relationsChanged: false });
    expect(p.migrate({ title: 'T', qty: 3 })).toEqual({ ok: true, data: { title: 'T', qty: 3 }, changed: false });
  });

  it('an added optional field leaves records as they are', () => {
    const p = plan([], [{ key: 'qty', label: 'Qty', type: 'number', default: 1 }]);
    expect(p.added).toEqual(['qty']);
    expect(p.migrate({ title: 'T' })).toEqual({ ok: true, data: { title: 'T' }, changed: false });
  });

  it('an added required field with a default fills every record', () => {
    const p = plan([], [{ key: 'qty', label: 'Qty', type: 'number', required: true, default: 1 }]);
    expect(p.migrate({ title: 'T' })).toEqual({ ok: true, data: { title: 'T', qty: 1 }, changed: true });
  });

  it('an added required field without a default is reported for each record', () => {
    const p = plan([], [{ key: 'qty', label: 'Quantity', type: 'number', required: true }]);
    expect(problems(p.migrate({ title: 'T' }))).toEqual([
      { field: 'qty', message: 'Quantity is now required and this record has no value: give the field a default, or fill it first' },
    ]);
  });

  it('a label change is a change that keeps the values', () => {
    const p = plan([{ key: 'qty', label: 'Qty', type: 'number' }], [{ key: 'qty', label: 'Quantity', type: 'number' }]);
    expect(p.changed).toEqual(['qty']);
    expect(p.migrate({ title: 'T', qty: 2 })).toEqual({ ok: true, data: { title: 'T', qty: 2 }, changed: false });
  });

  it('does not modify the record it is given', () => {
    const p = plan([{ key: 'qty', label: 'Qty', type: 'number' }, { key: 'old', label: 'Old', type: 'text' }], [{ key: 'qty', label: 'Qty', type: 'text' }], { confirmRemoved: ['old'] });
    const record: RecordData = { title: 'T', qty: 2, old: 'x' };
    expect(migrated(p.migrate(record)).data).toEqual({ title: 'T', qty: '2' });
    expect(record).toEqual({ title: 'T', qty: 2, old: 'x' });
  });
});

describe('planTypeChange: removed fields', () => {
  const before: FieldDefInput[] = [
    { key: 'note', label: 'Note', type: 'text' },
    { key: 'qty', label: 'Qty', type: 'number' },
  ];

  it('must be confirmed by name', () => {
    expect(rejected(planTypeChange(make(before), make([])))).toEqual([
      { field: 'note', message: 'removing "note" deletes its values from every record: confirm it by name' },
      { field: 'qty', message: 'removing "qty" deletes its values from every record: confirm it by name' },
    ]);
    expect(rejected(planTypeChange(make(before), make([]), { confirmRemoved: ['note'] }))).toEqual([
      { field: 'qty', message: 'removing "qty" deletes its values from every record: confirm it by name' },
    ]);
  });

  it('once confirmed, their values go from every record', () => {
    const p = plan(before, [], { confirmRemoved: ['note', 'qty'] });
    expect(p.removed).toEqual(['note', 'qty']);
    expect(p.migrate({ title: 'T', note: 'x', qty: 1 })).toEqual({ ok: true, data: { title: 'T' }, changed: true });
    expect(p.migrate({ title: 'T' })).toEqual({ ok: true, data: { title: 'T' }, changed: false });
  });

  it('a built-in (locked) field cannot be removed, even when confirmed', () => {
    const [, contact] = builtInTypes;
    const without = entityTypeSchema.parse({ ...contact!, fields: contact!.fields.filter((f) => f.key !== 'phone') });
    expect(rejected(planTypeChange(contact!, without, { confirmRemoved: ['phone'], locked: lockedFields('contact') }))).toEqual([
      { field: 'phone', message: 'a built-in field cannot be removed' },
    ]);
  });

  it('an added field of a built-in type may be removed again', () => {
    const [account] = builtInTypes;
    const withVat = entityTypeSchema.parse({ ...account!, fields: [...account!.fields, { key: 'vatId', label: 'VAT id', type: 'text' }] });
    const p = planTypeChange(withVat, account!, { confirmRemoved: ['vatId'], locked: lockedFields('account') });
    expect(p.ok && p.removed).toEqual(['vatId']);
  });
});

describe('planTypeChange: locked fields keep their type', () => {
  const [account, contact] = builtInTypes;
  const locked = { account: lockedFields('account'), contact: lockedFields('contact') };
  const withField = (t: EntityType, key: string, change: object) =>
    entityTypeSchema.parse({ ...t, fields: t.fields.map((f) => (f.key === key ? { ...f, ...change } : f)) });

  it('a built-in field cannot be retyped', () => {
    expect(rejected(planTypeChange(account!, withField(account!, 'phone', { type: 'text' }), { locked: locked.account }))).toEqual([
      { field: 'phone', message: 'a built-in field keeps its type' },
    ]);
  });

  it('a built-in relation cannot be retargeted or made single', () => {
    // (The schema itself refuses an account link to anything but Account; unlinked, only the lock stops it.)
    const unlinked = entityTypeSchema.parse({ ...contact!, accountLink: null });
    expect(rejected(planTypeChange(unlinked, withField(unlinked, 'accounts', { target: 'partner' }), { locked: locked.contact }))).toEqual([
      { field: 'accounts', message: 'a built-in field keeps its type' },
    ]);
    const single = entityTypeSchema.parse({
      ...contact!,
      fields: contact!.fields.map((f) => (f.key === 'accounts' ? { key: 'accounts', label: 'Account', type: 'relation', target: 'account' } : f)),
    });
    expect(rejected(planTypeChange(contact!, single, { locked: locked.contact }))).toEqual([{ field: 'accounts', message: 'a built-in field keeps its type' }]);
  });

  it('a built-in field may change its label or become required', () => {
    const p = planTypeChange(account!, withField(account!, 'email', { label: 'E-mail', required: true }), { locked: locked.account });
    expect(p.ok && p.changed).toEqual(['email']);
  });

  it('without the lock the same retype is allowed', () => {
    expect(planTypeChange(account!, withField(account!, 'phone', { type: 'text' })).ok).toBe(true);
  });
});

describe('planTypeChange: converting values', () => {
  const text: FieldDefInput = { key: 'v', label: 'V', type: 'text' };
  const number: FieldDefInput = { key: 'v', label: 'V', type: 'number' };
  const cases: [string, FieldDefInput, FieldDefInput, unknown, { value: unknown } | { problem: string }][] = [
    ['number → text', number, text, 42.5, { value: '42.5' }],
    ['number → longText', number, { key: 'v', label: 'V', type: 'longText' }, 7, { value: '7' }],
    ['boolean → text', { key: 'v', label: 'V', type: 'boolean' }, text, true, { value: 'true' }],
    ['number → text too long', number, { ...text, maxLength: 2 } as FieldDefInput, 1234, { problem: 'at most 2 characters' }],
    ['text → number', text, number, '42', { value: 42 }],
    ['text → number, trimmed', text, number, ' -3.25 ', { value: -3.25 }],
    ['text → number, not a number', text, number, 'forty', { problem: '"forty" is not a number' }],
    ['text → number, blank', text, number, '   ', { problem: '"   " is not a number' }],
    ['text → whole number', text, { ...number, integer: true } as FieldDefInput, '2.5', { problem: 'a whole number is required' }],
    ['text → number above max', text, { ...number, max: 10 } as FieldDefInput, '11', { problem: 'at most 10' }],
    ['text → enum, an option', text, { key: 'v', label: 'V', type: 'enum', options: [{ value: 'open', label: 'Open' }] }, 'open', { value: 'open' }],
    ['text → enum, not an option', text, { key: 'v', label: 'V', type: 'enum', options: [{ value: 'open', label: 'Open' }] }, 'closed', { problem: '"closed" is not one of: open' }],
    ['text → date', text, { key: 'v', label: 'V', type: 'date' }, '2026-02-30', { problem: 'not a real date' }],
    ['text → email', text, { key: 'v', label: 'V', type: 'email' }, 'a@b.de', { value: 'a@b.de' }],
    ['datetime → text', { key: 'v', label: 'V', type: 'datetime' }, text, '2026-05-01T09:30:00.000Z', { value: '2026-05-01T09:30:00.000Z' }],
    ['date → datetime', { key: 'v', label: 'V', type: 'date' }, { key: 'v', label: 'V', type: 'datetime' }, '2026-05-01', { problem: 'a date and time as ISO 8601, e.g. 2026-05-01T09:30:00Z' }],
    ['boolean → number', { key: 'v', label: 'V', type: 'boolean' }, number, true, { problem: 'a boolean value cannot become number' }],
    ['number → money', number, { key: 'v', label: 'V', type: 'money', currency: 'EUR' }, 5, { problem: 'a number value cannot become money' }],
    ['text → file', text, { key: 'v', label: 'V', type: 'file' }, 'f_1', { problem: 'a text value cannot become file' }],
    ['text → relation', text, { key: 'v', label: 'V', type: 'relation', target: 'account' }, 'r_1', { problem: 'a text value cannot become relation' }],
    ['smaller text limit', { ...text, maxLength: 10 } as FieldDefInput, { ...text, maxLength: 3 } as FieldDefInput, 'abcd', { problem: 'at most 3 characters' }],
    ['money now in a fixed currency', { key: 'v', label: 'V', type: 'money' }, { key: 'v', label: 'V', type: 'money', currency: 'EUR' }, { amount: 1, currency: 'USD' }, { problem: 'the currency must be EUR' }],
  ];
  it.each(cases)('%s', (_name, from, to, value, expected) => {
    expect(convert(from, to, value)).toEqual(expected);
  });

  it('a converted value marks the record changed, an unchanged one does not', () => {
    const p = plan([number], [text]);
    expect(p.migrate({ title: 'T', v: 1 })).toEqual({ ok: true, data: { title: 'T', v: '1' }, changed: true });
    expect(p.migrate({ title: 'T' })).toEqual({ ok: true, data: { title: 'T' }, changed: false });
  });

  it('reports every field of a record that cannot convert', () => {
    const p = plan(
      [
        { key: 'a', label: 'A', type: 'text' },
        { key: 'b', label: 'B', type: 'text' },
      ],
      [
        { key: 'a', label: 'A', type: 'number' },
        { key: 'b', label: 'B', type: 'number' },
      ],
    );
    expect(problems(p.migrate({ title: 'T', a: 'x', b: 'y' }))).toEqual([
      { field: 'a', message: '"x" is not a number' },
      { field: 'b', message: '"y" is not a number' },
    ]);
    expect(migrated(p.migrate({ title: 'T', a: '1', b: '2' })).data).toEqual({ title: 'T', a: 1, b: 2 });
  });
});

describe('planTypeChange: relations', () => {
  const one: FieldDefInput = { key: 'acc', label: 'Account', type: 'relation', target: 'account' };
  const many: FieldDefInput = { key: 'acc', label: 'Accounts', type: 'relations', target: 'account' };

  it('relation → relations wraps the id in a list', () => {
    expect(convert(one, many, 'r_1')).toEqual({ value: ['r_1'] });
  });

  it('relations → relation takes the only id', () => {
    expect(convert(many, one, ['r_1'])).toEqual({ value: 'r_1' });
  });

  it('relations → relation is refused for a record with more than one', () => {
    expect(convert(many, one, ['r_1', 'r_2'])).toEqual({ problem: 'holds 2 records; a single relation holds one' });
  });

  it('a new target is refused for records that have links', () => {
    expect(convert(one, { ...one, target: 'contact' } as FieldDefInput, 'r_1')).toEqual({ problem: 'links records of "account", not "contact"' });
    expect(convert(one, { ...many, target: 'contact' } as FieldDefInput, 'r_1')).toEqual({ problem: 'links records of "account", not "contact"' });
  });

  it('a lower max is checked against each record', () => {
    expect(convert(many, { ...many, max: 1 } as FieldDefInput, ['r_1', 'r_2'])).toEqual({ problem: 'at most 1 record' });
    expect(convert(many, { ...many, max: 2 } as FieldDefInput, ['r_1', 'r_2'])).toEqual({ value: ['r_1', 'r_2'] });
  });

  it('relationsChanged: relation fields added, removed, retyped or retargeted', () => {
    expect(plan([], [one]).relationsChanged).toBe(true);
    expect(plan([one], [], { confirmRemoved: ['acc'] }).relationsChanged).toBe(true);
    expect(plan([one], [many]).relationsChanged).toBe(true);
    expect(plan([one], [{ ...one, target: 'contact' } as FieldDefInput]).relationsChanged).toBe(true);
    expect(plan([one], [one]).relationsChanged).toBe(false);
    expect(plan([one], [one, { key: 'n', label: 'N', type: 'number' }]).relationsChanged).toBe(false);
    expect(plan([one, { key: 'n', label: 'N', type: 'number' }], [one, { key: 'n', label: 'N', type: 'text' }]).relationsChanged).toBe(false);
    expect(plan([{ key: 'n', label: 'N', type: 'text' }], [], { confirmRemoved: ['n'] }).relationsChanged).toBe(false);
  });
});

describe('planTypeChange: files', () => {
  const pdf: StoredFile = { id: 'f_1', name: 'contract.pdf', mime: 'application/pdf', bytes: 2_000_000 };
  const file: FieldDefInput = { key: 'doc', label: 'Document', type: 'file' };

  it('a stored file keeps its metadata when the field changes', () => {
    expect(convert(file, { ...file, label: 'Contract' }, pdf)).toEqual({ value: pdf });
  });

  it('a lower size limit is checked against each stored file', () => {
    expect(convert(file, { ...file, maxBytes: 1_000_000 } as FieldDefInput, pdf)).toEqual({ problem: '"contract.pdf" is larger than 976.6 KB' });
  });

  it('narrower media types are checked against each stored file, with wildcards', () => {
    expect(convert(file, { ...file, accept: ['image/*'] } as FieldDefInput, pdf)).toEqual({ problem: '"contract.pdf" (application/pdf) is not accepted here; this field takes image/*' });
    expect(convert(file, { ...file, accept: ['application/*'] } as FieldDefInput, pdf)).toEqual({ value: pdf });
    expect(convert(file, { ...file, accept: ['image/png', 'application/pdf'] } as FieldDefInput, pdf)).toEqual({ value: pdf });
  });
});

describe('planTypeChange: required fields and enum options', () => {
  it('a field made required fills records without a value from its default', () => {
    const p = plan([{ key: 'prio', label: 'Priority', type: 'number' }], [{ key: 'prio', label: 'Priority', type: 'number', required: true, default: 3 }]);
    expect(p.migrate({ title: 'T' })).toEqual({ ok: true, data: { title: 'T', prio: 3 }, changed: true });
    expect(p.migrate({ title: 'T', prio: 1 })).toEqual({ ok: true, data: { title: 'T', prio: 1 }, changed: false });
  });

  it('a field made required without a default reports records without a value', () => {
    const p = plan([{ key: 'prio', label: 'Priority', type: 'number' }], [{ key: 'prio', label: 'Priority', type: 'number', required: true }]);
    expect(problems(p.migrate({ title: 'T' }))).toEqual([
      { field: 'prio', message: 'Priority is now required and this record has no value: give the field a default, or fill it first' },
    ]);
    expect(migrated(p.migrate({ title: 'T', prio: 1 })).changed).toBe(false);
  });

  it('a removed enum option is reported for the records that use it', () => {
    const status = (values: string[]): FieldDefInput => ({ key: 'status', label: 'Status', type: 'enum', options: values.map((value) => ({ value, label: value })) });
    const p = plan([status(['open', 'pending', 'closed'])], [status(['open', 'closed'])]);
    expect(p.changed).toEqual(['status']);
    expect(problems(p.migrate({ title: 'T', status: 'pending' }))).toEqual([{ field: 'status', message: '"pending" is not one of: open, closed' }]);
    expect(p.migrate({ title: 'T', status: 'open' })).toEqual({ ok: true, data: { title: 'T', status: 'open' }, changed: false });
    expect(p.migrate({ title: 'T' })).toEqual({ ok: true, data: { title: 'T' }, changed: false });
  });
});

describe('planTypeChange: the type key', () => {
  it('cannot change', () => {
    const before = make([]);
    const after = entityTypeSchema.parse({ ...before, key: 'issue' });
    expect(rejected(planTypeChange(before, after))).toEqual([{ field: 'key', message: 'the key of a type cannot change (records, roles and blocks refer to it)' }]);
  });

  it('is reported together with unconfirmed removals', () => {
    const before = make([{ key: 'note', label: 'Note', type: 'text' }]);
    const after = entityTypeSchema.parse({ ...make([]), key: 'issue' });
    expect(rejected(planTypeChange(before, after)).map((i) => i.field)).toEqual(['key', 'note']);
  });
});
