// Card: a titled panel with an optional icon, any blocks in its body, and an optional call to action.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';
import { Icon, iconSchema } from '../_lib/icons';
import { NewTabHint, linkAttrs } from '../_lib/links';
import { safeHrefOrEmpty } from '../_lib/safe-href';

export const card = defineBlock({
  type: 'card',
  label: 'Card',
  description: 'A panel with a title, any content and an optional link.',
  category: 'content',
  icon: 'card',
  props: z
    .object({
      title: z.string().trim().min(1, 'a card needs a title').max(120).default('Card title').meta({ label: 'Title' }),
      subtitle: z.string().max(200).default('').meta({ label: 'Subtitle' }),
      icon: iconSchema.default('none').meta({ label: 'Icon' }),
      headingLevel: z.enum(['h2', 'h3', 'h4']).default('h3').meta({ label: 'Heading level', help: 'Keep headings in order on the page.' }),
      variant: z.enum(['elevated', 'outlined', 'plain']).default('outlined').meta({ label: 'Style' }),
      ctaLabel: z.string().trim().max(60).default('').meta({ label: 'Link text', help: 'Shown when a link is set too.' }),
      ctaHref: safeHrefOrEmpty.default('').meta({ widget: 'page-link', label: 'Link to' }),
    })
    .strict(),
  slots: ['body'],
  Render: ({ props, slots, ctx }) => {
    const Title = props.headingLevel;
    const link = props.ctaLabel && props.ctaHref ? linkAttrs(props.ctaHref, ctx) : null;
    return (
      <div className={`pb-card pb-card--${props.variant}`}>
        <div className="pb-card__header">
          {props.icon !== 'none' ? (
            <span className="pb-card__icon">
              <Icon name={props.icon} />
            </span>
          ) : null}
          <div className="pb-card__titles">
            <Title className="pb-card__title">{props.title}</Title>
            {props.subtitle ? <p className="pb-card__subtitle">{props.subtitle}</p> : null}
          </div>
        </div>
        <div className="pb-card__body">{slots.body}</div>
        {link ? (
          <div className="pb-card__footer">
            <a className="pb-card__cta" {...link}>
              <span>{props.ctaLabel}</span>
              <Icon name={link.target ? 'external' : 'arrow-right'} />
              <NewTabHint attrs={link} />
            </a>
          </div>
        ) : null}
      </div>
    );
  },
});
