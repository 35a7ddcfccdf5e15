// Grid: a responsive grid of any blocks (slot `items`); as many columns fit as the minimum item width allows.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';

export const grid = defineBlock({
  type: 'grid',
  label: 'Grid',
  description: 'A responsive grid of blocks, such as cards; columns adapt to the width.',
  category: 'layout',
  icon: 'grid',
  props: z
    .object({
      minItemWidth: z
        .enum(['small', 'medium', 'large'])
        .default('medium')
        .meta({ label: 'Minimum item width', help: 'Small 10 rem (160 px), medium 15 rem (240 px), large 20 rem (320 px).' }),
      gap: z.enum(['small', 'medium', 'large']).default('medium').meta({ label: 'Gap between items' }),
      equalHeight: z.boolean().default(true).meta({ label: 'Equal height items' }),
    })
    .strict(),
  slots: ['items'],
  Render: ({ props, slots }) => (
    <div
      className={`pb-grid pb-grid--min-${props.minItemWidth} pb-grid--gap-${props.gap}${props.equalHeight ? '' : ' pb-grid--natural'}`}
    >
      {slots.items}
    </div>
  ),
});
