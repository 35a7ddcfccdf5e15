// Property-based checks of the tree operations: random forests, random sequences of valid and invalid
// operations, and the invariants that must hold after every step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockNode } from '../schema/document';
import { duplicateNode } from './duplicate';
import { collectIds, countNodes, findNode, walk } from './find';
import { insertNode } from './insert';
import { moveNode } from './move';
import { removeNode } from './remove';
import { deepFreeze, treeErrorCode } from './test-helpers';
import type { TreeErrorCode, TreeLocation } from './types';
import { updateProps } from './update';

type Shape = { slots: [string, Shape[]][] };

const slotName = fc.constantFrom('body', 'aside', 'footer');

const shapeArb = (depth: number): fc.Arbitrary<Shape> =>
  depth <= 0
    ? fc.constant({ slots: [] })
    : fc.oneof(
        fc.constant<Shape>({ slots: [] }),
        fc.record({
          slots: fc.uniqueArray(fc.tuple(slotName, fc.array(shapeArb(depth - 1), { maxLength: 3 })), {
            maxLength: 2,
            selector: ([name]) => name,
          }),
        }),
      );

/** Turns a shape into nodes whose ids come from `nextId`, unique by construction. */
function materialize(shapes: Shape[], nextId: () => string): BlockNode[] {
  return shapes.map((s) => {
    const id = nextId();
    const node: BlockNode = { id, type: s.slots.length ? 'section' : 'heading', props: { label: id } };
    if (s.slots.length) node.slots = Object.fromEntries(s.slots.map(([name, children]) => [name, materialize(children, nextId)]));
    return node;
  });
}

const idSource = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${n++}`;
};

const forestArb = fc.array(shapeArb(3), { maxLength: 5 }).map((shapes) => materialize(shapes, idSource('n')));

/** A pick < 0 names a block that does not exist; otherwise it selects one of the current ids. */
const pickArb = fc.integer({ min: -1, max: 1000 });
const targetArb = fc.record({
  pick: pickArb,
  root: fc.boolean(),
  // Mostly well-formed; sometimes a slot at the root, or no slot inside a block.
  slot: fc.oneof({ arbitrary: slotName, weight: 5 }, { arbitrary: fc.constant(undefined), weight: 1 }),
  index: fc.integer({ min: -2, max: 8 }),
});
type Target = { pick: number; root: boolean; slot: string | undefined; index: number };

type Op =
  | { kind: 'insert'; at: Target; shape: Shape; clashPick: number | null }
  | { kind: 'move'; pick: number; to: Target }
  | { kind: 'remove'; pick: number }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'update'; pick: number; patch: Record<string, unknown> };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: targetArb, shape: shapeArb(2), clashPick: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.nat(), weight: 1 }) }),
  fc.record({ kind: fc.constant('move' as const), pick: pickArb, to: targetArb }),
  fc.record({ kind: fc.constant('remove' as const), pick: pickArb }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: pickArb }),
  fc.record({
    kind: fc.constant('update' as const),
    pick: pickArb,
    patch: fc.dictionary(fc.constantFrom('label', 'text', 'n'), fc.oneof(fc.constant(undefined), fc.string({ maxLength: 4 }), fc.integer()), {
      maxKeys: 3,
      noNullPrototype: true,
    }),
  }),
);

const pickId = (ids: string[], pick: number): string => (pick < 0 || ids.length === 0 ? 'ghost' : (ids[pick % ids.length] ?? 'ghost'));

function toLocation(ids: string[], t: Target): TreeLocation {
  if (t.root) return { parentId: null, ...(t.slot === 'footer' ? { slot: 'footer' } : {}), index: t.index };
  return { parentId: pickId(ids, t.pick), slot: t.slot, index: t.index };
}

/** Fails on any node or list object met twice, so it terminates even on a cyclic graph. */
function assertIsTree(forest: BlockNode[]): void {
  const seen = new Set<object>();
  const visit = (list: BlockNode[]) => {
    expect(seen.has(list)).toBe(false);
    seen.add(list);
    for (const node of list) {
      expect(seen.has(node)).toBe(false);
      seen.add(node);
      for (const children of Object.values(node.slots ?? {})) visit(children);
    }
  };
  visit(forest);
  const ids = collectIds(forest);
  expect(new Set(ids).size).toBe(ids.length);
}

function ancestorsOrSelf(forest: BlockNode[], id: string | null): string[] {
  const out: string[] = [];
  for (let cur = id; cur !== null; ) {
    out.push(cur);
    cur = findNode(forest, cur)?.parentId ?? null;
  }
  return out;
}

/** Nodes off the path from the root to a change must be the very same objects afterwards. */
function assertShared(before: BlockNode[], after: BlockNode[], touched: (string | null)[]): void {
  const spine = new Set(touched.flatMap((id) => ancestorsOrSelf(before, id)));
  walk(before, (node) => {
    if (spine.has(node.id)) return;
    const now = findNode(after, node.id);
    if (now) expect(now.node).toBe(node);
    return 'skip';
  });
}

type Outcome = { result: BlockNode[]; delta: number; touched: (string | null)[]; check?: (out: BlockNode[]) => void };

/** Runs one operation and returns the error code the model predicts, or the outcome to verify. */
function plan(forest: BlockNode[], op: Op, step: number): { expected: TreeErrorCode; run: () => unknown } | { run: () => Outcome } {
  const ids = collectIds(forest);
  const badShape = (at: TreeLocation) => (at.parentId === null ? at.slot !== undefined : !at.slot);
  switch (op.kind) {
    case 'insert': {
      const at = toLocation(ids, op.at);
      const [node] = materialize([op.shape], idSource(`x${step}_`));
      if (!node) throw new Error('unreachable');
      if (op.clashPick !== null && ids.length) node.id = pickId(ids, op.clashPick);
      const run = () => insertNode(forest, node, at);
      if (badShape(at) || (at.parentId !== null && !ids.includes(at.parentId))) return { expected: 'INVALID_LOCATION', run };
      if (ids.includes(node.id)) return { expected: 'DUPLICATE_ID', run };
      return {
        run: () => ({
          result: run(),
          delta: countNodes([node]),
          touched: [at.parentId],
          check: (out: BlockNode[]) => {
            const where = findNode(out, node.id);
            expect(where?.node).toBe(node);
            expect(where?.parentId).toBe(at.parentId);
            const siblings = at.parentId === null ? forest : (findNode(forest, at.parentId)?.node.slots?.[at.slot ?? ''] ?? []);
            expect(where?.index).toBe(Math.min(Math.max(at.index, 0), siblings.length));
          },
        }),
      };
    }
    case 'move': {
      const id = pickId(ids, op.pick);
      const to = toLocation(ids, op.to);
      const run = () => moveNode(forest, id, to);
      const from = findNode(forest, id);
      if (!from) return { expected: 'NOT_FOUND', run };
      if (badShape(to) || (to.parentId !== null && !ids.includes(to.parentId))) return { expected: 'INVALID_LOCATION', run };
      if (to.parentId !== null && ancestorsOrSelf(forest, to.parentId).includes(id)) return { expected: 'CYCLE', run };
      return {
        run: () => ({
          result: run(),
          delta: 0,
          touched: [from.parentId, to.parentId],
          check: (out: BlockNode[]) => {
            const where = findNode(out, id);
            expect(where?.node).toBe(from.node);
            expect(where?.parentId).toBe(to.parentId);
            const siblings = to.parentId === null ? out : (findNode(out, to.parentId)?.node.slots?.[to.slot ?? ''] ?? []);
            // Index counted after removal: the list now holds the node, so its length is that + 1.
            expect(where?.index).toBe(Math.min(Math.max(to.index, 0), siblings.length - 1));
          },
        }),
      };
    }
    case 'remove': {
      const id = pickId(ids, op.pick);
      const run = () => removeNode(forest, id);
      const found = findNode(forest, id);
      if (!found) return { expected: 'NOT_FOUND', run };
      const gone = new Set(collectIds([found.node]));
      return {
        run: () => ({
          result: run(),
          delta: -gone.size,
          touched: [found.parentId],
          check: (out: BlockNode[]) => expect(collectIds(out)).toEqual(ids.filter((i) => !gone.has(i))),
        }),
      };
    }
    case 'duplicate': {
      const id = pickId(ids, op.pick);
      const makeId = idSource(`d${step}_`);
      const run = () => duplicateNode(forest, id, makeId);
      const found = findNode(forest, id);
      if (!found) return { expected: 'NOT_FOUND', run };
      return {
        run: () => {
          const { forest: result, id: copyId } = run();
          return {
            result,
            delta: countNodes([found.node]),
            touched: [found.parentId],
            check: (out: BlockNode[]) => {
              const copy = findNode(out, copyId);
              expect(copy).toMatchObject({ parentId: found.parentId, slot: found.slot, index: found.index + 1 });
              expect(countNodes(copy ? [copy.node] : [])).toBe(countNodes([found.node]));
            },
          };
        },
      };
    }
    case 'update': {
      const id = pickId(ids, op.pick);
      const run = () => updateProps(forest, id, op.patch);
      const found = findNode(forest, id);
      if (!found) return { expected: 'NOT_FOUND', run };
      const expectedProps: Record<string, unknown> = { ...found.node.props };
      for (const [k, v] of Object.entries(op.patch)) {
        if (v === undefined) delete expectedProps[k];
        else expectedProps[k] = v;
      }
      return {
        run: () => ({
          result: run(),
          delta: 0,
          touched: [id],
          check: (out: BlockNode[]) => expect(findNode(out, id)?.node.props).toEqual(expectedProps),
        }),
      };
    }
  }
}

describe('tree operations (property-based)', () => {
  it('keep ids unique, the tree acyclic, counts exact and inputs untouched over random edit sequences', () => {
    fc.assert(
      fc.property(forestArb, fc.array(opArb, { minLength: 1, maxLength: 25 }), (initial, ops) => {
        let forest = deepFreeze(initial);
        assertIsTree(forest);
        ops.forEach((op, step) => {
          const input = forest;
          const snapshot = JSON.stringify(input);
          const count = countNodes(input);
          const p = plan(input, op, step);
          if ('expected' in p) {
            expect(treeErrorCode(p.run)).toBe(p.expected);
          } else {
            // A frozen input makes any in-place write throw a TypeError, which fails the property.
            const outcome = p.run();
            assertIsTree(outcome.result);
            expect(countNodes(outcome.result)).toBe(count + outcome.delta);
            assertShared(input, outcome.result, outcome.touched);
            outcome.check?.(outcome.result);
            forest = deepFreeze(outcome.result);
          }
          expect(JSON.stringify(input)).toBe(snapshot);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never changes the input forest, even on a failing operation', () => {
    fc.assert(
      fc.property(forestArb, opArb, (initial, op) => {
        const forest = deepFreeze(initial);
        const before = JSON.stringify(forest);
        const p = plan(forest, op, 0);
        treeErrorCode(p.run);
        expect(JSON.stringify(forest)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
