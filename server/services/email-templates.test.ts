// Email templates: the defaults render for every template from one set of data, HTML escapes what
// data carries (a <script> stays text), and checkTemplate() refuses everything but `{{ }}` and the
// allowed block helpers, with the line of each problem: the rules admin-edited templates will meet.
import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  compileEmail,
  defaultLayoutSource,
  defaultTemplateSource,
  EMAIL_TEMPLATES,
  EMAIL_VARIABLES,
  renderEmail,
  TemplateError,
} from './email-templates';

const data = {
  portalName: 'Acme Energy',
  recipient: 'jane@customer.example',
  userName: 'Jane Doe',
  link: 'https://portal.example/p/acme/reset-password?token=abc123&x=1',
  expiresIn: '1 hour',
};

describe('default templates', () => {
  it.each(EMAIL_TEMPLATES)('%s renders subject, text and HTML from the same data', (name) => {
    const email = renderEmail(name, data);
    expect(email.subject).toContain('Acme Energy');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toContain(data.link);
    expect(email.text).toContain('Hi Jane Doe,');
    expect(email.text).toContain('jane@customer.example');
    // The link is HTML-escaped in attributes and text (`&` → `&amp;`, `=` → `&#x3D;`), which browsers decode.
    expect(email.html).toContain('href="https://portal.example/p/acme/reset-password?token&#x3D;abc123&amp;x&#x3D;1"');
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).toContain(`<title>${email.subject}</title>`);
    expect(email.html).toContain('lang="en"');
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toContain('{{');
      expect(part).not.toContain('undefined');
    }
  });

  it.each(EMAIL_TEMPLATES)('%s passes the checks admin-edited templates will get', (name) => {
    const src = defaultTemplateSource(name);
    const knownVariables = Object.keys(EMAIL_VARIABLES);
    for (const part of [src.subject, src.text, src.html]) expect(checkTemplate(part, { knownVariables })).toEqual([]);
  });

  it('checks the layout too', () => {
    expect(checkTemplate(defaultLayoutSource(), { knownVariables: [...Object.keys(EMAIL_VARIABLES), 'subject'] })).toEqual([]);
  });

  it('leaves optional data out cleanly', () => {
    const email = renderEmail('invite', { portalName: 'Acme', recipient: 'a@b.example', link: 'https://x.example/i/1' });
    expect(email.text).toContain('Hello,');
    expect(email.text).toContain('You have been invited to Acme');
    expect(email.text).not.toContain('expires');
    expect(email.text).not.toMatch(/\n{3,}/);
    const invited = renderEmail('invite', { ...data, inviterName: 'Sam from Acme' });
    expect(invited.html).toContain('Sam from Acme has invited you');
  });

  it('escapes markup in data in the HTML, and keeps text as text', () => {
    const email = renderEmail('magic-link', { ...data, portalName: 'Tom & Jerry <Ltd>', userName: '<script>alert(1)</script><img src=x onerror=alert(2)>' });
    expect(email.html).not.toContain('<script');
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('Tom &amp; Jerry &lt;Ltd&gt;');
    // Plain text is not HTML: an ampersand stays an ampersand.
    expect(email.text).toContain('Tom & Jerry <Ltd>');
    expect(email.subject).toBe('Your sign-in link for Tom & Jerry <Ltd>');
  });

  it('keeps the subject on one line whatever the data holds', () => {
    const email = renderEmail('invite', { ...data, portalName: 'Acme\r\nBcc: victim@example.com' });
    expect(email.subject).toBe('You’re invited to Acme Bcc: victim@example.com');
  });

  it('refuses links that are not absolute http(s) URLs, and missing required data', () => {
    expect(() => renderEmail('reset-password', { ...data, link: 'javascript:alert(1)' })).toThrow(/link must be an absolute http\(s\) URL/);
    expect(() => renderEmail('reset-password', { ...data, link: '/relative' })).toThrow(/link/);
    const { link: _link, ...noLink } = data;
    expect(() => renderEmail('reset-password', noLink)).toThrow(/link/);
    expect(() => renderEmail('reset-password', { ...data, portalName: '' })).toThrow(/portalName/);
  });
});

describe('checkTemplate', () => {
  const messages = (src: string, knownVariables?: string[]) => checkTemplate(src, { knownVariables }).map((i) => i.message);

  it('accepts plain values, comments and the allowed block helpers', () => {
    expect(checkTemplate('Hi {{userName}} {{!-- note --}}{{#if a}}x{{else if b}}y{{else}}z{{/if}}{{#unless c}}n{{/unless}}')).toEqual([]);
    expect(checkTemplate('{{#each items}}{{name}} {{@index}} {{this}}{{/each}}{{#with user}}{{email}}{{/with}}')).toEqual([]);
    expect(checkTemplate('{{#each items as |item|}}{{item.name}}{{/each}}')).toEqual([]);
  });

  it('refuses triple-stash and {{& }}', () => {
    expect(messages('a {{{html}}}')).toEqual(['{{{html}}} is not allowed: use {{html}}, which escapes HTML.']);
    expect(messages('{{& html}}')).toHaveLength(1);
  });

  it('refuses partials, partial blocks, decorators and raw blocks', () => {
    expect(messages('{{> footer}}')).toEqual(['Partials ({{> name}}) are not allowed.']);
    expect(messages('{{#> layout}}x{{/layout}}')).toEqual(['Partials ({{> name}}) are not allowed.']);
    expect(messages('{{* decorator}}')).toEqual(['Decorators ({{* name}}) are not allowed.']);
    expect(messages('{{{{raw}}}} {{x}} {{{{/raw}}}}')).toEqual(['Raw blocks {{{{raw}}}} are not allowed.']);
  });

  it('refuses helpers outside the allowlist, inline or as blocks or sub-expressions', () => {
    expect(messages('{{log secret}}')[0]).toMatch(/^Helpers are not allowed: \{\{log …\}\}/);
    expect(messages('{{lookup user "name"}}')[0]).toMatch(/^Helpers are not allowed/);
    expect(messages('{{name key=1}}')[0]).toMatch(/^Helpers are not allowed/);
    expect(messages('{{#custom x}}y{{/custom}}')[0]).toMatch(/^\{\{#custom\}\} is not allowed: only \{\{#if\}\}, \{\{#unless\}\}, \{\{#each\}\}, \{\{#with\}\}/);
    // A mustache-style section ({{#name}}) would call blockHelperMissing.
    expect(messages('{{#user}}x{{/user}}')[0]).toMatch(/^\{\{#user\}\} is not allowed/);
    expect(messages('{{#if (eq a b)}}x{{/if}}')).toEqual(['Sub-expressions ( … ) are not allowed: they call helpers.']);
    expect(messages('{{#if a includeZero=true}}x{{/if}}')[0]).toMatch(/takes exactly one value/);
  });

  it('finds problems nested in blocks and reports where they are', () => {
    const issues = checkTemplate('line one\n{{#if a}}\n  {{{b}}}\n{{else}}\n  {{> p}}\n{{/if}}');
    expect(issues).toEqual([
      { line: 3, column: 3, message: '{{{b}}} is not allowed: use {{b}}, which escapes HTML.' },
      { line: 5, column: 3, message: 'Partials ({{> name}}) are not allowed.' },
    ]);
  });

  it('reports syntax errors with their line', () => {
    const [issue] = checkTemplate('ok\n{{#if a}}\nx\n{{/iff}}');
    expect(issue?.line).toBe(2);
    expect(issue?.message).toMatch(/^The template cannot be read: if doesn't match iff/);
    expect(checkTemplate('{{#if a}}')[0]?.message).toMatch(/^The template cannot be read/);
  });

  it('with known variables, names unknown top-level ones (not inside each/with)', () => {
    expect(messages('{{portalName}} {{usrName}}', ['portalName', 'userName'])).toEqual(['Unknown variable {{usrName}}. Available: portalName, userName.']);
    expect(messages('{{#if nope}}x{{/if}}', ['portalName'])).toHaveLength(1);
    expect(messages('{{#each items}}{{anything}}{{/each}}', ['items'])).toEqual([]);
    expect(messages('{{@root.portalName}} {{this.portalName}}', ['portalName'])).toEqual([]);
  });
});

describe('compileEmail', () => {
  const layout = '<html>{{subject}}|{{!-- body --}}|{{portalName}}</html>';

  it('lists every issue of every part, and compiles nothing', () => {
    const err = (() => {
      try {
        compileEmail({ subject: '{{{portalName}}}', text: 'ok', html: '{{> x}}' }, layout);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).part).toBe('subject');
    expect(() => compileEmail({ subject: 's', text: 't', html: 'h' }, '<html>no marker</html>')).toThrow(/exactly once/);
  });

  it('renders the body inside the layout, escaping in HTML only', () => {
    const t = compileEmail({ subject: 'Hello {{portalName}}', text: 'T {{portalName}}', html: '<p>{{portalName}}</p>' }, layout);
    expect(t.render({ portalName: 'A&B' })).toEqual({ subject: 'Hello A&B', text: 'T A&B\n', html: '<html>Hello A&amp;B|<p>A&amp;B</p>|A&amp;B</html>' });
  });

  it('is strict: a variable the data lacks throws instead of rendering empty', () => {
    const t = compileEmail({ subject: 's', text: '{{missing}}', html: 'h' }, layout);
    expect(() => t.render({ portalName: 'A' })).toThrow(/"missing" not defined/);
  });

  it('never reaches prototype properties', () => {
    const t = compileEmail({ subject: 's', text: '[{{user.constructor}}][{{user.__proto__}}]', html: 'h' }, layout);
    expect(t.render({ portalName: 'A', user: {} }).text).toBe('[][]\n');
  });
});
