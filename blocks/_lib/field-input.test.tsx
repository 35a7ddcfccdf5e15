// FieldInput: every supported field type renders labelled controls, and values typed into them come
// back through onChange in the record layer's shape and show again when passed back in.
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, FieldType } from '../../core';
import { FieldInput, fromDateTimeInput, INPUT_TYPES, isBlank, toDateTimeInput, toSubmitValue, type FieldInputProps } from './field-input';

const info = (type: FieldType, extra: Partial<FieldInfo> = {}): FieldInfo => ({ key: `f_${type}`, label: `My ${type}`, type, required: false, editable: true, ...extra });

type El = ReactElement<Record<string, unknown>>;

/** The host elements FieldInput returns, with its small function components expanded (it has no hooks). */
function hostElements(node: ReactNode): El[] {
  const out: El[] = [];
  const walk = (n: ReactNode): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isValidElement(n)) return;
    const el = n as El;
    if (typeof el.type === 'function') return walk((el.type as (p: unknown) => ReactNode)(el.props));
    out.push(el);
    walk(el.props.children as ReactNode);
  };
  walk(node);
  return out;
}

function controls(props: FieldInputProps): El[] {
  return hostElements(FieldInput(props)).filter((e) => e.type === 'input' || e.type === 'select' || e.type === 'textarea');
}

/** Types `text` into the control with `id` and returns what onChange emitted. */
function type(props: Omit<FieldInputProps, 'onChange'>, id: string, text: string | boolean): unknown {
  let emitted: unknown = 'nothing emitted';
  const c = controls({ ...props, onChange: (v) => (emitted = v) }).find((e) => e.props.id === id);
  if (!c) throw new Error(`no control ${id}`);
  const target = typeof text === 'boolean' ? { checked: text, value: 'on' } : { value: text, checked: false };
  (c.props.onChange as (e: unknown) => void)({ currentTarget: target, target });
  return emitted;
}

const shownValue = (props: Omit<FieldInputProps, 'onChange'>, id: string) => controls({ ...props, onChange: () => {} }).find((e) => e.props.id === id)!.props;

/** Every input, select and textarea of the HTML has a <label for>, or an aria-label. */
function unlabelled(html: string): string[] {
  const labelled = new Set([...html.matchAll(/<label[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]));
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)]
    .filter((m) => {
      const id = /\bid="([^"]+)"/.exec(m[2]!)?.[1];
      return !(id && labelled.has(id)) && !/\baria-label="[^"]+"/.test(m[2]!);
    })
    .map((m) => m[0]);
}

describe('FieldInput', () => {
  it.each(INPUT_TYPES.map((t) => [t]))('renders a labelled control for %s', (t) => {
    const field = info(t, t === 'enum' ? { options: [{ value: 'a', label: 'Alpha' }] } : {});
    const html = renderToString(<FieldInput field={field} value={null} onChange={() => {}} id="x1" />);
    expect(html).toContain(`My ${t}`);
    expect(html).toMatch(/<(input|select|textarea)\b/);
    expect(unlabelled(html)).toEqual([]);
  });

  it('round-trips text-like values', () => {
    for (const t of ['text', 'email', 'phone', 'url', 'date'] as const) {
      const field = info(t);
      expect(type({ field, value: '', id: 'x' }, 'x', 'typed value')).toBe('typed value');
      expect(shownValue({ field, value: 'typed value', id: 'x' }, 'x').value).toBe('typed value');
    }
    expect(shownValue({ field: info('email'), value: '', id: 'x' }, 'x').type).toBe('email');
    expect(shownValue({ field: info('phone'), value: '', id: 'x' }, 'x').type).toBe('tel');
    expect(shownValue({ field: info('date'), value: '', id: 'x' }, 'x').type).toBe('date');
    const long = info('longText');
    expect(type({ field: long, value: '', id: 'x' }, 'x', 'line 1\nline 2')).toBe('line 1\nline 2');
    expect(shownValue({ field: long, value: 'line 1\nline 2', id: 'x' }, 'x').value).toBe('line 1\nline 2');
  });

  it('round-trips numbers, empty as null', () => {
    const field = info('number');
    expect(type({ field, value: null, id: 'x' }, 'x', '12.5')).toBe(12.5);
    expect(type({ field, value: 12.5, id: 'x' }, 'x', '')).toBeNull();
    expect(shownValue({ field, value: 12.5, id: 'x' }, 'x').value).toBe(12.5);
    expect(shownValue({ field, value: null, id: 'x' }, 'x').value).toBe('');
  });

  it('round-trips money with a fixed or a chosen currency', () => {
    const fixed = info('money', { currency: 'EUR' });
    expect(type({ field: fixed, value: null, id: 'm' }, 'm', '49.9')).toEqual({ amount: 49.9, currency: 'EUR' });
    expect(shownValue({ field: fixed, value: { amount: 49.9, currency: 'EUR' }, id: 'm' }, 'm').value).toBe(49.9);
    expect(controls({ field: fixed, value: null, id: 'm', onChange: () => {} })).toHaveLength(1);
    expect(renderToString(<FieldInput field={fixed} value={null} onChange={() => {}} id="m" />)).toContain('EUR');
    const free = info('money');
    expect(type({ field: free, value: null, id: 'm' }, 'm', '10')).toEqual({ amount: 10, currency: 'EUR' });
    expect(type({ field: free, value: { amount: 10, currency: 'EUR' }, id: 'm' }, 'm-currency', 'usd')).toEqual({ amount: 10, currency: 'USD' });
    expect(shownValue({ field: free, value: { amount: 10, currency: 'USD' }, id: 'm' }, 'm-currency').value).toBe('USD');
    expect(type({ field: free, value: { amount: 10, currency: 'EUR' }, id: 'm' }, 'm', '')).toBeNull();
  });

  it('round-trips datetimes in UTC', () => {
    const field = info('datetime');
    expect(type({ field, value: null, id: 'd' }, 'd', '2026-03-01T09:30')).toBe('2026-03-01T09:30:00.000Z');
    expect(shownValue({ field, value: '2026-03-01T09:30:00.000Z', id: 'd' }, 'd').value).toBe('2026-03-01T09:30');
    expect(toDateTimeInput('2026-03-01T10:30:00+01:00')).toBe('2026-03-01T09:30');
    expect(fromDateTimeInput('')).toBe('');
    expect(renderToString(<FieldInput field={field} value={null} onChange={() => {}} id="d" />)).toContain('(UTC)');
  });

  it('round-trips booleans and choices', () => {
    const yes = info('boolean');
    expect(type({ field: yes, value: false, id: 'b' }, 'b', true)).toBe(true);
    expect(type({ field: yes, value: true, id: 'b' }, 'b', false)).toBe(false);
    expect(shownValue({ field: yes, value: true, id: 'b' }, 'b').checked).toBe(true);
    const choice = info('enum', { options: [{ value: 'low', label: 'Low' }, { value: 'high', label: 'High' }] });
    expect(type({ field: choice, value: '', id: 'e' }, 'e', 'high')).toBe('high');
    expect(shownValue({ field: choice, value: 'high', id: 'e' }, 'e').value).toBe('high');
    const html = renderToString(<FieldInput field={choice} value="high" onChange={() => {}} id="e" />);
    expect(html).toContain('>High</option>');
  });

  it('round-trips an address part by part, all empty as null', () => {
    const field = info('address');
    const first = type({ field, value: null, id: 'a' }, 'a', 'Main Street 1');
    expect(first).toEqual({ street: 'Main Street 1' });
    const second = type({ field, value: first, id: 'a' }, 'a-postalCode', '10115');
    expect(second).toEqual({ street: 'Main Street 1', postalCode: '10115' });
    expect(type({ field, value: second, id: 'a' }, 'a-country', 'de')).toEqual({ street: 'Main Street 1', postalCode: '10115', country: 'DE' });
    expect(type({ field, value: { city: 'Berlin' }, id: 'a' }, 'a-city', '')).toBeNull();
    const shown = { field, value: { street: 'Main Street 1', postalCode: '10115', city: 'Berlin', country: 'DE' }, id: 'a' };
    expect(['a', 'a-postalCode', 'a-city', 'a-country'].map((id) => shownValue(shown, id).value)).toEqual(['Main Street 1', '10115', 'Berlin', 'DE']);
    const html = renderToString(<FieldInput {...shown} onChange={() => {}} />);
    expect(html).toContain('<legend');
  });

  it('ties an error and a hint to the control and marks required fields', () => {
    const html = renderToString(<FieldInput field={info('text', { required: true })} value="" onChange={() => {}} id="t" error="Name is required." hint="As on your letters" />);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="t-hint t-error"');
    expect(html).toContain('id="t-error"');
    expect(html).toContain('Name is required.');
    expect(html).toContain('aria-required="true"');
    expect(html).toContain('pd-fi-req');
  });

  it('says when a field type has no input here', () => {
    const html = renderToString(<FieldInput field={info('relation', { target: 'account' })} value="r_1" onChange={() => {}} id="r" />);
    expect(html).toContain('cannot be changed here');
    expect(html).not.toMatch(/<input/);
  });

  it('knows blank values and what to send', () => {
    expect(isBlank(info('text'), '  ')).toBe(true);
    expect(isBlank(info('boolean'), false)).toBe(false);
    expect(isBlank(info('money'), { currency: 'EUR' })).toBe(true);
    expect(isBlank(info('address'), { street: ' ' })).toBe(true);
    expect(toSubmitValue(info('text'), '  Jane ')).toBe('Jane');
    expect(toSubmitValue(info('longText'), ' a\n')).toBe(' a\n');
    expect(toSubmitValue(info('number'), null)).toBeNull();
    expect(toSubmitValue(info('money'), { amount: 5, currency: 'EUR' })).toEqual({ amount: 5, currency: 'EUR' });
  });
});
