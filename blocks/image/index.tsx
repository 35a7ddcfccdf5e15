// Image: an uploaded picture with required alt text (or marked decorative), a reserved box
// (width/height attributes plus CSS aspect-ratio, so nothing shifts while it loads) and an optional caption.
import { z } from 'zod';
import { assetSrcSchema, pixelSizeSchema, requireAlt } from '../_lib/assets';
import { defineBlock } from '../_lib/define-block';
import { Icon } from '../_lib/icons';
import { UI_TEXT } from '../_lib/ui-text';

export const imageProps = z
  .object({
    src: assetSrcSchema.default('').meta({ widget: 'image', label: 'Image' }),
    alt: z
      .string()
      .trim()
      .max(300)
      .default('')
      .meta({ label: 'Alt text', help: 'What the image shows, for people who cannot see it. Required unless decorative.' }),
    decorative: z
      .boolean()
      .default(false)
      .meta({ label: 'Decorative only', help: 'Screen readers skip decorative images, so no alt text is needed.' }),
    width: pixelSizeSchema.default(1600).meta({ label: 'Width (px)' }),
    height: pixelSizeSchema.default(900).meta({ label: 'Height (px)' }),
    fit: z.enum(['cover', 'contain']).default('cover').meta({ label: 'Fit', help: 'Cover crops to fill the box; contain shows the whole image.' }),
    rounded: z.boolean().default(true).meta({ label: 'Rounded corners' }),
    caption: z.string().max(300).default('').meta({ label: 'Caption' }),
  })
  .strict()
  .superRefine((p, ctx) => requireAlt(p.src, p.alt, p.decorative, 'alt', ctx));

export const image = defineBlock({
  type: 'image',
  label: 'Image',
  description: 'A picture with alt text and an optional caption.',
  category: 'content',
  icon: 'image',
  props: imageProps,
  Render: ({ props, ctx }) => {
    const rounded = props.rounded ? ' pb-image--rounded' : '';
    // Inline because the ratio is per block; it fixes the box even after the file's own ratio is known.
    const box = { aspectRatio: `${props.width} / ${props.height}` };
    if (!props.src) {
      // Published without an image: keep the block's place in the markup but show customers nothing.
      if (ctx.mode === 'runtime') return <figure className="pb-image pb-image--empty" hidden />;
      return (
        <figure className={`pb-image pb-image--empty${rounded}`}>
          <div className="pb-image__placeholder" style={box}>
            <Icon name="image" />
            <span>{UI_TEXT.imagePlaceholder}</span>
          </div>
        </figure>
      );
    }
    return (
      <figure className={`pb-image${rounded}`}>
        <img
          className={`pb-image__img pb-image--fit-${props.fit}`}
          src={props.src}
          alt={props.decorative ? '' : props.alt}
          width={props.width}
          height={props.height}
          style={box}
          loading="lazy"
          decoding="async"
        />
        {props.caption ? <figcaption className="pb-image__caption">{props.caption}</figcaption> : null}
      </figure>
    );
  },
});
