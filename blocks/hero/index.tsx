// Hero: the page's opening band: title, subtitle, one call to action, and an image beside the text or
// behind it (then under an overlay dark enough for the text to stay readable on any picture).
import { z } from 'zod';
import { assetSrcSchema, pixelSizeSchema, requireAlt } from '../_lib/assets';
import { defineBlock } from '../_lib/define-block';
import { Icon } from '../_lib/icons';
import { NewTabHint, linkAttrs } from '../_lib/links';
import { safeHrefOrEmpty } from '../_lib/safe-href';

export const heroProps = z
  .object({
    eyebrow: z.string().max(80).default('').meta({ label: 'Eyebrow', help: 'A short line above the title.' }),
    title: z.string().trim().min(1, 'a hero needs a title').max(120).default('Welcome to your customer portal').meta({ label: 'Title' }),
    headingLevel: z.enum(['h1', 'h2']).default('h1').meta({ label: 'Heading level', help: 'Use h1 once per page, usually here.' }),
    subtitle: z
      .string()
      .max(300)
      .default('Check your contracts, pay invoices and get help, all in one place.')
      .meta({ widget: 'textarea', label: 'Subtitle' }),
    ctaLabel: z.string().trim().max(60).default('').meta({ label: 'Button text', help: 'Shown when a link is set too.' }),
    ctaHref: safeHrefOrEmpty.default('').meta({ widget: 'page-link', label: 'Button links to' }),
    layout: z.enum(['image-right', 'image-left', 'background']).default('image-right').meta({ label: 'Image position' }),
    imageSrc: assetSrcSchema.default('').meta({ widget: 'image', label: 'Image' }),
    imageAlt: z.string().trim().max(300).default('').meta({ label: 'Image alt text', help: 'Not needed for background or decorative images.' }),
    imageDecorative: z.boolean().default(false).meta({ label: 'Image is decorative' }),
    imageWidth: pixelSizeSchema.default(1200).meta({ label: 'Image width (px)' }),
    imageHeight: pixelSizeSchema.default(900).meta({ label: 'Image height (px)' }),
  })
  .strict()
  // A background image sits behind text and is decoration by construction.
  .superRefine((p, ctx) => requireAlt(p.imageSrc, p.imageAlt, p.imageDecorative || p.layout === 'background', 'imageAlt', ctx));

export const hero = defineBlock({
  type: 'hero',
  label: 'Hero',
  description: 'A large opening band with a title, a button and an image.',
  category: 'content',
  icon: 'hero',
  props: heroProps,
  Render: ({ props, ctx }) => {
    const Title = props.headingLevel;
    const link = props.ctaLabel && props.ctaHref ? linkAttrs(props.ctaHref, ctx) : null;
    const background = props.layout === 'background' && props.imageSrc !== '';
    const beside = props.layout !== 'background' && props.imageSrc !== '';
    const img = (alt: string, className: string) => (
      <img
        className={className}
        src={props.imageSrc}
        alt={alt}
        width={props.imageWidth}
        height={props.imageHeight}
        // Above the fold: load at once and first, unlike other images.
        loading="eager"
        fetchPriority="high"
        decoding="async"
        style={beside ? { aspectRatio: `${props.imageWidth} / ${props.imageHeight}` } : undefined}
      />
    );
    const layout = background ? 'background' : beside ? props.layout : 'text-only';
    return (
      <section className={`pb-hero pb-hero--${layout}`}>
        {background ? (
          <div className="pb-hero__backdrop">
            {img('', 'pb-hero__backdrop-img')}
            <div className="pb-hero__overlay" />
          </div>
        ) : null}
        <div className="pb-hero__content">
          {props.eyebrow ? <p className="pb-hero__eyebrow">{props.eyebrow}</p> : null}
          <Title className="pb-hero__title">{props.title}</Title>
          {props.subtitle ? <p className="pb-hero__subtitle">{props.subtitle}</p> : null}
          {link ? (
            <div className="pb-hero__actions">
              <a className="pb-btn pb-btn--primary pb-btn--large" {...link}>
                <span>{props.ctaLabel}</span>
                <Icon name={link.target ? 'external' : 'arrow-right'} />
                <NewTabHint attrs={link} />
              </a>
            </div>
          ) : null}
        </div>
        {beside ? <div className="pb-hero__media">{img(props.imageDecorative ? '' : props.imageAlt, 'pb-hero__img')}</div> : null}
      </section>
    );
  },
});
