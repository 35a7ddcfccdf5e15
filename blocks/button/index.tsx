// Button: a link styled as a button, to a portal page or a safe external address (see safeHref).
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';
import { Icon, iconSchema } from '../_lib/icons';
import { NewTabHint, linkAttrs } from '../_lib/links';
import { safeHref } from '../_lib/safe-href';

export const button = defineBlock({
  type: 'button',
  label: 'Button',
  description: 'A link to a portal page or another site, shown as a button.',
  category: 'content',
  icon: 'button',
  props: z
    .object({
      label: z.string().trim().min(1, 'a button needs a label').max(60).default('Get started').meta({ label: 'Label' }),
      href: safeHref.default('/').meta({ widget: 'page-link', label: 'Link to', help: 'A portal page (like /invoices) or a web, email or phone address.' }),
      variant: z.enum(['primary', 'secondary', 'link']).default('primary').meta({ label: 'Style' }),
      size: z.enum(['small', 'medium', 'large']).default('medium').meta({ label: 'Size' }),
      icon: iconSchema.default('none').meta({ label: 'Icon' }),
      align: z.enum(['left', 'center', 'right']).default('left').meta({ label: 'Alignment' }),
      fullWidth: z.boolean().default(false).meta({ label: 'Full width' }),
    })
    .strict(),
  Render: ({ props, ctx }) => {
    const link = linkAttrs(props.href, ctx);
    return (
      <div className={`pb-button pb-button--align-${props.align}`}>
        <a
          className={`pb-btn pb-btn--${props.variant} pb-btn--${props.size}${props.fullWidth ? ' pb-button--full' : ''}`}
          {...link}
        >
          <Icon name={props.icon} />
          <span>{props.label}</span>
          {link.target ? <Icon name="external" /> : null}
          <NewTabHint attrs={link} />
        </a>
      </div>
    );
  },
});
