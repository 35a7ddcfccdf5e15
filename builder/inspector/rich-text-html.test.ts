import { describe, expect, it } from 'vitest';
import { cleanRichHtml, plainTextToHtml, type MiniNode } from './rich-text-html';

// A tiny stand-in for DOM nodes: el('p', {}, 'text', el('b', {}, 'bold')).
const text = (value: string): MiniNode => ({ nodeType: 3, nodeName: '#text', nodeValue: value, childNodes: [] });
function el(name: string, attrs: Record<string, string>, ...children: (MiniNode | string)[]): MiniNode {
  return {
    nodeType: 1,
    nodeName: name.toUpperCase(),
    nodeValue: null,
    childNodes: children.map((c) => (typeof c === 'string' ? text(c) : c)),
    getAttribute: (n) => attrs[n] ?? null,
  };
}
const root = (...children: (MiniNode | string)[]) => el('div', {}, ...children);

describe('cleanRichHtml', () => {
  it('keeps paragraphs, headings, lists, links and emphasis', () => {
    const html = cleanRichHtml(
      root(
        el('h2', {}, 'Title'),
        el('p', {}, 'Hello ', el('strong', {}, 'you'), ' and ', el('em', {}, 'them')),
        el('ul', {}, el('li', {}, 'one'), el('li', {}, 'two')),
        el('ol', {}, el('li', {}, el('a', { href: '/invoices' }, 'Invoices'))),
      ),
    );
    expect(html).toBe('<h2>Title</h2><p>Hello <strong>you</strong> and <em>them</em></p><ul><li>one</li><li>two</li></ul><ol><li><a href="/invoices">Invoices</a></li></ol>');
  });

  it('renames what browsers emit: b, i, div, h1', () => {
    expect(cleanRichHtml(root(el('div', {}, el('b', {}, 'a'), el('i', {}, 'b')), el('h1', {}, 'c')))).toBe('<p><strong>a</strong><em>b</em></p><h2>c</h2>');
  });

  it('wraps loose first-line text in a paragraph', () => {
    expect(cleanRichHtml(root('First line', el('p', {}, 'Second')))).toBe('<p>First line</p><p>Second</p>');
    expect(cleanRichHtml(root('a', el('br', {}), 'b'))).toBe('<p>a<br>b</p>');
  });

  it('drops attributes, styles, scripts and unknown tags (keeping their text)', () => {
    const html = cleanRichHtml(
      root(el('p', { style: 'color:red', class: 'x' }, el('span', { style: 'font-weight:bold' }, 'kept'), el('script', {}, 'alert(1)'), el('font', {}, ' too'))),
    );
    expect(html).toBe('<p>kept too</p>');
  });

  it('keeps only safe links', () => {
    expect(cleanRichHtml(root(el('p', {}, el('a', { href: 'javascript:alert(1)' }, 'bad'))))).toBe('<p>bad</p>');
    expect(cleanRichHtml(root(el('p', {}, el('a', { href: 'https://example.com/?a=1&b="2"' }, 'ok'))))).toBe(
      '<p><a href="https://example.com/?a=1&amp;b=&quot;2&quot;">ok</a></p>',
    );
  });

  it('escapes text', () => {
    expect(cleanRichHtml(root(el('p', {}, '<img src=x onerror=alert(1)> & \u00a0')))).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &nbsp;</p>');
  });

  it('unwraps blocks nested in blocks, and drops empty list items', () => {
    expect(cleanRichHtml(root(el('ul', {}, el('li', {}, el('div', {}, 'a'), el('div', {}, 'b')), el('li', {}, el('br', {})), '\n  ')))).toBe('<ul><li>a<br>b<br></li></ul>');
  });

  it('splits a paragraph around a list the browser nested in it', () => {
    expect(cleanRichHtml(root(el('p', {}, 'Intro', el('ul', {}, el('li', {}, 'one')), 'after')))).toBe('<p>Intro</p><ul><li>one</li></ul><p>after</p>');
    expect(cleanRichHtml(root(el('p', {}, el('ol', {}, el('li', {}, 'one')))))).toBe('<ol><li>one</li></ol>');
    expect(cleanRichHtml(root(el('p', {})))).toBe('');
    expect(cleanRichHtml(root(el('p', {}, 'a'), el('p', {}, el('br', {})), el('p', {}, 'b')))).toBe('<p>a</p><p><br></p><p>b</p>');
  });

  it('gives an empty string for an empty editor', () => {
    expect(cleanRichHtml(root())).toBe('');
    expect(cleanRichHtml(root(el('p', {}, el('br', {}))))).toBe('');
    expect(cleanRichHtml(root('  \n '))).toBe('');
  });
});

describe('plainTextToHtml', () => {
  it('makes paragraphs of blank-line separated text, with breaks for single newlines', () => {
    expect(plainTextToHtml('One\nline two\r\n\r\nThree <b>')).toBe('<p>One<br>line two</p><p>Three &lt;b&gt;</p>');
    expect(plainTextToHtml('\n\n')).toBe('');
  });
});
