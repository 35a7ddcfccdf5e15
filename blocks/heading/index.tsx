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
      text: z.string().min(1, 'a heading needs text').max(200).default('Heading').meta({ label: 'Text' }),
      level: z.enum(['h1', 'h2', 'h3', 'h4']).default('h2').meta({ label: 'Level' }),
      align: z.enum(['left', 'center', 'right']).default('left').meta({ label: 'Alignment' }),
      eyebrow: z.string().max(80).default('').meta({ label: 'Eyebrow', help: 'A short line above the heading.' }),
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
