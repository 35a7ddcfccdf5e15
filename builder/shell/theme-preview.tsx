// The theme editor's live preview: a sample page of real blocks (hero, quick links, a card, a
// contact card, callouts) rendered with the theme being edited, at desktop or phone width.
import { memo, useMemo } from 'react';
import type { BlockNode, Theme } from '../../core';
import { getBlock } from '../../blocks';
import { BlockTree } from '../../runtime/block-tree';
import { ThemedFrame, previewContext } from './themed-frame';

let sampleIds = 0;
/** A block with its defaults filled in by its own schema, so the sample can never be invalid. */
function sample(type: string, props: Record<string, unknown> = {}, slots?: Record<string, BlockNode[]>): BlockNode {
  const def = getBlock(type);
  if (!def) throw new Error(`unknown block type ${type}`);
  return { id: `theme-sample-${++sampleIds}`, type, props: def.props.parse(props) as Record<string, unknown>, ...(slots ? { slots } : {}) };
}

function samplePage(portalName: string): BlockNode[] {
  return [
    sample('hero', {
      eyebrow: portalName,
      title: 'Good morning, Jane',
      subtitle: 'Your contracts, invoices and meter readings, all in one place.',
      ctaLabel: 'View invoices',
      ctaHref: '/invoices',
    }),
    sample('quick-links'),
    sample('columns', { count: 2 }, {
      col1: [
        sample('card', { title: 'Your next invoice', subtitle: 'Due on 15 March', variant: 'elevated', icon: 'invoice', ctaLabel: 'Pay now', ctaHref: '/invoices' }, {
          body: [sample('rich-text', { html: '<p><strong>€84.20</strong> for February. Pay by card or direct debit; we send a receipt by email.</p>' })],
        }),
      ],
      col2: [sample('contact-card', { email: 'help@example.com', phone: '+49 30 1234 567' })],
    }),
    sample('columns', { count: 3, gap: 'small' }, {
      col1: [sample('alert', { tone: 'success', title: 'Reading received', text: 'Thanks! Your meter reading is on file.' })],
      col2: [sample('alert', { tone: 'warning', title: 'Check your address', text: 'Your billing address is incomplete.' })],
      col3: [sample('alert', { tone: 'danger', title: 'Payment failed', text: 'We could not collect your last payment.' })],
    }),
  ];
}

const SAMPLE_NAV = ['Home', 'Invoices', 'Contracts', 'Help'].map((title, i) => ({ id: `nav-${i}`, title, current: i === 0 }));

export const ThemePreview = memo(function ThemePreview({ theme, portal, width }: { theme: Theme; portal: { name: string; slug: string }; width: 'desktop' | 'mobile' }) {
  const ctx = useMemo(() => previewContext(portal), [portal]);
  // The sample does not depend on the theme: built once per portal name, so edits only restyle it.
  const blocks = useMemo(() => samplePage(portal.name), [portal.name]);
  return (
    <div className={`sh-theme-preview__viewport sh-theme-preview__viewport--${width}`}>
      <ThemedFrame theme={theme} portalName={portal.name} nav={width === 'desktop' ? SAMPLE_NAV : []} label="Theme preview">
        <BlockTree nodes={blocks} ctx={ctx} data={EMPTY_DATA} />
      </ThemedFrame>
    </div>
  );
});

const EMPTY_DATA: Record<string, unknown> = {};
