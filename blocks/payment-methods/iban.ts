// IBANs for the SEPA direct debit form: normalised, checked (country, length, ISO 13616 mod-97
// checksum) and masked. Only the masked form is ever stored; the browser checks as the user types
// and the server checks again before anything is saved.

/** IBAN lengths of the SEPA countries (ISO 13616 registry); other countries: 15–34 characters. */
const LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22, GI: 23,
  GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28,
  PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** Without spaces or dashes, upper case: "de89 3704-0044…" → "DE8937040044…". */
export const normalizeIban = (raw: string): string => raw.replace(/[\s-]+/g, '').toUpperCase();

/** ISO 7064 mod 97-10 over the rearranged IBAN (letters as 10–35); a valid IBAN leaves 1. */
export function ibanChecksumOk(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const d of digits) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

/** What is wrong with an IBAN, in words for the form, or null when it is valid. */
export function ibanProblem(raw: string): string | null {
  const iban = normalizeIban(raw);
  if (iban === '') return 'Enter the IBAN of the account to debit.';
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return 'An IBAN starts with a two-letter country code and two check digits, followed by letters and digits only.';
  const expected = LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return `An IBAN from ${iban.slice(0, 2)} has ${expected} characters; this one has ${iban.length}.`;
  if (expected === undefined && (iban.length < 15 || iban.length > 34)) return 'An IBAN has between 15 and 34 characters.';
  if (!ibanChecksumOk(iban)) return 'This IBAN is not valid: its check digits do not match. Please check for typing errors.';
  return null;
}

/** The only form that is stored and shown: country and check digits, then the last four characters. */
export function maskIban(raw: string): string {
  const iban = normalizeIban(raw);
  return `${iban.slice(0, 4)} •••• •••• ${iban.slice(-4)}`;
}
