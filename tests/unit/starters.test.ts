import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../blocks';
import { blankDocument } from '../../templates/starters/blank';
import { demoDocument } from '../../templates/starters/demo';

describe('starter documents', () => {
  it('the demo document is valid against the registry', () => {
    const r = validateDocument(demoDocument());
    expect(r.ok ? [] : r.issues).toEqual([]);
  });
  it('a blank document is valid and names the portal', () => {
    const r = validateDocument(blankDocument('Acme'));
    expect(r.ok).toBe(true);
    expect(JSON.stringify(blankDocument('Acme'))).toContain('Welcome to Acme');
  });
});
