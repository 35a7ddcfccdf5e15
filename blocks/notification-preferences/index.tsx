// Notification preferences: which emails the signed-in user wants (new invoices, offers, replies to
// cases, service changes, news), one switch per topic and a Save button. Saved for this user only,
// by users whose role grants notifications.manage; others see their settings without switches to
// change them.
import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { NOTIFICATION_TOPICS, type PreferencesResult } from '../../core';
import { BuilderSample, EmptyState } from '../_lib/data-kit';
import { FormFooter } from '../_lib/form-footer';
import { defineBlock, type RenderProps } from '../_lib/define-block';
import { useAction } from '../_lib/use-action';

export const notificationPreferencesProps = z
  .object({
    heading: z.string().trim().max(120).default('Email notifications').meta({ label: 'Heading' }),
    intro: z.string().trim().max(300).default('Choose which emails you would like to receive. Security messages and invoices required by law are always sent.').meta({ widget: 'textarea', label: 'Introduction' }),
  })
  .strict();
export type NotificationPreferencesProps = z.output<typeof notificationPreferencesProps>;

/** One optional switch per known topic; any other key is refused. */
export const savePreferencesInput = z
  .object({ values: z.object(Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t.key, z.boolean().optional()]))).strict() })
  .strict();

function NotificationPreferences({ id, props, data, can = {}, ctx }: RenderProps<NotificationPreferencesProps>) {
  const uid = useId();
  const action = useAction(ctx, id, 'save');
  const initial = data && typeof data === 'object' && (data as PreferencesResult).kind === 'preferences' ? (data as PreferencesResult).values : null;
  const [values, setValues] = useState<Record<string, boolean>>(() => ({ ...(initial ?? {}) }));

  if (ctx.mode === 'builder' || data === undefined) {
    return (
      <div className="pb-prefs">
        <BuilderSample title={props.heading || 'Email notifications'}>
          One switch per email topic ({NOTIFICATION_TOPICS.map((t) => t.label.toLowerCase()).join('; ')}) and a Save button, for the signed-in user. Users whose role grants
          notifications.manage can change them.
        </BuilderSample>
      </div>
    );
  }
  if (!initial) return <div className="pb-prefs"><EmptyState>Sign in to choose your email notifications.</EmptyState></div>;
  const mayChange = can.save === true;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run({ values: Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t.key, values[t.key] !== false])) });
  };

  return (
    <section className="pb-prefs" aria-labelledby={`${uid}-h`}>
      <h2 className="pb-prefs__title" id={`${uid}-h`}>
        {props.heading || 'Email notifications'}
      </h2>
      {props.intro ? <p className="pb-prefs__intro">{props.intro}</p> : null}
      <form onSubmit={submit}>
        <fieldset className="pb-prefs__list" disabled={!mayChange}>
          <legend className="pb-sr-only">Send me emails about</legend>
          {NOTIFICATION_TOPICS.map((t) => {
            const on = values[t.key] !== false;
            return (
              <label key={t.key} className="pb-prefs__item" htmlFor={`${uid}-${t.key}`}>
                <span className="pb-prefs__label">{t.label}</span>
                <input
                  id={`${uid}-${t.key}`}
                  className="pb-prefs__switch"
                  type="checkbox"
                  role="switch"
                  name={t.key}
                  checked={on}
                  aria-checked={on}
                  onChange={(e) => setValues((v) => ({ ...v, [t.key]: e.target.checked }))}
                />
              </label>
            );
          })}
        </fieldset>
        {mayChange ? (
          <FormFooter action={action} label="Save preferences" busyLabel="Saving…" />
        ) : (
          <p className="pb-prefs__note">Your role does not allow changing these settings. Ask your company’s portal administrator.</p>
        )}
      </form>
    </section>
  );
}

export const notificationPreferences = defineBlock({
  type: 'notification-preferences',
  label: 'Notification preferences',
  description: 'Switches for the emails the signed-in user receives.',
  category: 'self-service',
  icon: 'bell',
  props: notificationPreferencesProps,
  data: () => ({ kind: 'preferences' }),
  actions: {
    save: { label: 'Save notification preferences', input: savePreferencesInput, requires: () => [{ action: 'notifications.manage' }] },
  },
  Render: NotificationPreferences,
});
