// Button: portal paths resolve under the portal, external links open safely, unsafe targets are refused.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SAFE_HREF_MESSAGE } from '../_lib/safe-href';
import { testContext } from '../_lib/test-context';
import { button } from '.';

const render = (input: unknown) => renderToString(<button.Render id="b1" props={button.props.parse(input)} slots={{}} ctx={testContext()} />);

describe('button', () => {
  it('links portal paths through ctx.href', () => {
    const html = render({ label: 'Pay invoice', href: '/invoices' });
    expect(html).toContain('href="/p/customer/invoices"');
    expect(html).not.toContain('target=');
    expect(html).toContain('Pay invoice');
  });

  it('opens external links in a new tab with rel="noopener noreferrer"', () => {
    const html = render({ href: 'https://status.example.com' });
    expect(html).toContain('href="https://status.example.com"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('opens in a new tab');
  });

  it.each(['javascript:alert(1)', '//evil.example', 'data:text/html,x'])('refuses %s with a clear message', (href) => {
    const result = button.props.safeParse({ href });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]).toMatchObject({ path: ['href'], message: SAFE_HREF_MESSAGE });
  });

  it('escapes its label', () => {
    expect(render({ label: '<img src=x onerror=alert(1)>' })).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('needs a label', () => {
    expect(button.props.safeParse({ label: ' ' }).success).toBe(false);
  });
});
