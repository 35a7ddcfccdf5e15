// Payment providers: how an invoice's amount is charged. A provider gets the amount the server read
// from the stored invoice (never one a user typed), a reference and an idempotency key, and answers
// whether the charge succeeded.
//
// `charge` is synchronous on purpose. Action handlers run inside one database transaction and await
// nothing but queries on it (SQLite's writer lock is held meanwhile), so only in-process logic may
// run there — the built-in test provider. A real provider (a card or SEPA gateway) talks to the
// network and therefore cannot: it would be driven from the outbox after the transaction commits —
// the handler marks the invoice 'pending' and writes a payment row with status 'pending' plus an
// outbox job; the delivery loop calls the gateway with the idempotency key and records the result
// (paid, or open again with the reason). That path is not built yet.

export type Money = { amount: number; currency: string };

export type ChargeRequest = {
  /** What to charge, as stored on the invoice. */
  amount: Money;
  /** The business reference the customer sees on their statement (the invoice number). */
  reference: string;
  /** The same key for the same attempt: a provider charges it at most once. */
  idempotencyKey: string;
  description: string;
};

export type ChargeResult = {
  status: 'succeeded' | 'failed';
  /** The provider's id of the charge (shown as the payment's reference). */
  providerReference: string;
  /** Why a charge failed, in words a customer understands. */
  message?: string;
};

export interface PaymentProvider {
  /** Stored on the payment record (`provider`). */
  readonly id: string;
  /** How the method is named to people when no payment method is on file. */
  readonly label: string;
  charge(request: ChargeRequest): ChargeResult;
}
