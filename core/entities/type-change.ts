// Changing an entity type with records in it: what happens to each stored value is decided here, up
// front and explicitly. A value converts when the new field can hold it (a number becomes text, a
// relation becomes a list of one), a new required field needs a default to fill existing records,
// a removed field must be confirmed by name, and anything else is rejected with the record and the
// field named. The server applies `migrate` to every record in one transaction, or nothing.
import { fileFitsField } from './files';
import { fieldOf, type EntityType, type FieldDef } from './entity-type';
import { valueSchema, type FieldIssue, type RecordData, type StoredFile } from './record-values';

export type TypeChangeOptions = {
  /** Fields that may be removed, with their values: removal is never implied. */
  confirmRemoved?: readonly string[];
  /** Fields that must stay as they are (built-in fields of Account and Contact). */
  locked?: readonly string[];
};

export type RecordMigration = { ok: true; data: RecordData; changed: boolean } | { ok: false; issues: FieldIssue[] };

export type TypeChangePlan =
  | {
      ok: true;
      added: string[];
      removed: string[];
      changed: string[];
      /** Relation fields were added, removed or retargeted: the record links must be rebuilt. */
      relationsChanged: boolean;
      migrate: (data: RecordData) => RecordMigration;
    }
  | { ok: false; issues: FieldIssue[] };

const isRelation = (f: FieldDef) => f.type === 'relation' || f.type === 'relations';
const STRINGY = new Set(['text', 'longText', 'email', 'phone', 'url', 'enum', 'date', 'datetime']);
const sameDef = (a: FieldDef, b: FieldDef) => JSON.stringify(a) === JSON.stringify(b);

/** Converts a stored value to what `to` holds, or says why it cannot. */
function convert(from: FieldDef, to: FieldDef, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  let v = value;
  if (from.type !== to.type) {
    if (STRINGY.has(from.type) && STRINGY.has(to.type)) v = value;
    else if ((from.type === 'number' || from.type === 'boolean') && (to.type === 'text' || to.type === 'longText')) v = String(value);
    else if (STRINGY.has(from.type) && to.type === 'number') {
      const n = Number(String(value).trim());
      if (String(value).trim() === '' || !Number.isFinite(n)) return { ok: false, message: `"${String(value)}" is not a number` };
      v = n;
    } else if (from.type === 'relation' && to.type === 'relations') v = [value];
    else if (from.type === 'relations' && to.type === 'relation') {
      const list = value as string[];
      if (list.length > 1) return { ok: false, message: `holds ${list.length} records; a single relation holds one` };
      v = list[0];
    } else return { ok: false, message: `a ${from.type} value cannot become ${to.type}` };
  }
  if (to.type === 'file') {
    // A stored file keeps its metadata; only the limits of the field are checked again.
    const file = v as StoredFile;
    const problem = fileFitsField(to, file);
    return problem ? { ok: false, message: problem } : { ok: true, value: file };
  }
  if (isRelation(from) && isRelation(to) && from.target !== to.target) return { ok: false, message: `links records of "${from.target}", not "${to.target}"` };
  const parsed = valueSchema(to).safeParse(v);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join('; ') };
  return { ok: true, value: parsed.data };
}

export function planTypeChange(before: EntityType, after: EntityType, options: TypeChangeOptions = {}): TypeChangePlan {
  const issues: FieldIssue[] = [];
  if (before.key !== after.key) issues.push({ field: 'key', message: 'the key of a type cannot change (records, roles and blocks refer to it)' });
  const added = after.fields.filter((f) => !fieldOf(before, f.key)).map((f) => f.key);
  const removed = before.fields.filter((f) => !fieldOf(after, f.key)).map((f) => f.key);
  const changed = after.fields.filter((f) => {
    const old = fieldOf(before, f.key);
    return old !== undefined && !sameDef(old, f);
  });
  for (const key of removed) {
    if (options.locked?.includes(key)) issues.push({ field: key, message: 'a built-in field cannot be removed' });
    else if (!options.confirmRemoved?.includes(key)) issues.push({ field: key, message: `removing "${key}" deletes its values from every record: confirm it by name` });
  }
  for (const f of changed) {
    const old = fieldOf(before, f.key)!;
    if (options.locked?.includes(f.key) && (old.type !== f.type || (isRelation(old) && isRelation(f) && old.target !== f.target))) {
      issues.push({ field: f.key, message: 'a built-in field keeps its type' });
    }
  }
  if (issues.length) return { ok: false, issues };

  const relationsChanged =
    [...added, ...removed].some((k) => {
      const f = fieldOf(after, k) ?? fieldOf(before, k);
      return f !== undefined && isRelation(f);
    }) || changed.some((f) => isRelation(f) || isRelation(fieldOf(before, f.key)!));

  const migrate = (data: RecordData): RecordMigration => {
    const out: RecordData = { ...data };
    const problems: FieldIssue[] = [];
    let touched = false;
    for (const key of removed) {
      if (key in out) {
        delete out[key];
        touched = true;
      }
    }
    for (const f of changed) {
      if (!(f.key in out)) continue;
      const r = convert(fieldOf(before, f.key)!, f, out[f.key]);
      if (!r.ok) problems.push({ field: f.key, message: r.message });
      else if (JSON.stringify(r.value) !== JSON.stringify(out[f.key])) {
        out[f.key] = r.value;
        touched = true;
      }
    }
    for (const f of after.fields) {
      if (!f.required || f.key in out) continue;
      if ('default' in f && f.default !== undefined) {
        out[f.key] = f.default;
        touched = true;
      } else problems.push({ field: f.key, message: `${f.label} is now required and this record has no value: give the field a default, or fill it first` });
    }
    return problems.length ? { ok: false, issues: problems } : { ok: true, data: out, changed: touched };
  };
  return { ok: true, added, removed, changed: changed.map((f) => f.key), relationsChanged, migrate };
}
