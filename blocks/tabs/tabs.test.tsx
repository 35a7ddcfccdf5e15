// Tabs: slots follow the tab ids, ids are unique and slot-safe, markup and keys follow the APG tabs pattern.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { slotNamesOf } from '../_lib/define-block';
import { testContext } from '../_lib/test-context';
import { nextTabIndex, tabs } from '.';

const parse = (input: unknown) => tabs.props.safeParse(input);

describe('tabs', () => {
  it('derives one slot per tab, named by its id, in order', () => {
    const props = tabs.props.parse({ tabs: [{ id: 'usage', label: 'Usage' }, { id: 'billing', label: 'Billing' }, { id: 'docs' }] });
    expect(slotNamesOf(tabs, props)).toEqual(['usage', 'billing', 'docs']);
    expect(props.tabs[2]?.label).toBe('Tab');
    expect(slotNamesOf(tabs, tabs.props.parse({}))).toEqual(['overview', 'details']);
  });

  it('rejects duplicate tab ids with a clear message at the duplicate', () => {
    const result = parse({ tabs: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'a', label: 'Again' }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toHaveLength(1);
    expect(result.error.issues[0]?.path).toEqual(['tabs', 2, 'id']);
    expect(result.error.issues[0]?.message).toBe('tab ids must be unique: "a" is used more than once');
  });

  it.each([['1st'], ['has space'], ['__proto__'], ['constructor'], ['toString'], [''], ['x'.repeat(65)]])('rejects the tab id %j', (id) => {
    expect(parse({ tabs: [{ id, label: 'A' }] }).success).toBe(false);
  });

  it('needs between 1 and 8 tabs, each with a label', () => {
    expect(parse({ tabs: [] }).success).toBe(false);
    const many = Array.from({ length: 9 }, (_, i) => ({ id: `t${i}`, label: `T${i}` }));
    expect(parse({ tabs: many }).success).toBe(false);
    expect(parse({ tabs: many.slice(0, 8) }).success).toBe(true);
    expect(parse({ tabs: [{ id: 'a', label: '  ' }] }).success).toBe(false);
    expect(parse({ tabs: [{ id: 'a', label: 'A', extra: 1 }] }).success).toBe(false);
  });

  it('renders a tablist with the first tab selected and the others hidden', () => {
    const props = tabs.props.parse({});
    const html = renderToString(
      <tabs.Render id="b1" props={props} slots={{ overview: <p>First</p>, details: <p>Second</p> }} ctx={testContext()} />,
    );
    expect(html).toContain('role="tablist"');
    const tabTags = html.match(/<button[^>]*role="tab"[^>]*>/g) ?? [];
    expect(tabTags).toHaveLength(2);
    expect(tabTags[0]).toContain('aria-selected="true"');
    expect(tabTags[0]).toContain('tabindex="0"');
    expect(tabTags[1]).toContain('aria-selected="false"');
    expect(tabTags[1]).toContain('tabindex="-1"');
    const panels = html.match(/<div[^>]*role="tabpanel"[^>]*>/g) ?? [];
    expect(panels).toHaveLength(2);
    expect(panels[0]).not.toContain('hidden');
    expect(panels[1]).toContain('hidden');
    // Each tab controls its panel, and each panel is labelled by its tab.
    const controls = [...html.matchAll(/aria-controls="([^"]+)"/g)].map((m) => m[1]);
    const labelled = [...html.matchAll(/aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    for (const id of controls) expect(html).toContain(`id="${id}"`);
    for (const id of labelled) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('<p>First</p>');
    expect(html).toContain('<p>Second</p>');
  });

  it('does not render inherited members as slot content (say, an unvalidated draft in the builder)', () => {
    const props = { tabs: [{ id: 'valueOf', label: 'V' }], variant: 'underline' as const };
    expect(() => renderToString(<tabs.Render id="b1" props={props} slots={{}} ctx={testContext()} />)).not.toThrow();
  });

  it('moves with arrows (wrapping), Home and End, and ignores other keys', () => {
    expect(nextTabIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextTabIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextTabIndex('ArrowLeft', 2, 3)).toBe(1);
    expect(nextTabIndex('Home', 2, 3)).toBe(0);
    expect(nextTabIndex('End', 0, 3)).toBe(2);
    expect(nextTabIndex('ArrowDown', 0, 3)).toBeNull();
    expect(nextTabIndex('Enter', 0, 3)).toBeNull();
  });
});
