// Reading order of a page: slots in declared order, whatever the key order of the stored object.
import { describe, expect, it } from 'vitest';
import { childrenAt, documentOrder, firstChildOf, isContainer, slotsOf } from './tree-order';
import { columns, heading, samplePage } from './test-page';

describe('tree order', () => {
  it('lists slots in the order the block declares them, empty ones included', () => {
    const cols = columns('c', [[heading('one')], [], [heading('three')]]);
    expect(slotsOf(cols).map(([name, children]) => [name, children.length])).toEqual([
      ['col1', 1],
      ['col2', 0],
      ['col3', 1],
    ]);
    expect(isContainer(cols)).toBe(true);
    expect(isContainer(heading('h'))).toBe(false);
    expect(slotsOf({ id: 'u', type: 'no-such-block', props: {} })).toEqual([]);
  });
  it('walks the page in reading order', () => {
    expect(documentOrder(samplePage())).toEqual(['a', 's', 'b', 'c', 'cols', 'x', 'd']);
    expect(firstChildOf(columns('c', [[], [heading('late')]]))?.id).toBe('late');
  });
  it('finds the list a position points into', () => {
    const page = samplePage();
    expect(childrenAt(page, null, null)).toBe(page);
    expect(childrenAt(page, 'cols', 'col2')).toEqual([]);
    expect(childrenAt(page, 's', 'body')?.map((n) => n.id)).toEqual(['b', 'c']);
    expect(childrenAt(page, 'ghost', 'body')).toBeUndefined();
  });
});
