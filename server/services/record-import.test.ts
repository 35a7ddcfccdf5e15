// The pure half of import and export: CSV cells to values and back, the header's columns, row
// numbers as a person sees them, the JSON shapes, and the spreadsheet-formula escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityTypeSchema, fieldOf, type FieldDef } from '../../core';
import { cellToValue, csvCells, escapeFormula, parseNumberCell, readCsv, readJson, readHeader, unescapeFormula } from './record-import';

const type = entityTypeSchema.parse({
  key: 'deal',
  label: { singular: 'Deal', plural: 'Deals' },
  titleField: 'title',
  fields: [
    { key: 'title', label: 'Title', type: 'text', required: true },
    { key: 'qty', label: 'Quantity', type: 'number' },
    { key: 'price', label: 'Price', type: 'money', currency: 'EUR' },
    { key: 'fee', label: 'Fee', type: 'money' },
    { key: 'active', label: 'Active', type: 'boolean' },
    { key: 'due', label: 'Due', type: 'date' },
    { key: 'phone', label: 'Phone', type: 'phone' },
    { key: 'site', label: 'Site', type: 'address' },
    { key: 'doc', label: 'Document', type: 'file' },
    { key: 'account', label: 'Account', type: 'relation', target: 'account' },
    { key: 'contacts', label: 'Contacts', type: 'relations', target: 'contact' },
  ],
});
const f = (key: string): FieldDef => fieldOf(type, key)!;

describe('numbers', () => {
  it('reads numbers written with a point, signs and exponents', () => {
    expect(parseNumberCell('1234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumberCell(' -3 ')).toEqual({ ok: true, value: -3 });
    expect(parseNumberCell('+.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberCell('1e6')).toEqual({ ok: true, value: 1_000_000 });
  });

  it('refuses decimal commas and thousands separators instead of guessing', () => {
    for (const s of ['1,5', '1.234,5', '1,234.5', '1 234', "1'234"]) {
      const r = parseNumberCell(s);
      expect(r.ok, s).toBe(false);
      expect(!r.ok && r.message, s).toMatch(/ambiguous: write numbers with a point .* e\.g\. 1234\.5/);
    }
    expect(parseNumberCell('abc')).toEqual({ ok: false, message: '"abc" is not a number' });
    expect(parseNumberCell('0x10')).toEqual({ ok: false, message: '"0x10" is not a number' });
    expect(parseNumberCell('1e999')).toEqual({ ok: false, message: '"1e999" is too large a number' });
  });
});

describe('cells to values', () => {
  it('treats blank cells as no value, but keeps text as written', () => {
    for (const key of ['qty', 'price', 'active', 'due', 'doc', 'account', 'contacts']) expect(cellToValue(f(key), '  ')).toEqual({ ok: true, value: undefined });
    expect(cellToValue(f('title'), '')).toEqual({ ok: true, value: undefined });
    expect(cellToValue(f('title'), '  two spaces around  ')).toEqual({ ok: true, value: '  two spaces around  ' });
  });

  it('reads money with its currency, or in the field’s fixed currency', () => {
    expect(cellToValue(f('price'), '12.50')).toEqual({ ok: true, value: { amount: 12.5, currency: 'EUR' } });
    expect(cellToValue(f('price'), '12.50 eur')).toEqual({ ok: true, value: { amount: 12.5, currency: 'EUR' } });
    expect(cellToValue(f('fee'), '-3 USD')).toEqual({ ok: true, value: { amount: -3, currency: 'USD' } });
    expect(cellToValue(f('fee'), '12.50')).toEqual({ ok: false, message: '"12.50" has no currency: write e.g. 12.50 EUR' });
    expect(cellToValue(f('fee'), 'EUR 12.50')).toMatchObject({ ok: false, message: expect.stringMatching(/not an amount/) });
    expect(cellToValue(f('fee'), '12,50 EUR')).toMatchObject({ ok: false, message: expect.stringMatching(/ambiguous/) });
  });

  it('reads booleans in the usual spellings', () => {
    for (const s of ['true', 'TRUE', 'Yes', '1']) expect(cellToValue(f('active'), s)).toEqual({ ok: true, value: true });
    for (const s of ['false', 'no', 'NO', '0']) expect(cellToValue(f('active'), s)).toEqual({ ok: true, value: false });
    expect(cellToValue(f('active'), 'maybe')).toEqual({ ok: false, message: '"maybe" is not true or false (write true/false, yes/no or 1/0)' });
  });

  it('reads relations as record ids, or external ids after ext:', () => {
    expect(cellToValue(f('account'), 'r_abc')).toEqual({ ok: true, value: 'r_abc' });
    expect(cellToValue(f('account'), 'ext:ACC-1')).toEqual({ ok: true, value: { externalId: 'ACC-1' } });
    expect(cellToValue(f('account'), 'ext:')).toMatchObject({ ok: false });
    expect(cellToValue(f('contacts'), 'ext:C-1; r_x ;;ext:C-2')).toEqual({ ok: true, value: [{ externalId: 'C-1' }, 'r_x', { externalId: 'C-2' }] });
    expect(cellToValue(f('contacts'), ' ; ')).toEqual({ ok: true, value: undefined });
  });

  it('passes dates and file ids on for the data check', () => {
    expect(cellToValue(f('due'), ' 2026-05-01 ')).toEqual({ ok: true, value: '2026-05-01' });
    expect(cellToValue(f('doc'), 'f_123')).toEqual({ ok: true, value: 'f_123' });
  });
});

describe('spreadsheet formulas', () => {
  it('escapes cells a spreadsheet would run, and the import undoes exactly that', () => {
    expect(escapeFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(escapeFormula('+49 30 1234567')).toBe(`'+49 30 1234567`);
    expect(escapeFormula("'=a")).toBe(`''=a`);
    expect(escapeFormula("it's")).toBe("it's");
    expect(unescapeFormula(`'=1+2`)).toBe('=1+2');
    expect(unescapeFormula(`'plain`)).toBe(`'plain`);
    fc.assert(fc.property(fc.string(), (s) => unescapeFormula(escapeFormula(s)) === s));
  });
});

describe('the header', () => {
  it('names every problem with its column', () => {
    const { issues } = readHeader(type, ['title', 'colour', 'title', 'site', 'price', 'price.amount', 'fee.currency', 'qty.amount', 'id', ''], 'upsert');
    expect(issues).toEqual([
      { row: 1, field: 'colour', message: '"Deal" has no field "colour"' },
      { row: 1, field: 'title', message: 'the column "title" appears twice' },
      { row: 1, field: 'site', message: '"site" is an address: use the columns site.street, site.postalCode, site.city, site.region, site.country' },
      { row: 1, field: 'qty.amount', message: '"qty" is a number field and has no parts' },
      { row: 1, field: 'id', message: '"id" is kept by the system and cannot be imported' },
      { row: 1, field: '', message: 'column 10 has no name in the header row' },
      { row: 1, field: 'price', message: 'use either the column "price" or "price.amount" and "price.currency", not both' },
      { row: 1, field: 'fee.currency', message: '"fee.currency" needs a "fee.amount" column' },
      { row: 1, field: 'externalId', message: 'an upsert matches rows to records by external id: add an externalId column' },
    ]);
  });
});

describe('CSV files', () => {
  it('numbers rows as a spreadsheet does: header row 1, blank lines counted, line breaks in cells not', () => {
    const csv = 'title,qty\r\nA,1\r\n\r\n"B\nstill B",x\r\nC,3\r\n';
    const { rows, issues } = readCsv(type, csv, 'create');
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.row, r.data.title])).toEqual([
      [2, 'A'],
      [4, 'B\nstill B'],
      [5, 'C'],
    ]);
    expect(rows[1]!.issues).toEqual([{ row: 4, field: 'qty', message: '"x" is not a number' }]);
  });

  it('composes money and address columns, and reads a semicolon-separated file', () => {
    const csv = '\uFEFFexternalId;title;fee.amount;fee.currency;site.city;site.country\nE-1;A;"9,5";eur;Berlin;de\nE-2;B;9.5;usd;;\n';
    const { rows } = readCsv(type, csv, 'upsert');
    expect(rows[0]).toMatchObject({ row: 2, externalId: 'E-1', issues: [{ row: 2, field: 'fee.amount', message: expect.stringMatching(/ambiguous/) }] });
    expect(rows[1]).toMatchObject({ row: 3, externalId: 'E-2', data: { title: 'B', fee: { amount: 9.5, currency: 'USD' } }, issues: [] });
    expect(rows[1]!.data).not.toHaveProperty('site');
    const berlin = readCsv(type, 'title,site.city,site.country\nA,Berlin,de\n', 'create').rows[0]!;
    expect(berlin.data).toEqual({ title: 'A', site: { city: 'Berlin', country: 'de' } });
  });

  it('reports a row whose cells do not line up with the header', () => {
    const { rows } = readCsv(type, 'title,qty\nA,1,extra\n', 'create');
    expect(rows[0]).toMatchObject({ skip: true, issues: [{ row: 2, field: '', message: 'this row has 3 cells; the header has 2 columns' }] });
  });

  it('reports broken quoting with the row it starts in', () => {
    expect(() => readCsv(type, 'title\nA\n"B\n', 'create')).toThrow(/Quote Not Closed/);
  });
});

describe('JSON files', () => {
  it('takes the API shape and plain field values, numbering items from 1', () => {
    const { rows } = readJson(type, JSON.stringify([{ externalId: 'J-1', data: { title: 'A' } }, { title: 'B', externalId: 'J-2' }, { data: { title: 'C' }, extra: 1 }, 'nope']));
    expect(rows.map((r) => [r.row, r.externalId, r.data])).toEqual([
      [1, 'J-1', { title: 'A' }],
      [2, 'J-2', { title: 'B' }],
      [3, null, { title: 'C' }],
      [4, null, {}],
    ]);
    expect(rows[2]!.issues).toEqual([{ row: 3, field: 'extra', message: 'an item has only "externalId" and "data"; "extra" belongs inside "data"' }]);
    expect(rows[3]!.skip).toBe(true);
    expect(() => readJson(type, '{"title":"x"}')).toThrow(/must be an array/);
    // Escapes Postgres would refuse are found per value, not only in the raw text.
    const unsafe = readJson(type, String.raw`[{"title":"a\u0000b","qty":1},{"externalId":"x\ud800","data":{"title":"ok"}}]`).rows;
    expect(unsafe[0]!.issues).toEqual([{ row: 1, field: 'title', message: 'the value contains a NUL character or broken Unicode (a lone surrogate), which cannot be stored' }]);
    expect(unsafe[0]!.data).toEqual({ qty: 1 });
    expect(unsafe[1]!.issues).toEqual([{ row: 2, field: 'externalId', message: expect.stringMatching(/^the external id contains a NUL/) }]);
    expect(() => readJson(type, '[')).toThrow(/could not be read/);
  });
});

describe('values to cells and back', () => {
  it('reads back what the export writes, for every kind of value', () => {
    const ext = new Map([['r_acc', 'ACC;1'], ['r_c1', 'C-1'], ['r_c2', 'C;2']]);
    const samples: [string, unknown, unknown?][] = [
      ['title', '=SUM(A1)'],
      ['qty', -0.000125],
      ['qty', 12345678901234],
      ['price', { amount: 12.5, currency: 'EUR' }],
      ['fee', { amount: -0.0001, currency: 'USD' }],
      ['active', false],
      ['due', '2026-02-28'],
      ['phone', '+49 30 1234567'],
      ['doc', { id: 'f_1', name: 'a.pdf', mime: 'application/pdf', bytes: 3 }, 'f_1'],
      // A single relation may name an external id with the separator in it; a list may not.
      ['account', 'r_acc', { externalId: 'ACC;1' }],
      ['contacts', ['r_c1', 'r_c2'], [{ externalId: 'C-1' }, 'r_c2']],
    ];
    for (const [key, v, expected = v] of samples) {
      const [cell] = csvCells(f(key), v, ext);
      expect(cellToValue(f(key), cell!), key).toEqual({ ok: true, value: expected });
    }
    expect(csvCells(f('site'), { street: '-1 Way', country: 'DE' }, ext)).toEqual([`'-1 Way`, '', '', '', 'DE']);
  });
});
