// Hero: alt rules per layout, overlay for background images, safe call to action.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { hero } from '.';

const render = (input: unknown) => renderToString(<hero.Render id="b1" props={hero.props.parse(input)} slots={{}} ctx={testContext()} />);

describe('hero', () => {
  it('requires alt text for an image beside the text', () => {
    const result = hero.props.safeParse({ imageSrc: '/uploads/team.jpg' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['imageAlt']);
    expect(hero.props.safeParse({ imageSrc: '/uploads/team.jpg', imageDecorative: true }).success).toBe(true);
  });

  it('treats a background image as decoration, under an overlay', () => {
    const html = render({ imageSrc: '/uploads/wind.jpg', layout: 'background' });
    expect(html).toContain('pb-hero--background');
    expect(html).toContain('pb-hero__overlay');
    expect(html).toMatch(/<img[^>]*alt=""/);
  });

  it('shows the image beside the text with its alt text and reserved size', () => {
    const html = render({ imageSrc: '/uploads/team.jpg', imageAlt: 'Our service team', layout: 'image-left' });
    expect(html).toContain('pb-hero--image-left');
    expect(html).toContain('alt="Our service team"');
    expect(html).toContain('aspect-ratio:1200 / 900');
  });

  it('falls back to text only without an image', () => {
    const html = render({ layout: 'background' });
    expect(html).toContain('pb-hero--text-only');
    expect(html).not.toContain('<img');
  });

  it('shows the call to action only with both label and link', () => {
    expect(render({ ctaLabel: 'See invoices' })).not.toContain('See invoices');
    expect(render({ ctaLabel: 'See invoices', ctaHref: '/invoices' })).toContain('href="/p/customer/invoices"');
    expect(hero.props.safeParse({ ctaHref: 'javascript:alert(1)' }).success).toBe(false);
  });
});
