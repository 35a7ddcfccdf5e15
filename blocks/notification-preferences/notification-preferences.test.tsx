// Notification preferences: one labelled switch per topic in its saved state; Save only with
// notifications.manage; unknown topics are refused by the input.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TOPICS } from '../../core';
import { testContext } from '../_lib/test-context';
import { notificationPreferences, savePreferencesInput } from '.';

const values = Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t.key, t.key !== 'news']));
const render = (can: Record<string, boolean>, data: unknown = { kind: 'preferences', values }, ctx = testContext()) =>
  renderToString(<notificationPreferences.Render id="n" props={notificationPreferences.props.parse({})} data={data} can={can} slots={{}} ctx={ctx} />);

describe('notification preferences', () => {
  it('shows one labelled switch per topic, in its saved state', () => {
    const html = render({ save: true });
    expect(html.match(/role="switch"/g)).toHaveLength(NOTIFICATION_TOPICS.length);
    for (const t of NOTIFICATION_TOPICS) expect(html).toContain(t.label);
    const input = (key: string) => new RegExp(`<input[^>]*name="${key}"[^>]*>`).exec(html)![0];
    expect(input('invoices')).toContain('checked=""');
    expect(input('invoices')).toContain('aria-checked="true"');
    expect(input('news')).not.toContain('checked=""');
    expect(input('news')).toContain('aria-checked="false"');
    expect(html).toContain('Save preferences');
  });

  it('without notifications.manage: switches disabled, no Save, and a note why', () => {
    const html = render({ save: false });
    expect(html).toContain('<fieldset class="pb-prefs__list" disabled=""');
    expect(html).not.toContain('Save preferences');
    expect(html).toContain('does not allow');
  });

  it('takes known topics only', () => {
    expect(savePreferencesInput.safeParse({ values: { invoices: false, news: true } }).success).toBe(true);
    expect(savePreferencesInput.safeParse({ values: { invoices: false, marketingCalls: true } }).success).toBe(false);
    expect(savePreferencesInput.safeParse({ values: { invoices: 'no' } }).success).toBe(false);
    expect(savePreferencesInput.safeParse({ values: {}, userId: 'u2' }).success).toBe(false);
  });

  it('asks the server for the preferences; says so without a user; sample in the builder', () => {
    expect(notificationPreferences.data!(notificationPreferences.props.parse({}))).toEqual({ kind: 'preferences' });
    expect(render({}, null)).toContain('Sign in');
    expect(render({}, undefined, testContext({ mode: 'builder' }))).toContain('notifications.manage');
  });
});
