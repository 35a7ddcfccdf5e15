// Every action a block declares has exactly one server handler, and every handler belongs to an
// action some block declares: an action cannot be shown without a server side, nor a server side
// be reachable without a block that declares (and gates) it.
import { describe, expect, it } from 'vitest';
import { blockList } from '../../blocks';
import { actionHandlers } from './handlers';

describe('block actions and their handlers', () => {
  const declared = blockList.flatMap((def) => Object.keys(def.actions ?? {}).map((a) => `${def.type}.${a}`)).sort();

  it('has a handler for each declared action', () => {
    expect(declared.filter((k) => !Object.hasOwn(actionHandlers, k))).toEqual([]);
  });

  it('has no handler without a declaring block', () => {
    expect(Object.keys(actionHandlers).filter((k) => !declared.includes(k))).toEqual([]);
  });

  it('gives every action a strict input schema and a label', () => {
    for (const def of blockList) {
      for (const [name, action] of Object.entries(def.actions ?? {})) {
        expect(action.label, `${def.type}.${name}`).toMatch(/\S/);
        // Unknown keys are refused: an action's input cannot carry fields it does not name.
        expect(action.input.safeParse({ __unknown_key__: 1 }).success, `${def.type}.${name}`).toBe(false);
      }
    }
  });
});
