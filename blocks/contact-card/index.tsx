// Contact card: a named contact (account manager, service team) with email and phone links, opening
// hours, a postal address and an optional photo; initials stand in when there is no photo.
import { z } from 'zod';
import { assetSrcSchema, requireAlt } from '../_lib/assets';
import { defineBlock } from '../_lib/define-block';
import { Icon } from '../_lib/icons';
import { linkAttrs, telHref } from '../_lib/links';
import { UI_TEXT } from '../_lib/ui-text';

const emailFormat = z.email();

/** Up to two initials from a name: "Maria de la Cruz" → "MC". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export const contactCardProps = z
  .object({
    heading: z.string().max(80).default('Your contact').meta({ label: 'Heading', help: 'A short line above the name.' }),
    name: z.string().trim().min(1, 'a contact needs a name').max(120).default('Customer Service').meta({ label: 'Name' }),
    role: z.string().max(120).default('Here for you on weekdays').meta({ label: 'Role or job title' }),
    email: z
      .string()
      .trim()
      .max(254)
      .refine((v) => v === '' || emailFormat.safeParse(v).success, 'enter an email address like service@example.com')
      .default('service@example.com')
      .meta({ label: 'Email' }),
    phone: z
      .string()
      .trim()
      .max(40)
      .refine((v) => v === '' || /^\+?[0-9][0-9 ().\-/]{2,}$/.test(v), 'enter a phone number with digits, like +1 555 0100')
      .default('+1 555 0100')
      .meta({ label: 'Phone' }),
    hours: z.string().max(300).default('Mon–Fri, 8:00–18:00').meta({ widget: 'textarea', label: 'Opening hours' }),
    addressLines: z
      .array(z.string().max(120).meta({ label: 'Address line' }))
      .max(6, 'use at most 6 address lines')
      .default([])
      .meta({ label: 'Postal address' }),
    photoSrc: assetSrcSchema.default('').meta({ widget: 'image', label: 'Photo' }),
    photoAlt: z.string().trim().max(200).default('').meta({ label: 'Photo alt text', help: 'For example "Portrait of Maria Lopez".' }),
  })
  .strict()
  .superRefine((p, ctx) => requireAlt(p.photoSrc, p.photoAlt, false, 'photoAlt', ctx));

export const contactCard = defineBlock({
  type: 'contact-card',
  label: 'Contact card',
  description: 'A contact person or team with email, phone, hours and address.',
  category: 'content',
  icon: 'contact',
  props: contactCardProps,
  Render: ({ props, ctx }) => {
    const address = props.addressLines.filter((l) => l.trim() !== '');
    return (
      <div className="pb-contact-card">
        {props.photoSrc ? (
          <img className="pb-contact-card__photo" src={props.photoSrc} alt={props.photoAlt} width={80} height={80} loading="lazy" decoding="async" />
        ) : (
          <span className="pb-contact-card__avatar" aria-hidden="true">
            {initialsOf(props.name) || <Icon name="user" />}
          </span>
        )}
        <div className="pb-contact-card__main">
          <div className="pb-contact-card__who">
            {props.heading ? <p className="pb-contact-card__heading">{props.heading}</p> : null}
            <p className="pb-contact-card__name">{props.name}</p>
            {props.role ? <p className="pb-contact-card__role">{props.role}</p> : null}
          </div>
          <address className="pb-contact-card__details">
            {props.email ? (
              <p className="pb-contact-card__line">
                <Icon name="mail" />
                <a {...linkAttrs(`mailto:${props.email}`, ctx)}>
                  <span className="pb-sr-only">{`${UI_TEXT.email}: `}</span>
                  {props.email}
                </a>
              </p>
            ) : null}
            {props.phone ? (
              <p className="pb-contact-card__line">
                <Icon name="phone" />
                <a {...linkAttrs(telHref(props.phone), ctx)}>
                  <span className="pb-sr-only">{`${UI_TEXT.phone}: `}</span>
                  {props.phone}
                </a>
              </p>
            ) : null}
            {props.hours ? (
              <p className="pb-contact-card__line">
                <Icon name="clock" />
                <span className="pb-contact-card__multiline">
                  <span className="pb-sr-only">{`${UI_TEXT.hours}: `}</span>
                  {props.hours}
                </span>
              </p>
            ) : null}
            {address.length ? (
              <p className="pb-contact-card__line">
                <Icon name="map-pin" />
                <span>
                  <span className="pb-sr-only">{`${UI_TEXT.address}: `}</span>
                  {address.map((line, i) => (
                    <span key={i} className="pb-contact-card__address-line">
                      {line}
                    </span>
                  ))}
                </span>
              </p>
            ) : null}
          </address>
        </div>
      </div>
    );
  },
});
