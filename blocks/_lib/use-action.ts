// useAction: how a block runs one of its actions. The idempotency key is made once per intent and
// kept until the server has answered, so a double click, a retry after a dropped connection or a
// second tab's resubmission of the same intent are applied once (the server stores the answer per
// key). In the builder's canvas there is no runner: the action says so instead of pretending.
import { useCallback, useRef, useState } from 'react';
import type { ActionOutcome } from '../../core';
import type { RenderContext } from './define-block';

export type ActionState = {
  pending: boolean;
  /** The last answer: a success message or the refusal with its field issues. */
  outcome: ActionOutcome | null;
  /** Field → message from the last refusal. */
  issues: Record<string, string>;
  run: (input: unknown) => Promise<ActionOutcome>;
  reset: () => void;
};

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const NOT_HERE: ActionOutcome = { ok: false, message: 'Actions run in the published portal, not in the editor.' };

export function useAction(ctx: RenderContext, blockId: string, action: string): ActionState {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const key = useRef<string | null>(null);
  const inFlight = useRef<Promise<ActionOutcome> | null>(null);

  const run = useCallback(
    (input: unknown): Promise<ActionOutcome> => {
      // A second click while the first is on its way gets the first one's answer.
      if (inFlight.current) return inFlight.current;
      if (!ctx.runAction) {
        setOutcome(NOT_HERE);
        return Promise.resolve(NOT_HERE);
      }
      key.current ??= newKey();
      setPending(true);
      const p = ctx
        .runAction(blockId, action, input, key.current)
        .catch((): ActionOutcome => ({ ok: false, message: 'The request did not get through. Check your connection and try again.' }))
        .then((result) => {
          // Answered: the next intent gets a new key. A network failure keeps it, so a retry is the same intent.
          if (result.ok || result.issues || !/did not get through/.test(result.message)) key.current = null;
          inFlight.current = null;
          setPending(false);
          setOutcome(result);
          return result;
        });
      inFlight.current = p;
      return p;
    },
    [ctx, blockId, action],
  );

  const reset = useCallback(() => setOutcome(null), []);
  const issues: Record<string, string> = {};
  if (outcome && !outcome.ok) for (const i of outcome.issues ?? []) issues[i.field] ??= i.message;
  return { pending, outcome, issues, run, reset };
}
