// FormFooter: the same live region and buttons the forms wrote out by hand; Cancel only when the
// form can be closed, and the busy label while the action runs.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormFooter } from './form-footer';

describe('FormFooter', () => {
  it('renders the answer, the submit button and Cancel', () => {
    const html = renderToString(<FormFooter action={{ outcome: null, pending: false }} label="Open case" busyLabel="Sending…" onCancel={() => {}} />);
    expect(html).toBe(
      '<div aria-live="polite"></div><div class="pd-actions"><button type="submit" class="pb-btn pb-btn--primary">Open case</button><button type="button" class="pb-btn pb-btn--secondary">Cancel</button></div>',
    );
  });

  it('shows the busy label and no Cancel without onCancel', () => {
    const html = renderToString(<FormFooter action={{ outcome: { ok: false, message: 'Nope.' }, pending: true }} label="Save" busyLabel="Saving…" />);
    expect(html).toContain('disabled="">Saving…</button>');
    expect(html).toContain('Nope.');
    expect(html).not.toContain('Cancel');
  });
});
