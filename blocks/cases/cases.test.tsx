// Support cases: the list links each case to its page and shows status badges; "New case" only with
// cases.create; the conversation keeps its order and tells customer from support; the reply form
// only with cases.comment; the server-set links cannot be sent.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, ListResult, RecordRow } from '../../core';
import { testContext } from '../_lib/test-context';
import { cases, commentInput, newCaseInput, recordPath } from '.';

const enumField = (key: string, label: string, options: [string, string][]): FieldInfo => ({ key, label, type: 'enum', required: false, editable: false, options: options.map(([value, l]) => ({ value, label: l })) });
const row = (id: string, data: RecordRow['data'], updatedAt = '2026-03-02T10:15:00.000Z'): RecordRow => ({ id, title: String(data.subject ?? data.authorName ?? ''), data, updatedAt, revision: 1 });
const list = (items: RecordRow[], fields: FieldInfo[]): ListResult => ({
  kind: 'list',
  entityType: 'case',
  label: { singular: 'Case', plural: 'Cases' },
  fields,
  items,
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
});
const caseFields: FieldInfo[] = [
  { key: 'number', label: 'Case number', type: 'text', required: false, editable: false },
  { key: 'subject', label: 'Subject', type: 'text', required: true, editable: false },
  enumField('status', 'Status', [['open', 'Open'], ['waiting', 'Waiting for you']]),
  enumField('priority', 'Priority', [['normal', 'Normal'], ['high', 'High']]),
  enumField('category', 'Category', [['billing', 'Billing'], ['technical', 'Technical']]),
];

const render = (props: Record<string, unknown>, data: unknown, can: Record<string, boolean> = {}, ctx = testContext()) =>
  renderToString(<cases.Render id="b1" props={cases.props.parse(props)} data={data} can={can} slots={{}} ctx={ctx} />);

describe('cases block, list', () => {
  const data = list([row('r_1', { number: 'CASE-20260302-AB12', subject: 'Wrong meter reading', status: 'waiting', priority: 'high' })], caseFields);

  it('links each case to its page and shows status and priority as badges', () => {
    const html = render({}, data, { create: true, comment: true });
    expect(html).toContain('href="/p/customer/cases/r_1"');
    expect(html).toContain('Wrong meter reading');
    expect(html).toContain('CASE-20260302-AB12');
    expect(html).toMatch(/pd-badge--warn[^>]*>Waiting for you/);
    expect(html).toContain('>High<');
    expect(html).toContain('Mar 2, 2026');
  });

  it('offers "New case" only with cases.create and when the block allows it', () => {
    expect(render({}, data, { create: true })).toContain('New case');
    expect(render({}, data, { create: false })).not.toContain('New case');
    expect(render({ allowNew: false }, data, { create: true })).not.toContain('New case');
  });

  it('drops columns the viewer may not read, and says so calmly when there are no cases', () => {
    const html = render({}, list([row('r_1', { subject: 'Hello' })], caseFields.filter((f) => f.key !== 'priority')), {});
    expect(html).not.toContain('Priority');
    expect(render({}, list([], caseFields), { create: true })).toContain('You have no support cases');
  });

  it('shows a note without data, an error message, and a sample in the builder', () => {
    expect(render({}, null)).toContain('Sign in to see your support cases');
    expect(render({}, { kind: 'error', message: 'This block cannot show its data: no field "case"' })).toContain('no field');
    const sample = render({}, undefined, {}, testContext({ mode: 'builder' }));
    expect(sample).toContain('pd-sample');
    expect(sample).toContain('cases.create');
  });
});

describe('cases block, detail', () => {
  const comments = list(
    [
      row('c1', { body: 'My meter shows 1234.\n\nThe bill says 4321.', authorName: 'Jane Doe', fromCustomer: true }, '2026-03-01T08:00:00.000Z'),
      row('c2', { body: 'Thanks, we are checking <b>it</b>.', authorName: 'Sam from Support', fromCustomer: false }, '2026-03-01T09:00:00.000Z'),
    ],
    [],
  );

  it('keeps the order, tells customer from support and escapes the text', () => {
    const html = render({ mode: 'detail' }, comments, { comment: true });
    expect(html.indexOf('Jane Doe')).toBeLessThan(html.indexOf('Sam from Support'));
    expect(html).toMatch(/pb-cases__message--customer[\s\S]*Jane Doe/);
    expect(html).toMatch(/pb-cases__message--support[\s\S]*Sam from Support/);
    expect(html).toContain('&lt;b&gt;it&lt;/b&gt;');
    expect(html).toContain('Send message');
  });

  it('has a reply form only with cases.comment', () => {
    expect(render({ mode: 'detail' }, comments, { comment: false })).not.toContain('Send message');
    expect(render({ mode: 'detail' }, list([], []), { comment: true })).toContain('No messages yet');
  });
});

describe('cases block, definition', () => {
  it('asks for the company’s cases, newest change first, or the case’s comments oldest first', () => {
    expect(cases.data!(cases.props.parse({}))).toMatchObject({ kind: 'list', entityType: 'case', sort: [{ field: 'updatedAt', dir: 'desc' }] });
    expect(cases.data!(cases.props.parse({ mode: 'detail' }))).toMatchObject({ kind: 'list', entityType: 'case_comment', sort: [{ field: 'createdAt', dir: 'asc' }], related: { field: 'case', param: 'id' } });
    expect(cases.requires!(cases.props.parse({ mode: 'detail' }))).toEqual([{ entity: 'case', op: 'read' }, { entity: 'case_comment', op: 'read' }]);
  });

  it('refuses links, numbers and statuses in the input: the server sets them', () => {
    const ok = { subject: 'Hi', description: 'Help' };
    expect(newCaseInput.safeParse(ok).success).toBe(true);
    for (const extra of [{ account: 'r_x' }, { contact: 'r_y' }, { status: 'resolved' }, { number: 'CASE-1' }]) expect(newCaseInput.safeParse({ ...ok, ...extra }).success).toBe(false);
    expect(newCaseInput.safeParse({ subject: '  ', description: 'x' }).success).toBe(false);
    expect(commentInput.safeParse({ body: 'x', fromCustomer: false }).success).toBe(false);
  });

  it('builds the page of a case from the detail path', () => {
    expect(recordPath('/cases/:id', 'id', 'r 1')).toBe('/cases/r%201');
    expect(recordPath('/cases', 'id', 'r1')).toBeNull();
    expect(recordPath('', 'id', 'r1')).toBeNull();
    expect(cases.props.safeParse({ detailPath: '//evil.example/:id' }).success).toBe(false);
  });
});
