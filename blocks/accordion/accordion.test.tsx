// Accordion: native <details> grouped by name when only one may be open; unique ids; plain-text answers.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { accordion } from '.';

const render = (input: unknown) => renderToString(<accordion.Render id="b1" props={accordion.props.parse(input)} slots={{}} ctx={testContext()} />);

describe('accordion', () => {
  it('groups items under one name so only one opens at a time', () => {
    const html = render({});
    const names = [...html.matchAll(/<details[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(1);
    expect(html.match(/<summary/g)).toHaveLength(3);
  });

  it('lets several open when allowMultiple is on', () => {
    expect(render({ allowMultiple: true })).not.toMatch(/<details[^>]*name=/);
  });

  it('renders answers as escaped plain-text paragraphs', () => {
    const html = render({ items: [{ id: 'q', question: 'Why <b>?', answer: 'First line\nsecond line\n\n<script>x</script>' }] });
    expect(html).toContain('Why &lt;b&gt;?');
    expect(html).toContain('<p>First line\nsecond line</p><p>&lt;script&gt;x&lt;/script&gt;</p>');
  });

  it('rejects duplicate ids and empty lists', () => {
    const dup = accordion.props.safeParse({ items: [{ id: 'a', question: 'A' }, { id: 'a', question: 'B' }] });
    expect(dup.success).toBe(false);
    if (!dup.success) expect(dup.error.issues[0]?.message).toBe('question ids must be unique: "a" is used more than once');
    expect(accordion.props.safeParse({ items: [] }).success).toBe(false);
  });
});
