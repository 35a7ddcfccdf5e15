// Columns: 2 to 4 columns, one slot per column.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { slotNamesOf } from '../_lib/define-block';
import { testContext } from '../_lib/test-context';
import { MAX_COLUMNS, MIN_COLUMNS, columnSlotNames, columns } from '.';

describe('columns', () => {
  it.each([2, 3, 4])('accepts %i columns and derives col1…col%i', (count) => {
    const props = columns.props.parse({ count });
    expect(slotNamesOf(columns, props)).toEqual(columnSlotNames(count));
    expect(slotNamesOf(columns, props)).toHaveLength(count);
  });

  it.each([0, 1, 5, 2.5, -3])('rejects %d columns', (count) => {
    expect(columns.props.safeParse({ count }).success).toBe(false);
  });

  it('explains the bounds', () => {
    const low = columns.props.safeParse({ count: 1 });
    const high = columns.props.safeParse({ count: 5 });
    expect(low.success || low.error.issues[0]?.message).toBe(`use at least ${MIN_COLUMNS} columns`);
    expect(high.success || high.error.issues[0]?.message).toBe(`use at most ${MAX_COLUMNS} columns`);
  });

  it('renders each slot in its own column, in order', () => {
    const props = columns.props.parse({ count: 3, stackOnMobile: false });
    const html = renderToString(
      <columns.Render id="b1" props={props} slots={{ col1: <b>one</b>, col2: <b>two</b>, col3: <b>three</b> }} ctx={testContext()} />,
    );
    expect(html.match(/class="pb-columns__col"/g)).toHaveLength(3);
    expect(html.indexOf('one')).toBeLessThan(html.indexOf('two'));
    expect(html.indexOf('two')).toBeLessThan(html.indexOf('three'));
    expect(html).toContain('pb-columns--n3');
    expect(html).not.toContain('pb-columns--stack');
  });
});
