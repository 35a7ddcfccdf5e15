// Quick links: a grid of link cards (icon, label, description) to the portal's most used pages.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';
import { Icon, iconSchema } from '../_lib/icons';
import { itemIdSchema, reportDuplicateIds } from '../_lib/item-id';
import { NewTabHint, linkAttrs } from '../_lib/links';
import { safeHref } from '../_lib/safe-href';

const linkSchema = z
  .object({
    id: itemIdSchema,
    label: z.string().trim().min(1, 'a link needs a label').max(60).default('Link').meta({ label: 'Label' }),
    description: z.string().max(160).default('').meta({ label: 'Description' }),
    href: safeHref.default('/').meta({ widget: 'page-link', label: 'Link to' }),
    icon: iconSchema.default('link').meta({ label: 'Icon' }),
  })
  .strict();

export const quickLinks = defineBlock({
  type: 'quick-links',
  label: 'Quick links',
  description: 'Shortcuts to important pages, as a grid of cards.',
  category: 'navigation',
  icon: 'quick-links',
  props: z
    .object({
      items: z
        .array(linkSchema)
        .min(1, 'add at least one link')
        .max(12, 'use at most 12 links')
        .superRefine(reportDuplicateIds('link'))
        .default([
          { id: 'invoices', label: 'Invoices', description: 'View and pay your bills', href: '/invoices', icon: 'invoice' },
          { id: 'contracts', label: 'Contracts', description: 'Your tariffs and terms', href: '/contracts', icon: 'contract' },
          { id: 'meter', label: 'Meter reading', description: 'Submit your latest reading', href: '/meter-readings', icon: 'bolt' },
          { id: 'help', label: 'Help & contact', description: 'Answers and ways to reach us', href: '/help', icon: 'help' },
        ])
        .meta({ label: 'Links' }),
    })
    .strict(),
  Render: ({ props, ctx }) => (
    // role="list" because Safari drops list semantics when list-style is none.
    <ul className="pb-quick-links" role="list">
      {props.items.map((item) => {
        const link = linkAttrs(item.href, ctx);
        return (
          <li key={item.id} className="pb-quick-links__item">
            <a className="pb-quick-links__link" {...link}>
              {item.icon !== 'none' ? (
                <span className="pb-quick-links__icon">
                  <Icon name={item.icon} />
                </span>
              ) : null}
              <span className="pb-quick-links__text">
                <span className="pb-quick-links__label">{item.label}</span>
                {item.description ? <span className="pb-quick-links__description">{item.description}</span> : null}
              </span>
              <Icon name={link.target ? 'external' : 'arrow-right'} className="pb-quick-links__arrow" />
              <NewTabHint attrs={link} />
            </a>
          </li>
        );
      })}
    </ul>
  ),
});
