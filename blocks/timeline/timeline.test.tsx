// Timeline: an ordered list of entries (summary, time, actor), and calm empty states.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TimelineResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { timeline } from '.';

const render = (props: unknown, data: unknown, mode: 'runtime' | 'builder' = 'runtime') =>
  renderToString(<timeline.Render id="b_tl" props={timeline.props.parse(props)} slots={{}} data={data} ctx={testContext({ mode })} />);

const result: TimelineResult = {
  kind: 'timeline',
  entityType: 'contract',
  found: true,
  entries: [
    { at: '2026-03-02T10:15:00.000Z', actor: 'You', summary: 'Changed Delivery address', fields: ['Delivery address'] },
    { at: '2026-03-01T08:00:00.000Z', actor: 'Customer service', summary: 'Contract created', fields: [] },
  ],
};

describe('timeline', () => {
  it('lists entries newest first with time and actor', () => {
    const html = render({ heading: 'History' }, result);
    expect(html).toContain('<ol class="pb-timeline__list">');
    expect(html.match(/<li /g)).toHaveLength(2);
    expect(html.indexOf('Changed Delivery address')).toBeLessThan(html.indexOf('Contract created'));
    expect(html).toContain('<time dateTime="2026-03-02T10:15:00.000Z">Mar 2, 2026, 10:15 AM UTC</time>');
    expect(html).toContain('Customer service');
    expect(html).toContain('aria-labelledby="b_tl-h"');
  });

  it('has calm empty states', () => {
    expect(render({}, { ...result, entries: [] })).toContain('Nothing has happened here yet.');
    expect(render({}, { ...result, found: false, entries: [] })).toContain('There is no history to show.');
    expect(render({}, undefined)).toContain('There is no history to show.');
    expect(render({}, { kind: 'error', message: 'broken' })).toContain('broken');
  });

  it('describes itself in the builder and asks for the record’s timeline', () => {
    expect(render({ limit: 5 }, undefined, 'builder')).toContain('latest 5 events');
    expect(timeline.data!(timeline.props.parse({ param: 'contractId', limit: 50 }))).toEqual({ kind: 'timeline', entityType: 'contract', param: 'contractId', limit: 50 });
    expect(timeline.props.safeParse({ limit: 0 }).success).toBe(false);
    expect(timeline.props.safeParse({ limit: 101 }).success).toBe(false);
  });
});
