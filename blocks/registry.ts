// The block registry: a plain record built from the definitions. Every block type is derived from it.
import type { z } from 'zod';
import type { BlockDefinition } from './_lib/define-block';
import { accordion } from './accordion';
import { alert } from './alert';
import { button } from './button';
import { card } from './card';
import { columns } from './columns';
import { contactCard } from './contact-card';
import { divider } from './divider';
import { footer } from './footer';
import { grid } from './grid';
import { heading } from './heading';
import { hero } from './hero';
import { image } from './image';
import { quickLinks } from './quick-links';
import { richText } from './rich-text';
import { section } from './section';
import { spacer } from './spacer';
import { tabs } from './tabs';
// data blocks: views (imports)
// data blocks: forms, search, figures (imports)
// self-service: commerce (imports)
// self-service: account (imports)

const definitions = [
  section,
  columns,
  grid,
  tabs,
  divider,
  spacer,
  heading,
  richText,
  image,
  button,
  card,
  hero,
  alert,
  accordion,
  contactCard,
  quickLinks,
  footer,
  // data blocks: views
  // data blocks: forms, search, figures
  // self-service: commerce
  // self-service: account
] as const;

type Definitions = (typeof definitions)[number];
export type BlockType = Definitions['type'];
type DefinitionOf<T extends BlockType> = Extract<Definitions, { type: T }>;
export type BlockProps<T extends BlockType> = z.output<DefinitionOf<T>['props']>;

export const registry = Object.fromEntries(definitions.map((d) => [d.type, d])) as {
  [T in BlockType]: DefinitionOf<T>;
};

/** Looks a block up by a type string from a stored document (which may name an unknown type). */
export function getBlock(type: string): BlockDefinition | undefined {
  return Object.hasOwn(registry, type) ? (registry[type as BlockType] as unknown as BlockDefinition) : undefined;
}

export const blockList: readonly BlockDefinition[] = definitions as unknown as readonly BlockDefinition[];
