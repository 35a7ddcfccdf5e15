// Quick links: a list of link cards with unique ids and safe links.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { quickLinks } from '.';

describe('quick links', () => {
  it('renders each link as a list item under the portal base', () => {
    const html = renderToString(<quickLinks.Render id="b1" props={quickLinks.props.parse({})} slots={{}} ctx={testContext()} />);
    expect(html.match(/<li/g)).toHaveLength(4);
    expect(html).toContain('href="/p/customer/invoices"');
    expect(html).toContain('aria-hidden="true"');
  });

  it('rejects duplicate ids, unsafe links and unknown icons', () => {
    expect(quickLinks.props.safeParse({ items: [{ id: 'a' }, { id: 'a' }] }).success).toBe(false);
    expect(quickLinks.props.safeParse({ items: [{ id: 'a', href: 'data:text/html,x' }] }).success).toBe(false);
    expect(quickLinks.props.safeParse({ items: [{ id: 'a', icon: 'rocket' }] }).success).toBe(false);
  });
});
