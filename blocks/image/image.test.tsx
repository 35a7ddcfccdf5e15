// Image: alt text is required for a chosen, non-decorative image; the box is reserved before loading.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ALT_REQUIRED_MESSAGE } from '../_lib/assets';
import { testContext } from '../_lib/test-context';
import { image } from '.';

const render = (input: unknown, ctx = testContext()) =>
  renderToString(<image.Render id="b1" props={image.props.parse(input)} slots={{}} ctx={ctx} />);

describe('image', () => {
  it('requires alt text for a chosen image, with a clear message on the alt field', () => {
    const result = image.props.safeParse({ src: '/uploads/meter.jpg' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toEqual([expect.objectContaining({ path: ['alt'], message: ALT_REQUIRED_MESSAGE })]);
    expect(image.props.safeParse({ src: '/uploads/meter.jpg', alt: '   ' }).success).toBe(false);
  });

  it('accepts a decorative image without alt text and renders alt=""', () => {
    const html = render({ src: '/uploads/pattern.png', decorative: true, alt: 'ignored' });
    expect(html).toContain('alt=""');
    expect(html).not.toContain('ignored');
  });

  it('renders alt text, size attributes, aspect ratio and lazy loading', () => {
    const html = render({ src: '/_assets/meter.jpg', alt: 'A smart meter on a wall', width: 800, height: 600, caption: 'Your meter' });
    expect(html).toContain('alt="A smart meter on a wall"');
    expect(html).toContain('width="800"');
    expect(html).toContain('height="600"');
    expect(html).toContain('aspect-ratio:800 / 600');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('<figcaption class="pb-image__caption">Your meter</figcaption>');
  });

  it('only accepts uploaded assets and https sources', () => {
    expect(image.props.safeParse({ src: 'javascript:alert(1)', alt: 'x' }).success).toBe(false);
    expect(image.props.safeParse({ src: 'http://example.com/a.jpg', alt: 'x' }).success).toBe(false);
    expect(image.props.safeParse({ src: 'https://cdn.example.com/a.jpg', alt: 'x' }).success).toBe(true);
  });

  it('takes whole-pixel sizes only', () => {
    expect(image.props.safeParse({ width: 10.5 }).success).toBe(false);
    expect(image.props.safeParse({ height: 0 }).success).toBe(false);
  });

  it('shows a placeholder in the builder until an image is chosen, and nothing to customers', () => {
    expect(render({}, testContext({ mode: 'builder' }))).toContain('Choose an image');
    expect(render({})).toBe('<figure class="pb-image pb-image--empty" hidden=""></figure>');
  });
});
