// Test-only: a realistic RenderContext (a signed-in customer of the demo energy portal). Not for runtime use.
import type { LocalizedText } from '../../core';
import type { RenderContext } from './define-block';

export function testContext(overrides: Partial<RenderContext> = {}): RenderContext {
  const basePath = '/p/customer';
  const locale = overrides.locale ?? 'en';
  return {
    mode: 'runtime',
    locale,
    portal: { name: 'Acme Energy', slug: 'customer', basePath },
    user: { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@customer.example' },
    href: (path: string) => (path === '/' ? `${basePath}/` : `${basePath}${path}`),
    params: {},
    t: (text: LocalizedText | string | undefined) => {
      if (text === undefined) return '';
      if (typeof text === 'string') return text;
      return text[locale] ?? Object.values(text)[0] ?? '';
    },
    ...overrides,
  };
}
