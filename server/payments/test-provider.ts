// The built-in test provider: deterministic, in-process, no network, no money moves. It lets a
// portal's payment flow be tried end to end, including the failure path:
//
// - an amount of exactly 666.00 (any currency) is declined ("card declined");
// - an amount of zero or less is declined ("nothing to charge");
// - every other amount succeeds.
//
// The provider reference is derived from the idempotency key, so the same attempt always gets the
// same reference.
import { createHash } from 'node:crypto';
import type { ChargeRequest, ChargeResult, PaymentProvider } from './provider';

/** The amount the test provider always declines. */
export const TEST_DECLINED_AMOUNT = 666;

const referenceOf = (key: string) => `TEST-${createHash('sha256').update(key).digest('hex').slice(0, 12).toUpperCase()}`;

export const testProvider: PaymentProvider = {
  id: 'test',
  label: 'Test payment',
  charge(request: ChargeRequest): ChargeResult {
    const providerReference = referenceOf(request.idempotencyKey);
    const cents = Math.round(request.amount.amount * 100);
    if (cents <= 0) return { status: 'failed', providerReference, message: 'there is nothing to charge' };
    if (cents === TEST_DECLINED_AMOUNT * 100) return { status: 'failed', providerReference, message: 'the card was declined (test provider: amounts of exactly 666.00 are always declined)' };
    return { status: 'succeeded', providerReference };
  },
};
