// Divider: a horizontal rule between parts of a page.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';

export const divider = defineBlock({
  type: 'divider',
  label: 'Divider',
  description: 'A thin line that separates parts of a page.',
  category: 'layout',
  icon: 'divider',
  props: z
    .object({
      variant: z.enum(['solid', 'dashed']).default('solid').meta({ label: 'Line style' }),
      spacing: z.enum(['small', 'medium', 'large']).default('medium').meta({ label: 'Space around' }),
    })
    .strict(),
  Render: ({ props }) => <hr className={`pb-divider pb-divider--${props.variant} pb-divider--space-${props.spacing}`} />,
});
