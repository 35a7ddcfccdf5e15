// IBANs: the mod-97 checksum, country lengths, and the masked form that is all that is stored.
import { describe, expect, it } from 'vitest';
import { ibanChecksumOk, ibanProblem, maskIban, normalizeIban } from './iban';

describe('iban', () => {
  it('accepts valid IBANs, typed with spaces or in lower case', () => {
    for (const iban of ['DE89 3704 0044 0532 0130 00', 'de89370400440532013000', 'GB82 WEST 1234 5698 7654 32', 'NL91ABNA0417164300', 'FR14 2004 1010 0505 0001 3M02 606', 'AT61 1904 3002 3457 3201']) {
      expect(ibanProblem(iban), iban).toBeNull();
    }
  });

  it('refuses a wrong check digit, a wrong length, other characters and nothing', () => {
    expect(ibanProblem('DE89 3704 0044 0532 0130 01')).toMatch(/check digits/);
    expect(ibanChecksumOk('DE88370400440532013000')).toBe(false);
    expect(ibanProblem('DE89 3704 0044 0532 0130')).toMatch(/22 characters/);
    expect(ibanProblem('DE89-3704-0044-0532-0130-0!')).toMatch(/letters and digits/);
    expect(ibanProblem('   ')).toMatch(/Enter/);
  });

  it('masks to country, check digits and the last four characters', () => {
    expect(normalizeIban(' de89 3704-0044 ')).toBe('DE8937040044');
    expect(maskIban('DE89 3704 0044 0532 0130 00')).toBe('DE89 •••• •••• 3000');
    expect(maskIban('DE89 3704 0044 0532 0130 00')).not.toMatch(/37040044|05320130/);
  });
});
