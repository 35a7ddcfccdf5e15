// Email templates: Handlebars with `{{ }}` only (DESIGN.md section 7). The defaults live in
// templates/email/ as `<name>.subject.hbs`, `<name>.text.hbs` and `<name>.html.hbs`, and every HTML
// body is framed by `layout.html.hbs`. checkTemplate() is the gate admin-edited templates will pass
// through too: no triple-stash, no partials, no decorators, no helpers beyond if/unless/each/with.
// Subject and text are rendered without HTML escaping (they are not HTML: an `&` must stay an `&`);
// the HTML body and layout always escape, so data can never add markup.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { z } from 'zod';

export const EMAIL_TEMPLATES = ['invite', 'confirm-email', 'reset-password', 'magic-link', 'password-changed', 'action-confirmation'] as const;
export type EmailTemplateName = (typeof EMAIL_TEMPLATES)[number];

/** The three parts of a template, as source text. */
export type EmailTemplateSource = { subject: string; text: string; html: string };
export type RenderedEmail = { subject: string; text: string; html: string };

/** One problem in a template, with where it is (1-based; null when the parser could not say). */
export type TemplateIssue = { line: number | null; column: number | null; message: string };

/** The block helpers a template may use. Everything else (log, lookup, custom helpers) is refused. */
export const ALLOWED_BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;

/**
 * What the templates may refer to. `portalName` and `recipient` are filled in by the outbox; the
 * sender gives `link` and, when it has them, the optional ones.
 */
export const EMAIL_VARIABLES: Record<string, string> = {
  portalName: 'the portal’s name',
  recipient: 'the address the email is sent to',
  link: 'the call to action: an absolute http(s) URL',
  userName: 'the recipient’s name (optional)',
  expiresIn: 'how long the link works, in words, e.g. “24 hours” (optional)',
  inviterName: 'who sent the invitation (optional; invite only)',
  changedAt: 'when the password was changed, in words (optional; password-changed only)',
  heading: 'what happened, in a few words, e.g. “Offer accepted” (action-confirmation only)',
  message: 'the details in a sentence or two (action-confirmation only)',
};

const LAYOUT_BODY_MARKER = '{{!-- body --}}';
const TEMPLATE_DIR = path.resolve(import.meta.dirname, '../../templates/email');

const httpUrl = z.url({ protocol: /^https?$/, error: 'link must be an absolute http(s) URL' });
const text = (max: number) => z.string().max(max);

/**
 * The data every template receives. Known keys are checked (a `javascript:` link is refused here,
 * since escaping cannot make a URL safe); unknown keys pass through for admin-edited templates.
 */
export const emailDataSchema = z.looseObject({
  portalName: text(200).min(1, 'portalName is required'),
  recipient: text(320),
  link: httpUrl,
  userName: text(200).optional(),
  expiresIn: text(100).optional(),
  inviterName: text(200).optional(),
  changedAt: text(100).optional(),
  heading: text(200).optional(),
  message: text(2000).optional(),
});
export type EmailData = z.input<typeof emailDataSchema>;

export class TemplateError extends Error {
  constructor(
    readonly part: string,
    readonly issues: TemplateIssue[],
  ) {
    super(`${part}: ${issues.map((i) => (i.line ? `line ${i.line}: ${i.message}` : i.message)).join('; ')}`);
  }
}

// An environment of our own, so nothing registered on the global Handlebars reaches templates.
const hb = Handlebars.create();
hb.unregisterHelper('log');
hb.unregisterHelper('lookup');

const compileOptions = (escape: boolean): CompileOptions => ({
  // Missing data throws instead of rendering as empty: a mistyped variable fails loudly.
  strict: true,
  noEscape: !escape,
  // A second line of defence behind checkTemplate(): unknown helpers fail to compile, and a plain
  // {{name}} is always a lookup, never a helper call.
  knownHelpersOnly: true,
  knownHelpers: { if: true, unless: true, each: true, with: true, log: false, lookup: false, helperMissing: false, blockHelperMissing: false },
});
type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

type Node = hbs.AST.Node;
const at = (node: Node, message: string): TemplateIssue => ({ line: node.loc?.start.line ?? null, column: node.loc ? node.loc.start.column + 1 : null, message });

/**
 * Checks a template's source against the rules for email templates. Returns every problem found
 * (an empty list means the template is acceptable). With `knownVariables`, also refuses top-level
 * references to anything else (inside `each` and `with` the context changes, so those are not checked).
 */
export function checkTemplate(source: string, opts: { knownVariables?: readonly string[] } = {}): TemplateIssue[] {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (err) {
    const e = err as Error & { lineNumber?: number; column?: number };
    const lines = e.message.split('\n').filter(Boolean);
    const detail = lines.length > 1 ? lines[lines.length - 1]! : (lines[0] ?? 'syntax error');
    return [{ line: e.lineNumber ?? null, column: typeof e.column === 'number' ? e.column + 1 : null, message: `The template cannot be read: ${detail}` }];
  }
  const issues: TemplateIssue[] = [];
  const known = opts.knownVariables ? new Set(opts.knownVariables) : undefined;

  const checkPath = (node: hbs.AST.PathExpression, topLevel: boolean) => {
    if (!known || !topLevel || node.data || node.depth > 0 || node.parts.length === 0) return;
    const first = node.parts[0]!;
    if (first !== 'this' && !known.has(first)) issues.push(at(node, `Unknown variable {{${node.original}}}. Available: ${[...known].join(', ')}.`));
  };
  const checkValue = (node: hbs.AST.Expression, topLevel: boolean) => {
    if (node.type === 'PathExpression') checkPath(node as hbs.AST.PathExpression, topLevel);
    else if (node.type === 'SubExpression') issues.push(at(node, 'Sub-expressions ( … ) are not allowed: they call helpers.'));
  };

  const walk = (program: hbs.AST.Program | undefined, topLevel: boolean) => {
    for (const node of program?.body ?? []) {
      switch (node.type) {
        case 'ContentStatement':
        case 'CommentStatement':
          break;
        case 'MustacheStatement': {
          const m = node as hbs.AST.MustacheStatement;
          const name = (m.path as hbs.AST.PathExpression).original ?? '';
          if (!m.escaped) {
            issues.push(at(m, `{{{${name}}}} is not allowed: use {{${name}}}, which escapes HTML.`));
            break;
          }
          if (m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0) {
            issues.push(at(m, `Helpers are not allowed: {{${name} …}}. Use plain values such as {{portalName}}.`));
            break;
          }
          checkValue(m.path, topLevel);
          break;
        }
        case 'BlockStatement': {
          const b = node as hbs.AST.BlockStatement;
          const name = (b.path as hbs.AST.PathExpression).original ?? '';
          // A raw block ({{{{name}}}}) has no whitespace-control flags on its opening tag.
          if (b.openStrip && Object.keys(b.openStrip).length === 0) {
            issues.push(at(b, `Raw blocks {{{{${name}}}}} are not allowed.`));
            break;
          }
          if (!(ALLOWED_BLOCK_HELPERS as readonly string[]).includes(name)) {
            issues.push(at(b, `{{#${name}}} is not allowed: only ${ALLOWED_BLOCK_HELPERS.map((h) => `{{#${h}}}`).join(', ')}.`));
            break;
          }
          if (b.params.length !== 1 || (b.hash?.pairs.length ?? 0) > 0) {
            issues.push(at(b, `{{#${name}}} takes exactly one value, e.g. {{#${name} userName}}.`));
            break;
          }
          checkValue(b.params[0]!, topLevel);
          // if/unless keep the context; each/with change it, and their variables are the item's.
          const keepsContext = name === 'if' || name === 'unless';
          walk(b.program, topLevel && keepsContext);
          walk(b.inverse, topLevel);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement':
          issues.push(at(node, 'Partials ({{> name}}) are not allowed.'));
          break;
        case 'Decorator':
        case 'DecoratorBlock':
          issues.push(at(node, 'Decorators ({{* name}}) are not allowed.'));
          break;
        default:
          issues.push(at(node, `This construct (${node.type}) is not allowed.`));
      }
    }
  };
  walk(ast, true);
  return issues;
}

type Render = (data: Record<string, unknown>) => string;

function compilePart(part: string, source: string, escape: boolean, knownVariables?: readonly string[]): Render {
  const issues = checkTemplate(source, { knownVariables });
  if (issues.length > 0) throw new TemplateError(part, issues);
  const template = hb.compile(source, compileOptions(escape));
  return (data) => template(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

export type CompiledEmail = { render: (data: Record<string, unknown>) => RenderedEmail };

/** Collapses whitespace and line breaks: a subject is one header line. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Compiles a template (checked first; TemplateError lists every issue) with a layout around its
 * HTML body. The same data renders the subject, the text and the HTML.
 */
export function compileEmail(source: EmailTemplateSource, layoutSource: string, opts: { knownVariables?: readonly string[] } = {}): CompiledEmail {
  const parts = layoutSource.split(LAYOUT_BODY_MARKER);
  if (parts.length !== 2) throw new TemplateError('layout', [{ line: null, column: null, message: `The layout must contain ${LAYOUT_BODY_MARKER} exactly once.` }]);
  const layoutVars = opts.knownVariables ? [...opts.knownVariables, 'subject'] : undefined;
  const subject = compilePart('subject', source.subject, false, opts.knownVariables);
  const textBody = compilePart('text', source.text, false, opts.knownVariables);
  const htmlBody = compilePart('html', source.html, true, opts.knownVariables);
  const head = compilePart('layout', parts[0]!, true, layoutVars);
  const tail = compilePart('layout', parts[1]!, true, layoutVars);
  return {
    render(data) {
      const s = oneLine(subject(data));
      const withSubject = { ...data, subject: s };
      return { subject: s, text: `${textBody(data).trim()}\n`, html: `${head(withSubject).trimStart()}${htmlBody(data)}${tail(withSubject)}` };
    },
  };
}

/** Handlebars' own escaping, for finding a value as it appears in rendered HTML. */
export const escapeHtml = (value: string): string => Handlebars.escapeExpression(value);

const read = (file: string) => fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8');

/** The default template shipped in templates/email/. */
export function defaultTemplateSource(name: EmailTemplateName): EmailTemplateSource {
  return { subject: read(`${name}.subject.hbs`), text: read(`${name}.text.hbs`), html: read(`${name}.html.hbs`) };
}

export function defaultLayoutSource(): string {
  return read('layout.html.hbs');
}

const compiled = new Map<EmailTemplateName, CompiledEmail>();

/** Renders a default template. The data is checked first (emailDataSchema); missing variables throw. */
export function renderEmail(name: EmailTemplateName, data: Record<string, unknown>): RenderedEmail {
  const checked = emailDataSchema.safeParse(data);
  if (!checked.success) throw new Error(`email ${name}: ${z.prettifyError(checked.error).replace(/\n/g, ' ')}`);
  let template = compiled.get(name);
  if (!template) {
    template = compileEmail(defaultTemplateSource(name), defaultLayoutSource(), { knownVariables: Object.keys(EMAIL_VARIABLES) });
    compiled.set(name, template);
  }
  return template.render(checked.data);
}
