// The portal document: zod schemas for what is versioned (pages, navigation, theme, texts, block trees)
// and the types derived from them. Validation against the block registry lives in blocks/.
import { z } from 'zod';

export const CURRENT_SCHEMA_VERSION = 1;

/** A BCP-47-ish locale key: `en`, `de`, `pt-BR`. */
export const localeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a locale such as "en" or "pt-BR"');

/** Text in one or more locales; the first entry is the fallback. */
export const localizedTextSchema = z
  .record(localeSchema, z.string().max(2000))
  .refine((v) => Object.keys(v).length > 0, 'needs at least one locale');
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only');

export const roleKeySchema = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9_-]*$/, 'role keys are lower-case slugs');

export const visibilitySchema = z
  .object({
    audience: z.enum(['public', 'signed-in']).optional(),
    roles: z.array(roleKeySchema).max(50).optional(),
  })
  .strict();
export type Visibility = z.infer<typeof visibilitySchema>;

export type BlockNode = {
  id: string;
  type: string;
  props: Record<string, unknown>;
  slots?: Record<string, BlockNode[]>;
  visibility?: Visibility;
};

/** The shape of a block node; its props are checked against the block's own schema in blocks/. */
export const blockNodeSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z
    .object({
      id: idSchema,
      type: z.string().min(1).max(64).regex(/^[a-z][a-z0-9-]*$/, 'block types are kebab-case'),
      props: z.record(z.string(), z.unknown()),
      slots: z.record(z.string().regex(/^[A-Za-z0-9_-]+$/), z.array(blockNodeSchema)).optional(),
      visibility: visibilitySchema.optional(),
    })
    .strict(),
);

/** `/`, `/invoices`, `/contracts/:id`: lower-case segments or `:params`; `_` prefixes are reserved. */
export const pagePathSchema = z
  .string()
  .max(200)
  .regex(
    /^\/$|^(\/(:[a-zA-Z][a-zA-Z0-9]*|[a-z0-9][a-z0-9-]*))+$/,
    'paths look like "/", "/invoices" or "/contracts/:id" (lower-case, no trailing slash)',
  );

export const pageSchema = z
  .object({
    id: idSchema,
    path: pagePathSchema,
    title: localizedTextSchema,
    icon: z.string().max(64).optional(),
    inNav: z.boolean(),
    visibility: visibilitySchema.optional(),
    blocks: z.array(blockNodeSchema),
  })
  .strict();
export type Page = z.infer<typeof pageSchema>;

const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #rrggbb');

export const themeSchema = z
  .object({
    colors: z
      .object({
        primary: colorSchema,
        primaryText: colorSchema,
        background: colorSchema,
        surface: colorSchema,
        text: colorSchema,
        muted: colorSchema,
        border: colorSchema,
        success: colorSchema,
        warning: colorSchema,
        danger: colorSchema,
      })
      .strict(),
    fonts: z
      .object({
        body: z.string().min(1).max(200),
        heading: z.string().min(1).max(200),
      })
      .strict(),
    radius: z.number().int().min(0).max(32),
    mode: z.enum(['light', 'dark', 'auto']),
    logo: z.string().max(500).optional(),
    favicon: z.string().max(500).optional(),
    customCss: z.string().max(50_000).optional(),
  })
  .strict();
export type Theme = z.infer<typeof themeSchema>;

export const defaultTheme: Theme = {
  colors: {
    primary: '#2457d6',
    primaryText: '#ffffff',
    background: '#f6f7f9',
    surface: '#ffffff',
    text: '#1b1f24',
    muted: '#5d6672',
    border: '#dde1e6',
    success: '#1f8a4c',
    warning: '#b7791f',
    danger: '#c53030',
  },
  fonts: {
    body: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    heading: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  },
  radius: 8,
  mode: 'light',
};

export const portalDocumentSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    pages: z.array(pageSchema).min(1).max(200),
    navigation: z.array(idSchema).max(200),
    theme: themeSchema,
    texts: z.record(z.string().min(1).max(100), localizedTextSchema),
  })
  .strict();
export type PortalDocument = z.infer<typeof portalDocumentSchema>;
