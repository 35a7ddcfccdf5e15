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
import { entityDetail } from './entity-detail';
import { entityList } from './entity-list';
import { entityTable } from './entity-table';
import { fileList } from './file-list';
import { relatedRecords } from './related-records';
// data blocks: forms, search, figures (imports)
import { entityForm } from './entity-form';
import { identifierSearch } from './identifier-search';
import { kpi } from './kpi';
import { chart } from './chart';
import { timeline } from './timeline';
// self-service: commerce (imports)
import { implementationStatus } from './implementation-status';
import { invoices } from './invoices';
import { offers } from './offers';
import { payments } from './payments';
import { serviceCatalogue } from './service-catalogue';
import { services } from './services';
// self-service: account (imports)
import { accountSettings } from './account-settings';
import { cases } from './cases';
import { knowledgeBase } from './knowledge-base';
import { notificationPreferences } from './notification-preferences';
import { paymentMethods } from './payment-methods';
import { team } from './team';

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
  entityTable,
  entityList,
  entityDetail,
  relatedRecords,
  fileList,
  // data blocks: forms, search, figures
  entityForm,
  identifierSearch,
  kpi,
  chart,
  timeline,
  // self-service: commerce
  offers,
  invoices,
  payments,
  services,
  serviceCatalogue,
  implementationStatus,
  // self-service: account
  cases,
  knowledgeBase,
  team,
  paymentMethods,
  accountSettings,
  notificationPreferences,
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
