// Spacer: empty vertical space, for rhythm between blocks. Hidden from assistive technology.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';

export const spacer = defineBlock({
  type: 'spacer',
  label: 'Spacer',
  description: 'Empty space between blocks.',
  category: 'layout',
  icon: 'spacer',
  props: z
    .object({
      size: z.enum(['xs', 'small', 'medium', 'large', 'xl']).default('medium').meta({ label: 'Height' }),
    })
    .strict(),
  Render: ({ props }) => <div className={`pb-spacer pb-spacer--${props.size}`} aria-hidden="true" />,
});
