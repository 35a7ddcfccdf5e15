// Accordion (FAQ): questions that expand to their answers. Built on native <details>/<summary>, so it
// works by keyboard and before hydration; one-at-a-time uses the exclusive `name` group of <details>.
import { useId } from 'react';
import { z } from 'zod';
import { defineBlock, type RenderProps } from '../_lib/define-block';
import { Icon } from '../_lib/icons';
import { itemIdSchema, reportDuplicateIds } from '../_lib/item-id';

const itemSchema = z
  .object({
    id: itemIdSchema,
    question: z.string().trim().min(1, 'a question is required').max(200).default('Question').meta({ label: 'Question' }),
    answer: z.string().max(4000).default('').meta({ widget: 'textarea', label: 'Answer', help: 'Plain text; a blank line starts a new paragraph.' }),
  })
  .strict();

export const accordionProps = z
  .object({
    items: z
      .array(itemSchema)
      .min(1, 'add at least one question')
      .max(50, 'use at most 50 questions')
      .superRefine(reportDuplicateIds('question'))
      .default([
        {
          id: 'pay-invoice',
          question: 'How can I pay my invoice?',
          answer: 'Open Invoices, choose the invoice and select Pay. You can pay by card or set up a direct debit.',
        },
        {
          id: 'meter-reading',
          question: 'Where do I submit a meter reading?',
          answer: 'Go to your contract and choose Submit meter reading. Enter the value shown on your meter.',
        },
        {
          id: 'change-address',
          question: 'How do I update my address?',
          answer: 'Open your profile and edit your address. The change applies to all your contracts.',
        },
      ])
      .meta({ label: 'Questions' }),
    allowMultiple: z.boolean().default(false).meta({ label: 'Allow several open at once' }),
  })
  .strict();

type AccordionProps = z.output<typeof accordionProps>;

/** Blank lines separate paragraphs; single line breaks stay as breaks (CSS pre-line). */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function AccordionView({ props }: RenderProps<AccordionProps>) {
  const group = useId();
  return (
    <div className="pb-accordion">
      {props.items.map((item) => (
        <details key={item.id} className="pb-accordion__item" name={props.allowMultiple ? undefined : group}>
          <summary className="pb-accordion__question">
            <span>{item.question}</span>
            <Icon name="chevron-down" className="pb-accordion__chevron" />
          </summary>
          <div className="pb-accordion__answer">
            {paragraphsOf(item.answer).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </details>
      ))}
    </div>
  );
}

export const accordion = defineBlock({
  type: 'accordion',
  label: 'FAQ / accordion',
  description: 'Questions that open to show their answers.',
  category: 'content',
  icon: 'accordion',
  props: accordionProps,
  Render: AccordionView,
});
