// The payment providers this server knows. Only the built-in test provider exists so far; see
// provider.ts for how a real one would run (after commit, from the outbox).
import type { PaymentProvider } from './provider';
import { testProvider } from './test-provider';

export type { ChargeRequest, ChargeResult, Money, PaymentProvider } from './provider';
export { TEST_DECLINED_AMOUNT, testProvider } from './test-provider';

const PROVIDERS: ReadonlyMap<string, PaymentProvider> = new Map([[testProvider.id, testProvider]]);

/** The provider that charges portal payments (the test provider until a real one is configured). */
export function paymentProvider(id = testProvider.id): PaymentProvider {
  const provider = PROVIDERS.get(id);
  if (!provider) throw new Error(`unknown payment provider "${id}"`);
  return provider;
}
