// Alert (callout): a highlighted note with a tone (info, success, warning, danger).
//
// Role: "note", not "status" or "alert". Both of those are live regions, meant for messages that appear
// while the page is in use; a callout is part of the page from the start, and role="alert" on load makes
// some screen readers interrupt the reader with it. "note" marks ancillary content without announcing it.
// The tone is also spoken ("Warning: …", visually hidden) so it never depends on colour alone.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';
import { Icon } from '../_lib/icons';
import { UI_TEXT } from '../_lib/ui-text';

const TONE_ICON = { info: 'info', success: 'check-circle', warning: 'alert', danger: 'alert-circle' } as const;

export const alert = defineBlock({
  type: 'alert',
  label: 'Callout',
  description: 'A highlighted message: information, success, warning or danger.',
  category: 'content',
  icon: 'alert',
  props: z
    .object({
      tone: z.enum(['info', 'success', 'warning', 'danger']).default('info').meta({ label: 'Tone' }),
      title: z.string().trim().max(120).default('Good to know').meta({ label: 'Title' }),
      text: z
        .string()
        .max(1000)
        .default('Meter readings submitted by the 25th appear on your next invoice.')
        .meta({ widget: 'textarea', label: 'Text' }),
      showIcon: z.boolean().default(true).meta({ label: 'Show icon' }),
    })
    .strict(),
  Render: ({ props }) => (
    <div className={`pb-alert pb-alert--${props.tone}`} role="note">
      {props.showIcon ? <Icon name={TONE_ICON[props.tone]} className="pb-alert__icon" /> : null}
      <div className="pb-alert__content">
        {props.title ? (
          <p className="pb-alert__title">
            <span className="pb-sr-only">{`${UI_TEXT.tone[props.tone]}: `}</span>
            {props.title}
          </p>
        ) : (
          <span className="pb-sr-only">{`${UI_TEXT.tone[props.tone]}: `}</span>
        )}
        {props.text ? <p className="pb-alert__text">{props.text}</p> : null}
      </div>
    </div>
  ),
});
