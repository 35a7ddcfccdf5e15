// ListSection: the heading labels the section only when there is one, the sample and the live
// region appear only when given, and the body follows.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListSection } from './list-section';

describe('ListSection', () => {
  it('labels the section by its heading, with a live region for the outcome', () => {
    const html = renderToString(
      <ListSection className="pb-x" heading="Your things" headingId="b-heading" sample={<p>sample</p>} outcome={null}>
        <ul />
      </ListSection>,
    );
    expect(html).toBe('<section class="pb-x" aria-labelledby="b-heading"><h2 class="pd-heading" id="b-heading">Your things</h2><p>sample</p><div aria-live="polite"></div><ul></ul></section>');
  });

  it('leaves out the heading, the sample and the live region when not given', () => {
    const html = renderToString(
      <ListSection className="pb-x" heading="" headingId="b-heading">
        <ul />
      </ListSection>,
    );
    expect(html).toBe('<section class="pb-x"><ul></ul></section>');
  });

  it('announces an answer', () => {
    expect(renderToString(<ListSection className="pb-x" heading="" headingId="h" outcome={{ ok: true, message: 'Done.' }}>{null}</ListSection>)).toContain('Done.');
  });
});
