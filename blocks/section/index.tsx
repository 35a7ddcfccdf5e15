// Section: a full-width band with a background, padding and a content width; holds any blocks.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';

export const section = defineBlock({
  type: 'section',
  label: 'Section',
  description: 'A band of the page with its own background and width.',
  category: 'layout',
  icon: 'section',
  props: z
    .object({
      background: z.enum(['none', 'surface', 'primary', 'muted']).default('none').meta({ label: 'Background' }),
      padding: z.enum(['none', 'small', 'medium', 'large']).default('medium').meta({ label: 'Padding' }),
      width: z.enum(['narrow', 'normal', 'wide', 'full']).default('normal').meta({ label: 'Content width' }),
    })
    .strict(),
  slots: ['body'],
  Render: ({ props, slots }) => (
    <section className={`pb-section pb-section--bg-${props.background} pb-section--pad-${props.padding}`}>
      <div className={`pb-section__inner pb-width-${props.width}`}>{slots.body}</div>
    </section>
  ),
});
