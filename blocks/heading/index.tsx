// Heading: a title at a chosen level, with an optional eyebrow line.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';

export const heading = defineBlock({
  type: 'heading',
  label: 'Heading',
  description: 'A section title (h1 to h4).',
  category: 'content',
  icon: 'heading',
  props: z
    .object({
      text: z.string().min(1, 'a heading needs text').max(200).default('Heading'),
      level: z.enum(['h1', 'h2', 'h3', 'h4']).default('h2'),
      align: z.enum(['left', 'center', 'right']).default('left'),
      eyebrow: z.string().max(80).default(''),
    })
    .strict(),
  Render: ({ props }) => {
    const Tag = props.level;
    return (
      <div className={`pb-heading pb-align-${props.align}`}>
        {props.eyebrow ? <p className="pb-heading__eyebrow">{props.eyebrow}</p> : null}
        <Tag className="pb-heading__text">{props.text}</Tag>
      </div>
    );
  },
});
