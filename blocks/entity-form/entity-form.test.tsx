// Form: what it shows for a create and an edit form, the builder and the calm states, and the
// payload it sends (create: what is filled in; edit: only what changed; required fields first).
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, FormResult, RecordRow } from '../../core';
import { testContext } from '../_lib/test-context';
import { entityForm, formPayload, missingRequired } from '.';

const fields: FieldInfo[] = [
  { key: 'subject', label: 'Subject', type: 'text', required: true, editable: true, maxLength: 200 },
  { key: 'category', label: 'Category', type: 'enum', required: false, editable: true, options: [{ value: 'billing', label: 'Billing' }, { value: 'technical', label: 'Technical' }] },
  { key: 'description', label: 'Description', type: 'longText', required: false, editable: true },
  { key: 'number', label: 'Case number', type: 'text', required: false, editable: false },
];
const record: RecordRow = { id: 'r_1', title: 'Broken meter', data: { subject: 'Broken meter', category: 'technical', number: 'C-1001' }, updatedAt: '2026-03-01T09:00:00.000Z', revision: 4 };
const form = (mode: 'create' | 'edit', extra: Partial<FormResult> = {}): FormResult => ({
  kind: 'form',
  entityType: 'case',
  label: { singular: 'Case', plural: 'Cases' },
  mode,
  fields: mode === 'create' ? fields.filter((f) => f.editable) : fields,
  record: mode === 'edit' ? record : null,
  titles: {},
  ...extra,
});

const render = (props: unknown, data: unknown, opts: { can?: Record<string, boolean>; mode?: 'runtime' | 'builder' } = {}) =>
  renderToString(
    <entityForm.Render id="b_form" props={entityForm.props.parse(props)} slots={{}} data={data} can={opts.can ?? { submit: true }} ctx={testContext({ mode: opts.mode ?? 'runtime' })} />,
  );

describe('entity-form', () => {
  it('renders a create form: a labelled input per editable field, required marked, one submit button', () => {
    const html = render({ entityType: 'case', heading: 'Report a problem' }, form('create'));
    expect(html).toContain('Report a problem');
    for (const f of ['subject', 'category', 'description']) expect(html).toContain(`for="b_form-f-${f}"`);
    expect(html).toContain('id="b_form-f-subject"');
    expect(html).toContain('aria-required="true"');
    expect(html).toMatch(/<button type="submit"[^>]*>Send<\/button>/);
    expect(html).toContain('noValidate');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('b_form-f-number');
  });

  it('renders an edit form with the current values, the read-only fields as text', () => {
    const html = render({ entityType: 'case', mode: 'edit', submitLabel: 'Update case' }, form('edit'));
    expect(html).toContain('value="Broken meter"');
    expect(html).toMatch(/<option value="technical" selected="">/);
    expect(html).toContain('Case number');
    expect(html).toContain('C-1001');
    expect(html).not.toContain('id="b_form-f-number"');
    expect(html).toContain('>Update case</button>');
  });

  it('says so calmly when the form is not set up or its configuration broke, and shows no edit form without a record to edit', () => {
    // Missing or beyond the user's edit scope: nothing to offer (the details block speaks for the record).
    expect(render({ mode: 'edit' }, form('edit', { record: null }))).toBe('');
    expect(render({}, undefined)).toContain('not set up yet');
    expect(render({}, null)).toContain('not available');
    expect(render({}, { kind: 'error', message: 'This block cannot show its data: no field "x"' })).toContain('no field');
    expect(render({}, form('create', { fields: [] }))).toContain('You cannot add a case here.');
  });

  it('disables the form for a viewer who may not submit', () => {
    const html = render({}, form('create'), { can: { submit: false } });
    expect(html).toContain('Your role does not allow adding a case.');
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""/);
  });

  it('shows a sample in the builder', () => {
    const html = render({ entityType: 'case', fields: ['subject'] }, undefined, { mode: 'builder' });
    expect(html).toContain('Creates a new case');
    expect(html).toContain('subject');
  });

  it('sends what is filled in on create and only what changed on edit', () => {
    const inputs = fields.filter((f) => f.editable);
    expect(formPayload('create', inputs, { subject: ' Meter ', category: '', description: null }, null)).toEqual({ subject: 'Meter' });
    expect(formPayload('edit', inputs, { subject: 'Broken meter', category: 'billing', description: null }, record)).toEqual({ category: 'billing' });
    expect(formPayload('edit', inputs, { subject: 'Broken meter', category: '', description: null }, record)).toEqual({ category: null });
    expect(missingRequired(inputs, { subject: '  ' })).toEqual({ subject: 'Subject is required.' });
    expect(missingRequired(inputs, { subject: 'x' })).toEqual({});
  });

  it('declares its data, requirements and a strict submit action', () => {
    const create = entityForm.props.parse({ entityType: 'case' });
    const edit = entityForm.props.parse({ entityType: 'contract', mode: 'edit', param: 'contractId', fields: ['deliveryAddress'] });
    expect(entityForm.data!(create)).toEqual({ kind: 'form', entityType: 'case', fields: ['subject', 'category', 'description'], mode: 'create' });
    expect(entityForm.data!(edit)).toEqual({ kind: 'form', entityType: 'contract', fields: ['deliveryAddress'], mode: 'edit', param: 'contractId' });
    expect(entityForm.requires!(create)).toEqual([{ entity: 'case', op: 'create' }]);
    expect(entityForm.actions!.submit!.requires!(edit)).toEqual([{ entity: 'contract', op: 'edit' }]);
    expect(entityForm.actions!.submit!.input.safeParse({ data: { a: 1 }, baseRevision: 2 }).success).toBe(true);
    expect(entityForm.actions!.submit!.input.safeParse({ data: {}, account: 'r_x' }).success).toBe(false);
  });

  it('accepts only portal pages after saving', () => {
    expect(entityForm.props.safeParse({ successPath: '/cases/:id' }).success).toBe(true);
    expect(entityForm.props.safeParse({ successPath: 'https://evil.example/' }).success).toBe(false);
    expect(entityForm.props.safeParse({ successPath: '//evil.example' }).success).toBe(false);
  });
});
