// Footer: columns of links, a copyright line (the portal's name when left empty) and small print.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';
import { NewTabHint, linkAttrs } from '../_lib/links';
import { safeHref } from '../_lib/safe-href';

const footerLinkSchema = z
  .object({
    label: z.string().trim().min(1, 'a link needs a label').max(60).default('Link').meta({ label: 'Label' }),
    href: safeHref.default('/').meta({ widget: 'page-link', label: 'Link to' }),
  })
  .strict();

const footerColumnSchema = z
  .object({
    title: z.string().trim().max(60).default('Links').meta({ label: 'Column title' }),
    links: z.array(footerLinkSchema).max(10, 'use at most 10 links per column').default([]).meta({ label: 'Links' }),
  })
  .strict();

export const footer = defineBlock({
  type: 'footer',
  label: 'Footer',
  description: 'Columns of links, a copyright line and small print.',
  category: 'navigation',
  icon: 'footer',
  props: z
    .object({
      columns: z
        .array(footerColumnSchema)
        .max(4, 'use at most 4 columns')
        .default([
          {
            title: 'Service',
            links: [
              { label: 'Help & FAQ', href: '/help' },
              { label: 'Contact us', href: '/contact' },
            ],
          },
          {
            title: 'Legal',
            links: [
              { label: 'Imprint', href: '/imprint' },
              { label: 'Privacy policy', href: '/privacy' },
              { label: 'Terms', href: '/terms' },
            ],
          },
        ])
        .meta({ label: 'Link columns' }),
      copyright: z.string().max(200).default('').meta({ label: 'Copyright', help: 'Empty shows "© " and the portal name.' }),
      smallPrint: z.string().max(1000).default('').meta({ widget: 'textarea', label: 'Small print' }),
    })
    .strict(),
  Render: ({ props, ctx }) => (
    <footer className="pb-footer">
      {props.columns.length ? (
        <div className="pb-footer__columns">
          {props.columns.map((column, i) => (
            <div key={i} className="pb-footer__column">
              {column.title ? <h2 className="pb-footer__title">{column.title}</h2> : null}
              <ul className="pb-footer__links" role="list">
                {column.links.map((l, j) => {
                  const link = linkAttrs(l.href, ctx);
                  return (
                    <li key={j}>
                      <a className="pb-footer__link" {...link}>
                        {l.label}
                        <NewTabHint attrs={link} />
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
      <div className="pb-footer__bottom">
        <p className="pb-footer__copyright">{props.copyright || `© ${ctx.portal.name}`}</p>
        {props.smallPrint ? <p className="pb-footer__small-print">{props.smallPrint}</p> : null}
      </div>
    </footer>
  ),
});
