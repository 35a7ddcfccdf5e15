// The palette's grouping and search over the real block library.
import { describe, expect, it } from 'vitest';
import { blockList } from '../../../blocks';
import { groupBlocks, matchesQuery } from './palette-model';

describe('groupBlocks', () => {
  it('groups every block by category, in the fixed order, without empty categories', () => {
    const groups = groupBlocks(blockList, '');
    expect(groups.map((g) => g.id)).toEqual(['layout', 'content', 'navigation', 'data', 'self-service'].filter((c) => blockList.some((b) => b.category === c)));
    expect(groups.map((g) => g.id)).toContain('self-service');
    expect(groups.flatMap((g) => g.blocks).length).toBe(blockList.length);
    expect(groups[0]!.blocks.map((b) => b.type)).toContain('columns');
  });
  it('searches label, description and type, every word', () => {
    expect(groupBlocks(blockList, 'column').flatMap((g) => g.blocks.map((b) => b.type))).toContain('columns');
    expect(groupBlocks(blockList, 'QUICK links').flatMap((g) => g.blocks.map((b) => b.type))).toEqual(['quick-links']);
    expect(groupBlocks(blockList, 'zzz-nothing')).toEqual([]);
  });
  it('matches on the description too', () => {
    expect(matchesQuery({ label: 'Hero', description: 'A large opening band', type: 'hero' }, 'opening')).toBe(true);
    expect(matchesQuery({ label: 'Hero', description: 'A large opening band', type: 'hero' }, 'opening table')).toBe(false);
  });
});
