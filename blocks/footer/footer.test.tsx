// Footer: link columns through safe links, copyright defaulting to the portal name.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { footer } from '.';

const render = (input: unknown) => renderToString(<footer.Render id="b1" props={footer.props.parse(input)} slots={{}} ctx={testContext()} />);

describe('footer', () => {
  it('defaults the copyright to the portal name', () => {
    expect(render({})).toContain('© Acme Energy');
    expect(render({ copyright: '© 2025 Acme Energy Ltd.' })).toContain('© 2025 Acme Energy Ltd.');
  });

  it('renders columns of links, portal paths under the portal base', () => {
    const html = render({ columns: [{ title: 'Help', links: [{ label: 'FAQ', href: '/faq' }, { label: 'Status', href: 'https://status.example.com' }] }] });
    expect(html).toContain('href="/p/customer/faq"');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('refuses unsafe links in nested lists', () => {
    const result = footer.props.safeParse({ columns: [{ title: 'x', links: [{ label: 'x', href: 'javascript:alert(1)' }] }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['columns', 0, 'links', 0, 'href']);
  });
});
