import { describe, expect, it } from 'vitest';
import type { BlockNode } from '../schema/document';
import type { Requirement } from './requirements';
import { anonymousViewer, decideVisibility, filterBlocks, type HiddenBlock, type Viewer } from './visibility';

const signedIn = (roles: string[] = [], grants: string[] = []): Viewer => ({
  key: `${roles}|${grants}`,
  signedIn: true,
  roles,
  can: (r: Requirement) => grants.includes('action' in r ? r.action : `${r.entity}.${r.op}`),
});
const none = () => [];

describe('decideVisibility', () => {
  const table: [string, Parameters<typeof decideVisibility>[0], Requirement[], Viewer, boolean, string?][] = [
    ['no rules, anonymous', undefined, [], anonymousViewer, true],
    ['public audience, anonymous', { audience: 'public' }, [], anonymousViewer, true],
    ['signed-in audience, anonymous', { audience: 'signed-in' }, [], anonymousViewer, false, 'audience'],
    ['signed-in audience, signed in', { audience: 'signed-in' }, [], signedIn(), true],
    ['roles, anonymous', { roles: ['viewer'] }, [], anonymousViewer, false, 'roles'],
    ['roles, signed in without the role', { roles: ['owner'] }, [], signedIn(['viewer']), false, 'roles'],
    ['roles, any of them', { roles: ['owner', 'viewer'] }, [], signedIn(['viewer']), true],
    ['empty role list means no role rule', { roles: [] }, [], anonymousViewer, true],
    ['requires a grant the viewer lacks', undefined, [{ entity: 'invoice', op: 'read' }], signedIn(), false, 'requires'],
    ['requires a grant the viewer has', undefined, [{ entity: 'invoice', op: 'read' }], signedIn([], ['invoice.read']), true],
    ['requires an action', undefined, [{ action: 'invoices.pay' }], signedIn([], ['invoices.pay']), true],
    ['requirements are all needed', undefined, [{ entity: 'invoice', op: 'read' }, { action: 'invoices.pay' }], signedIn([], ['invoice.read']), false, 'requires'],
  ];
  for (const [name, vis, reqs, viewer, visible, reason] of table) {
    it(name, () => {
      const d = decideVisibility(vis, reqs, viewer);
      expect(d.visible).toBe(visible);
      if (!d.visible) expect(d.reason.kind).toBe(reason);
    });
  }
});

describe('filterBlocks', () => {
  const tree: BlockNode[] = [
    { id: 'a', type: 'heading', props: { text: 'public' } },
    {
      id: 's',
      type: 'section',
      props: {},
      slots: {
        body: [
          { id: 'b', type: 'heading', props: { text: 'members' }, visibility: { audience: 'signed-in' } },
          { id: 'c', type: 'heading', props: { text: 'all' } },
        ],
      },
    },
    { id: 'h', type: 'section', props: {}, visibility: { roles: ['owner'] }, slots: { body: [{ id: 'inner', type: 'heading', props: { text: 'inner' } }] } },
  ];

  it('removes hidden blocks with their subtrees and reports the topmost ones', () => {
    const hidden: HiddenBlock[] = [];
    const out = filterBlocks(tree, anonymousViewer, none, hidden);
    expect(JSON.stringify(out)).not.toContain('members');
    expect(JSON.stringify(out)).not.toContain('inner');
    expect(out.map((n) => n.id)).toEqual(['a', 's']);
    expect(out[1]!.slots!.body!.map((n) => n.id)).toEqual(['c']);
    expect(hidden.map((h) => [h.id, h.reason.kind])).toEqual([
      ['b', 'audience'],
      ['h', 'roles'],
    ]);
  });

  it('keeps untouched subtrees by identity and drops visibility rules from what it returns', () => {
    const out = filterBlocks(tree, signedIn(['owner']), none);
    expect(out[0]).toBe(tree[0]);
    expect(out[2]!.visibility).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain('visibility');
  });

  it('returns the same array when nothing changes', () => {
    const plain: BlockNode[] = [{ id: 'a', type: 'heading', props: {} }];
    expect(filterBlocks(plain, anonymousViewer, none)).toBe(plain);
  });

  it('applies the block requirements', () => {
    const out = filterBlocks(tree, signedIn(['owner']), (n) => (n.id === 'c' ? [{ entity: 'invoice', op: 'read' }] : []));
    expect(out[1]!.slots!.body!.map((n) => n.id)).toEqual(['b']);
  });
});
