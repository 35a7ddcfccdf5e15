// Importing records from CSV or JSON, all or nothing, and exporting them in exactly the form the
// import reads back. Every row goes through applyWrite (the same checks as a single save) inside one
// transaction; the problems of every row are collected, and if there is any, the transaction is
// rolled back and the report names row, field and message for each. Row numbers are what a person
// sees: in a CSV the header is row 1, so the first data row is row 2; in JSON the first item is row 1.
import { TRPCError } from '@trpc/server';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import {
  fieldOf,
  MAX_PAGE,
  relationFields,
  SYSTEM_FIELDS,
  type AddressValue,
  type EntityType,
  type FieldDef,
  type FieldOf,
  type MoneyValue,
  type RecordData,
  type RelationRef,
  type StoredFile,
} from '../../core';
import { writeTx, type Db } from '../db/database';
import type { DB } from '../db/schema';
import { audit } from './audit';
import { requireType } from './entity-types';
import { FieldIssuesError } from './field-issues';
import { FULL_ACCESS, queryRecords, type RecordView } from './record-query';
import { ReferenceResolver, refIds, type Actor } from './record-store';
import { ADMIN_WRITE, applyWrite, externalIdSchema, type Write, type WriteAccess } from './records';

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** At most this many problems are listed; the message gives the total. */
export const MAX_LISTED_ISSUES = 200;

export const ADDRESS_PARTS = ['street', 'postalCode', 'city', 'region', 'country'] as const;
type AddressPart = (typeof ADDRESS_PARTS)[number];
/** Separates the records of a `relations` cell. */
export const RELATIONS_SEPARATOR = ';';
/** A relation cell starting with this names the external id of a record; anything else is a record id. */
export const EXTERNAL_ID_PREFIX = 'ext:';

export type ImportFormat = 'csv' | 'json';
export type ImportMode = 'create' | 'upsert';
export type ImportInput = { type: string; format: ImportFormat; content: string; mode: ImportMode };
export type ImportResult = { total: number; created: number; updated: number };
export type ImportIssue = { row: number; field: string; message: string };

/** One row of the file, read and converted, before it is written. */
export type ImportRow = {
  row: number;
  externalId: string | null;
  data: RecordData;
  issues: ImportIssue[];
  /** Fields whose value could not be read: the data check would only repeat it ("… is required"). */
  failed: Set<string>;
  /** The row cannot be checked further (e.g. its cells do not line up with the header). */
  skip?: boolean;
};

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/**
 * NUL characters and lone UTF-16 surrogates: SQLite would store them, but Postgres refuses them in
 * text and jsonb (the write then fails as a server error), and they are never meant as text.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unsafeText = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);
function holdsUnsafeText(v: unknown): boolean {
  if (typeof v === 'string') return unsafeText(v);
  if (Array.isArray(v)) return v.some(holdsUnsafeText);
  if (typeof v === 'object' && v !== null) return Object.entries(v).some(([k, x]) => unsafeText(k) || holdsUnsafeText(x));
  return false;
}
const UNSAFE_TEXT_MESSAGE = 'contains a NUL character or broken Unicode (a lone surrogate), which cannot be stored';
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------------------------------------
// Spreadsheet formulas. A cell starting with = + - @ (or tab, CR) is run as a formula when the file
// is opened in a spreadsheet, so the export prefixes such text with an apostrophe (OWASP's advice)
// and the import removes exactly one. Text that already starts with apostrophes before such a
// character gets one more, so every value survives the round trip unchanged.

const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;
export const escapeFormula = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);
export const unescapeFormula = (s: string): string => (ESCAPED_FORMULA.test(s) ? s.slice(1) : s);

// ---------------------------------------------------------------------------------------------
// Cells to values.

export type CellResult = { ok: true; value: unknown } | { ok: false; message: string };
const value = (v: unknown): CellResult => ({ ok: true, value: v });
const problem = (message: string): CellResult => ({ ok: false, message });

const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Digits with commas, spaces or apostrophes: a decimal comma or thousands separators, which we do not guess at. */
const LOCALISED_NUMBER = /^[+-]?\d[\d.,'\s\u00a0\u202f]*$/;

/** A number written with a point as the decimal separator and nothing else: `1234.5`, `-3`, `1e6`. */
export function parseNumberCell(raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const s = raw.trim();
  if (NUMBER.test(s)) {
    const n = Number(s);
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `"${s}" is too large a number` };
  }
  if (LOCALISED_NUMBER.test(s) && /[,'\s\u00a0\u202f]/.test(s)) {
    return { ok: false, message: `"${s}" is ambiguous: write numbers with a point as the decimal separator and without thousands separators, e.g. 1234.5` };
  }
  return { ok: false, message: `"${s}" is not a number` };
}

/** `12.50 EUR`, or `12.50` when the field has a fixed currency. */
function moneyCell(field: FieldOf<'money'>, s: string): CellResult {
  const example = field.currency ? `12.50 or 12.50 ${field.currency}` : '12.50 EUR';
  const m = /^(\S+)(?:\s+([A-Za-z]{3}))?$/.exec(s);
  if (!m) return problem(`"${s}" is not an amount: write e.g. ${example}`);
  const amount = parseNumberCell(m[1]!);
  if (!amount.ok) return problem(amount.message);
  const currency = m[2]?.toUpperCase() ?? field.currency;
  if (!currency) return problem(`"${s}" has no currency: write e.g. ${s} EUR`);
  return value({ amount: amount.value, currency } satisfies MoneyValue);
}

const BOOLEANS: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false };

function relationCell(s: string): { ok: true; ref: RelationRef } | { ok: false; message: string } {
  if (!s.startsWith(EXTERNAL_ID_PREFIX)) return { ok: true, ref: s };
  const externalId = s.slice(EXTERNAL_ID_PREFIX.length).trim();
  return externalId ? { ok: true, ref: { externalId } } : { ok: false, message: `"${s}" names no external id after "${EXTERNAL_ID_PREFIX}"` };
}

/**
 * The value of one cell for a field (`value: undefined` for an empty cell: no value). Only the
 * conversion from text happens here; the field's own rules (length, range, options, dates) are the
 * data check's, so a CSV row and an API call are refused with the same messages.
 */
export function cellToValue(field: FieldDef, cell: string): CellResult {
  const s = cell.trim();
  // Text keeps its spaces (a value of spaces is still a value); for anything else blank is empty.
  if (field.type === 'text' || field.type === 'longText') return value(cell === '' ? undefined : unescapeFormula(cell));
  if (s === '') return value(undefined);
  switch (field.type) {
    case 'email':
    case 'phone':
    case 'url':
    case 'enum':
      return value(unescapeFormula(s));
    case 'number': {
      const n = parseNumberCell(s);
      return n.ok ? value(n.value) : problem(n.message);
    }
    case 'money':
      return moneyCell(field, s);
    case 'boolean': {
      const b = BOOLEANS[s.toLowerCase()];
      return b === undefined ? problem(`"${s}" is not true or false (write true/false, yes/no or 1/0)`) : value(b);
    }
    case 'date':
    case 'datetime':
    case 'file':
      return value(s);
    case 'relation': {
      const r = relationCell(s);
      return r.ok ? value(r.ref) : problem(r.message);
    }
    case 'relations': {
      const refs: RelationRef[] = [];
      for (const part of s.split(RELATIONS_SEPARATOR).map((p) => p.trim()).filter(Boolean)) {
        const r = relationCell(part);
        if (!r.ok) return problem(r.message);
        refs.push(r.ref);
      }
      return value(refs.length ? refs : undefined);
    }
    case 'address':
      return problem(`an address is written in the columns ${ADDRESS_PARTS.map((p) => `${field.key}.${p}`).join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// CSV.

type Column =
  | { kind: 'externalId'; name: string }
  | { kind: 'value'; name: string; field: FieldDef }
  | { kind: 'money'; name: string; field: FieldOf<'money'>; part: 'amount' | 'currency' }
  | { kind: 'address'; name: string; field: FieldOf<'address'>; part: AddressPart };

/** The columns named by the header row, or the problems with it (each on row 1, naming the column). */
export function readHeader(type: EntityType, header: readonly string[], mode: ImportMode): { columns: Column[]; issues: ImportIssue[] } {
  const columns: Column[] = [];
  const issues: ImportIssue[] = [];
  const at = (field: string, message: string) => issues.push({ row: 1, field, message });
  const seen = new Set<string>();
  header.forEach((raw, i) => {
    const name = raw.trim();
    if (!name) return at('', `column ${i + 1} has no name in the header row`);
    if (seen.has(name)) return at(name, `the column "${name}" appears twice`);
    seen.add(name);
    if (name === 'externalId') return void columns.push({ kind: 'externalId', name });
    const dot = name.indexOf('.');
    const key = dot === -1 ? name : name.slice(0, dot);
    const part = dot === -1 ? null : name.slice(dot + 1);
    const field = fieldOf(type, key);
    if (!field) {
      if ((SYSTEM_FIELDS as readonly string[]).includes(key)) return at(name, `"${name}" is kept by the system and cannot be imported`);
      return at(name, `"${type.label.singular}" has no field "${key}"`);
    }
    if (part === null) {
      if (field.type === 'address') return at(name, `"${name}" is an address: use the columns ${ADDRESS_PARTS.map((p) => `${name}.${p}`).join(', ')}`);
      return void columns.push({ kind: 'value', name, field });
    }
    if (field.type === 'money' && (part === 'amount' || part === 'currency')) return void columns.push({ kind: 'money', name, field, part });
    if (field.type === 'address' && (ADDRESS_PARTS as readonly string[]).includes(part)) return void columns.push({ kind: 'address', name, field, part: part as AddressPart });
    const parts = field.type === 'money' ? 'amount, currency' : field.type === 'address' ? ADDRESS_PARTS.join(', ') : null;
    return at(name, parts ? `a ${field.type} field has the parts ${parts}, not "${part}"` : `"${key}" is a ${field.type} field and has no parts`);
  });
  for (const f of type.fields) {
    if (f.type !== 'money') continue;
    const whole = seen.has(f.key);
    const amount = seen.has(`${f.key}.amount`);
    if (whole && (amount || seen.has(`${f.key}.currency`))) at(f.key, `use either the column "${f.key}" or "${f.key}.amount" and "${f.key}.currency", not both`);
    else if (!amount && seen.has(`${f.key}.currency`)) at(`${f.key}.currency`, `"${f.key}.currency" needs a "${f.key}.amount" column`);
  }
  if (mode === 'upsert' && !seen.has('externalId')) at('externalId', 'an upsert matches rows to records by external id: add an externalId column');
  return { columns, issues };
}

/** One CSV data row converted to record data; conversion problems name the column. */
export function readCsvRow(type: EntityType, columns: readonly Column[], cells: readonly string[], row: number): ImportRow {
  const out: ImportRow = { row, externalId: null, data: {}, issues: [], failed: new Set() };
  const fail = (column: string, field: string, message: string) => {
    out.issues.push({ row, field: column, message });
    out.failed.add(field);
  };
  if (cells.length !== columns.length) {
    out.issues.push({ row, field: '', message: `this row has ${plural(cells.length, 'cell')}; the header has ${plural(columns.length, 'column')}` });
    out.skip = true;
    return out;
  }
  const money = new Map<string, { field: FieldOf<'money'>; amount: string; currency: string }>();
  const address = new Map<string, AddressValue>();
  columns.forEach((col, i) => {
    const cell = cells[i]!;
    switch (col.kind) {
      case 'externalId': {
        const s = unescapeFormula(cell.trim());
        if (!s) return;
        const id = externalIdSchema.safeParse(s);
        if (id.success) out.externalId = id.data;
        else fail(col.name, 'externalId', id.error.issues.map((x) => x.message).join('; '));
        return;
      }
      case 'value': {
        const r = cellToValue(col.field, cell);
        if (!r.ok) fail(col.name, col.field.key, r.message);
        else if (r.value !== undefined) out.data[col.field.key] = r.value;
        return;
      }
      case 'money': {
        const m = money.get(col.field.key) ?? { field: col.field, amount: '', currency: '' };
        m[col.part] = cell.trim();
        money.set(col.field.key, m);
        return;
      }
      case 'address': {
        const s = unescapeFormula(cell.trim());
        if (!s) return;
        const a = address.get(col.field.key) ?? {};
        a[col.part] = s;
        address.set(col.field.key, a);
        return;
      }
    }
  });
  for (const [key, m] of money) {
    if (!m.amount && !m.currency) continue;
    if (!m.amount) {
      fail(`${key}.amount`, key, 'an amount is required when a currency is given');
      continue;
    }
    const amount = parseNumberCell(m.amount);
    if (!amount.ok) {
      fail(`${key}.amount`, key, amount.message);
      continue;
    }
    const currency = m.currency.toUpperCase() || m.field.currency;
    if (!currency) fail(`${key}.currency`, key, 'a currency is required');
    else out.data[key] = { amount: amount.value, currency };
  }
  for (const [key, a] of address) out.data[key] = a;
  return out;
}

/** A CSV delimited by semicolons (what spreadsheets write in many European locales) is read as such. */
function delimiterOf(content: string): ',' | ';' {
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

export function readCsv(type: EntityType, content: string, mode: ImportMode): { rows: ImportRow[]; issues: ImportIssue[] } {
  let records: string[][];
  try {
    records = parseCsv(content, {
      bom: true,
      delimiter: delimiterOf(content),
      relax_column_count: true,
      skip_empty_lines: false,
      // Enough for the largest import with as many blank lines again; beyond it the file is too long anyway.
      to: 2 * MAX_IMPORT_ROWS + 1,
    });
  } catch (err) {
    if (err instanceof CsvError) {
      const row = typeof err.records === 'number' ? err.records + 1 : 1;
      throw new FieldIssuesError(`The CSV could not be read: ${err.message}. Nothing was imported.`, [{ row, field: '', message: err.message }]);
    }
    throw err;
  }
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === '')) throw badRequest('The file is empty: its first line must name the columns (field keys, and optionally externalId).');
  // A blank line (one empty cell) is skipped, but still counts, so row numbers match the file.
  const isBlank = (r: string[]) => r.length === 1 && r[0]!.trim() === '';
  const dataRows = body.filter((r) => !isBlank(r)).length;
  if (records.length > 2 * MAX_IMPORT_ROWS || dataRows > MAX_IMPORT_ROWS) throw tooManyRows();
  const { columns, issues } = readHeader(type, header, mode);
  if (issues.length) return { rows: [], issues };
  const rows: ImportRow[] = [];
  body.forEach((cells, i) => {
    if (!isBlank(cells)) rows.push(readCsvRow(type, columns, cells, i + 2));
  });
  return { rows, issues: [] };
}

// ---------------------------------------------------------------------------------------------
// JSON.

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Items are `{ externalId?, data: {...} }` (the integration API's shape) or the field values
 * themselves, optionally with an `externalId`. An item is of the first kind when it has a `data`
 * object and the type has no field called `data`.
 */
export function readJson(type: EntityType, content: string): { rows: ImportRow[]; issues: ImportIssue[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (err) {
    throw badRequest(`The JSON could not be read: ${err instanceof Error ? err.message : String(err)}. Nothing was imported.`);
  }
  if (!Array.isArray(parsed)) throw badRequest('The JSON must be an array of records: [{ "externalId": "…", "data": { … } }, …] or [{ field values }, …].');
  if (parsed.length > MAX_IMPORT_ROWS) throw tooManyRows();
  const wrappedShape = !fieldOf(type, 'data');
  const rows = parsed.map((item: unknown, i): ImportRow => {
    const row = i + 1;
    const out: ImportRow = { row, externalId: null, data: {}, issues: [], failed: new Set() };
    if (!isPlainObject(item)) {
      out.issues.push({ row, field: '', message: 'each item must be an object: { "externalId": …, "data": { … } } or the field values' });
      out.skip = true;
      return out;
    }
    let externalId: unknown;
    if (wrappedShape && isPlainObject(item.data)) {
      for (const key of Object.keys(item)) {
        if (key !== 'data' && key !== 'externalId') out.issues.push({ row, field: key, message: `an item has only "externalId" and "data"; "${key}" belongs inside "data"` });
      }
      externalId = item.externalId;
      out.data = { ...item.data };
    } else {
      const { externalId: ext, ...data } = item;
      externalId = ext;
      out.data = data;
    }
    // JSON escapes (\u0000, \ud800) get past the check of the raw text: each value is checked here.
    for (const [key, v] of Object.entries(out.data)) {
      if (unsafeText(key) || holdsUnsafeText(v)) {
        out.issues.push({ row, field: unsafeText(key) ? '' : key, message: `${unsafeText(key) ? 'a field name' : 'the value'} ${UNSAFE_TEXT_MESSAGE}` });
        out.failed.add(key);
        delete out.data[key];
      }
    }
    if (typeof externalId === 'string' && unsafeText(externalId)) {
      out.issues.push({ row, field: 'externalId', message: `the external id ${UNSAFE_TEXT_MESSAGE}` });
      out.failed.add('externalId');
      externalId = undefined;
    }
    if (externalId !== undefined && externalId !== null && externalId !== '') {
      const id = externalIdSchema.safeParse(externalId);
      if (id.success) out.externalId = id.data;
      else {
        out.issues.push({ row, field: 'externalId', message: typeof externalId === 'string' ? id.error.issues.map((x) => x.message).join('; ') : 'an external id is a text' });
        out.failed.add('externalId');
      }
    }
    return out;
  });
  return { rows, issues: [] };
}

const tooManyRows = () => badRequest(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows, the limit for one import; split it into several files.`);

// ---------------------------------------------------------------------------------------------
// Writing.

/** Every problem counted; the first MAX_LISTED_ISSUES kept for the report. */
class IssueReport {
  readonly listed: ImportIssue[] = [];
  readonly rows = new Set<number>();
  count = 0;
  add(issue: ImportIssue): void {
    this.count++;
    this.rows.add(issue.row);
    if (this.listed.length < MAX_LISTED_ISSUES) this.listed.push(issue);
  }
  error(): FieldIssuesError {
    const more = this.count > this.listed.length ? ` The first ${MAX_LISTED_ISSUES} are listed.` : '';
    return new FieldIssuesError(`${plural(this.count, 'problem')} in ${plural(this.rows.size, 'row')}; nothing was imported.${more}`, this.listed);
  }
}

/** A refusal thrown by applyWrite for one row, as that row's problems. Anything else is not the row's fault. */
function rowIssuesOf(err: unknown, row: number): ImportIssue[] | null {
  if (err instanceof FieldIssuesError) return err.issues.map((i) => ({ row, field: i.field, message: i.message }));
  if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') return [{ row, field: err.code === 'CONFLICT' ? 'externalId' : '', message: err.message }];
  return null;
}

async function writeRows(trx: Kysely<DB>, actor: Actor, type: EntityType, rows: ImportRow[], mode: ImportMode, access: WriteAccess, report: IssueReport): Promise<ImportResult> {
  const resolver = new ReferenceResolver(trx);
  const firstRowOf = new Map<string, number>();
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    for (const issue of r.issues) report.add(issue);
    if (r.skip) continue;
    if (r.externalId !== null) {
      const first = firstRowOf.get(r.externalId);
      if (first !== undefined) {
        report.add({ row: r.row, field: 'externalId', message: `the external id "${r.externalId}" is also in row ${first}` });
        continue;
      }
      firstRowOf.set(r.externalId, r.row);
    } else if (mode === 'upsert') {
      if (!r.failed.has('externalId')) report.add({ row: r.row, field: 'externalId', message: 'an upsert needs an external id in every row' });
      continue;
    }
    let write: Write = { mode: 'create', data: r.data, externalId: r.externalId };
    if (mode === 'upsert' && r.externalId !== null) {
      // Matched like upsertRecord does: by external id within the type; the scope is applyWrite's to check.
      const existing = await trx.selectFrom('records').select('id').where('type', '=', type.key).where('external_id', '=', r.externalId).executeTakeFirst();
      if (existing) write = { mode: 'replace', id: existing.id, data: r.data };
    }
    try {
      const result = await applyWrite(trx, actor, type, write, access, resolver);
      if (!result.ok) {
        for (const i of result.issues) if (!r.failed.has(i.field)) report.add({ row: r.row, field: i.field, message: i.message });
      } else if (result.created) created++;
      else updated++;
    } catch (err) {
      const issues = rowIssuesOf(err, r.row);
      if (!issues) throw err;
      for (const i of issues) report.add(i);
    }
  }
  return { total: rows.length, created, updated };
}

/**
 * Imports rows into records of one type: all of them, or, if any row has a problem, none (the
 * FieldIssuesError lists row, field and message). `create` makes a record per row (a row's external
 * id must be new); `upsert` replaces the data of the record with the row's external id, or creates it.
 */
export async function importRecords(db: Db, actor: Actor, input: ImportInput, access: WriteAccess = ADMIN_WRITE): Promise<ImportResult> {
  const bytes = Buffer.byteLength(input.content, 'utf8');
  if (bytes > MAX_IMPORT_BYTES) {
    throw new TRPCError({
      code: 'PAYLOAD_TOO_LARGE',
      message: `The file has ${(bytes / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several files.`,
    });
  }
  // A clear answer instead of a failed write on Postgres (JSON escapes are checked per value).
  if (unsafeText(input.content)) throw badRequest('The file contains NUL characters or broken Unicode (lone surrogates); it is not a UTF-8 text file. Nothing was imported.');
  // Reading and converting happen before the transaction, which then only writes.
  const type = await requireType(db, input.type);
  const read = input.format === 'csv' ? readCsv(type, input.content, input.mode) : readJson(type, input.content);
  const report = new IssueReport();
  for (const i of read.issues) report.add(i);
  if (report.count) throw report.error();

  return writeTx(db, async (trx) => {
    const current = await requireType(trx, input.type);
    if (JSON.stringify(current) !== JSON.stringify(type)) {
      throw new TRPCError({ code: 'CONFLICT', message: `The type "${type.key}" changed while the file was being read; import it again.` });
    }
    const result = await writeRows(trx, actor, type, read.rows, input.mode, access, report);
    // Throwing rolls back every row written so far.
    if (report.count) throw report.error();
    await audit(trx, {
      actor_type: actor.kind,
      actor_id: actor.id,
      action: 'records.import',
      target: type.key,
      details: { format: input.format, mode: input.mode, ...result },
    });
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// Export.

export type ExportFormat = 'csv' | 'json';

/** The CSV columns of a type, in the order of its fields: what readHeader accepts. */
export function csvColumns(type: EntityType): string[] {
  return ['externalId', ...type.fields.flatMap((f) => (f.type === 'address' ? ADDRESS_PARTS.map((p) => `${f.key}.${p}`) : [f.key]))];
}

const csvQuote = (s: string): string => (/[",;\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const csvLine = (cells: readonly string[]): string => `${cells.map(csvQuote).join(',')}\r\n`;

/** The external ids of the records a page links to, so links survive a move to another installation. */
async function linkedExternalIds(db: Kysely<DB>, type: EntityType, items: RecordView[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const f of relationFields(type)) for (const r of items) for (const id of refIds(r.data[f.key])) ids.add(id);
  const out = new Map<string, string>();
  const all = [...ids];
  for (let i = 0; i < all.length; i += 500) {
    const rows = await db.selectFrom('records').select(['id', 'external_id']).where('id', 'in', all.slice(i, i + 500)).execute();
    for (const row of rows) if (row.external_id) out.set(row.id, row.external_id);
  }
  return out;
}

/** A CSV relation cell: `ext:<external id>` when the record has one (and it cannot be mistaken for a separator), else its id. */
function csvRef(id: string, ext: Map<string, string>, inList: boolean): string {
  const e = ext.get(id);
  return e && !(inList && e.includes(RELATIONS_SEPARATOR)) ? `${EXTERNAL_ID_PREFIX}${e}` : id;
}

export function csvCells(field: FieldDef, v: unknown, ext: Map<string, string>): string[] {
  if (field.type === 'address') {
    const a = (v ?? {}) as AddressValue;
    return ADDRESS_PARTS.map((p) => escapeFormula(a[p] ?? ''));
  }
  if (v === undefined || v === null) return [''];
  switch (field.type) {
    case 'number':
    case 'date':
    case 'datetime':
      return [String(v)];
    case 'boolean':
      return [v ? 'true' : 'false'];
    case 'money': {
      const m = v as MoneyValue;
      return [`${m.amount} ${m.currency}`];
    }
    case 'file':
      return [(v as StoredFile).id];
    case 'relation':
      return [csvRef(v as string, ext, false)];
    case 'relations':
      return [(v as string[]).map((id) => csvRef(id, ext, true)).join(RELATIONS_SEPARATOR)];
    default:
      return [escapeFormula(String(v))];
  }
}

function jsonItem(type: EntityType, r: RecordView, ext: Map<string, string>): { externalId?: string; data: RecordData } {
  const ref = (id: string): RelationRef => {
    const e = ext.get(id);
    return e ? { externalId: e } : id;
  };
  const data: RecordData = {};
  for (const f of type.fields) {
    const v = r.data[f.key];
    if (v === undefined || v === null) continue;
    data[f.key] = f.type === 'relation' ? ref(v as string) : f.type === 'relations' ? (v as string[]).map(ref) : v;
  }
  return r.externalId ? { externalId: r.externalId, data } : { data };
}

/**
 * Every record of a type, oldest first (so a record linking to an older one of the same type comes
 * after it), as chunks of the file. The type is checked before the first chunk. Pages are read one
 * after another, not as one snapshot: a record saved meanwhile may or may not be in the file.
 */
export async function exportRecords(db: Db, input: { type: string; format: ExportFormat }): Promise<{ type: EntityType; chunks: AsyncGenerator<string> }> {
  const type = await requireType(db, input.type);
  async function* chunks(): AsyncGenerator<string> {
    if (input.format === 'csv') yield `\uFEFF${csvLine(csvColumns(type))}`;
    else yield '[';
    let cursor: string | undefined;
    let first = true;
    do {
      const page = await queryRecords(db, { type: type.key, sort: [{ field: 'createdAt', dir: 'asc' }], limit: MAX_PAGE, ...(cursor ? { cursor } : {}) }, FULL_ACCESS);
      const ext = await linkedExternalIds(db, type, page.items);
      let out = '';
      for (const r of page.items) {
        if (input.format === 'csv') out += csvLine([escapeFormula(r.externalId ?? ''), ...type.fields.flatMap((f) => csvCells(f, r.data[f.key], ext))]);
        else {
          out += `${first ? '' : ','}\n${JSON.stringify(jsonItem(type, r, ext))}`;
          first = false;
        }
      }
      if (out) yield out;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (input.format === 'json') yield '\n]\n';
  }
  return { type, chunks: chunks() };
}
