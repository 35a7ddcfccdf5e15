// The test provider: deterministic answers, the documented decline rule, references tied to the key.
import { describe, expect, it } from 'vitest';
import { paymentProvider, testProvider } from '.';

const charge = (amount: number, key = 'inv_1:3') => testProvider.charge({ amount: { amount, currency: 'EUR' }, reference: 'INV-1', idempotencyKey: key, description: 'Invoice INV-1' });

describe('test payment provider', () => {
  it('charges ordinary amounts', () => {
    expect(charge(120.5)).toEqual({ status: 'succeeded', providerReference: expect.stringMatching(/^TEST-[0-9A-F]{12}$/) });
  });

  it('declines exactly 666.00 and nothing near it', () => {
    expect(charge(666)).toMatchObject({ status: 'failed', message: expect.stringContaining('declined') });
    expect(charge(666.0)).toMatchObject({ status: 'failed' });
    expect(charge(666.01).status).toBe('succeeded');
    expect(charge(665.99).status).toBe('succeeded');
  });

  it('declines nothing to charge', () => {
    expect(charge(0).status).toBe('failed');
    expect(charge(-5).status).toBe('failed');
  });

  it('gives the same attempt the same reference, another attempt another', () => {
    expect(charge(10, 'a').providerReference).toBe(charge(10, 'a').providerReference);
    expect(charge(10, 'a').providerReference).not.toBe(charge(10, 'b').providerReference);
  });

  it('is the default provider', () => {
    expect(paymentProvider()).toBe(testProvider);
    expect(() => paymentProvider('stripe')).toThrow(/unknown payment provider/);
  });
});
