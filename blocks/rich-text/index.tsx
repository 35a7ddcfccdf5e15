// Rich text: formatted text written in the builder's editor, with viewer placeholders such as
// {{user.firstName}}. The server sanitizes `html` with an allowlist when storing and again before
// rendering, so it is trusted markup here; only the placeholder values are escaped (fillPlaceholders).
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';
import { PLACEHOLDERS, fillPlaceholders } from './fill-placeholders';

export const richText = defineBlock({
  type: 'rich-text',
  label: 'Text',
  description: 'Formatted text: paragraphs, lists, links; can greet the signed-in customer by name.',
  category: 'content',
  icon: 'text',
  props: z
    .object({
      html: z
        .string()
        .max(100_000)
        .default('<p>Add your text here. Greet your customers by name with {{user.firstName}}.</p>')
        .meta({
          widget: 'richtext',
          label: 'Text',
          help: `Placeholders: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
        }),
      size: z.enum(['small', 'normal', 'large']).default('normal').meta({ label: 'Text size' }),
      align: z.enum(['left', 'center']).default('left').meta({ label: 'Alignment' }),
    })
    .strict(),
  Render: ({ props, ctx }) => (
    <div
      className={`pb-rich-text pb-rich-text--${props.size} pb-rich-text--${props.align}`}
      dangerouslySetInnerHTML={{ __html: fillPlaceholders(props.html, ctx) }}
    />
  ),
});
