// The demo portal's document: an energy utility's customer self-service site over the demo's entity
// types (templates/starters/energy-types.ts). Public pages (home, saving tips, help) and, for
// signed-in customers, their contracts, offers, invoices, services and orders, support cases and
// account. Blocks that need a grant are left out for roles without it (the block's requirements);
// pages meant for some roles only say so in their visibility, so others never see them in the menu.
import { CURRENT_SCHEMA_VERSION, defaultTheme, type BlockNode, type Page, type PortalDocument, type Visibility } from '../../core';

const node = (id: string, type: string, props: Record<string, unknown>, slots?: Record<string, BlockNode[]>, visibility?: Visibility): BlockNode => ({
  id,
  type,
  props,
  ...(slots ? { slots } : {}),
  ...(visibility ? { visibility } : {}),
});

const SIGNED_IN: Visibility = { audience: 'signed-in' };

const footer = (id: string) =>
  node(id, 'footer', {
    columns: [
      { title: 'Service', links: [{ label: 'Help & FAQ', href: '/help' }, { label: 'Saving tips', href: '/energy-tips' }] },
      { title: 'Contact', links: [{ label: 'service@northwind.example', href: 'mailto:service@northwind.example' }, { label: '+1 555 0100', href: 'tel:+15550100' }] },
    ],
    copyright: '© Northwind Energy',
    smallPrint: 'Northwind Energy supplies electricity and gas from renewable sources.',
  });

/** A signed-in page: a section with a heading and the given blocks, and the footer. */
function signedInPage(p: { id: string; path: string; title: string; icon?: string; inNav: boolean; eyebrow?: string; heading?: string; intro?: string; roles?: string[]; width?: 'narrow' | 'normal' | 'wide' }, blocks: BlockNode[]): Page {
  const head: BlockNode[] = p.heading ? [node(`${p.id}_h`, 'heading', { text: p.heading, level: 'h1', ...(p.eyebrow ? { eyebrow: p.eyebrow } : {}) })] : [];
  const intro: BlockNode[] = p.intro ? [node(`${p.id}_intro`, 'rich-text', { html: `<p>${p.intro}</p>` })] : [];
  return {
    id: p.id,
    path: p.path,
    title: { en: p.title },
    ...(p.icon ? { icon: p.icon } : {}),
    inNav: p.inNav,
    visibility: p.roles ? { audience: 'signed-in', roles: p.roles } : SIGNED_IN,
    blocks: [node(`${p.id}_s`, 'section', { padding: 'large', width: p.width ?? 'normal' }, { body: [...head, ...intro, ...blocks] }), footer(`${p.id}_f`)],
  };
}

const kpi = (id: string, props: Record<string, unknown>) => node(id, 'kpi', props);

export function demoDocument(): PortalDocument {
  const pages: Page[] = [
    {
      id: 'p_home',
      path: '/',
      title: { en: 'Home' },
      icon: 'home',
      inNav: true,
      blocks: [
        node('b_hero', 'hero', {
          eyebrow: 'Northwind Energy',
          title: 'Your energy, in one place',
          subtitle: 'Check your contracts, pay invoices, submit meter readings and get help whenever it suits you.',
          ctaLabel: 'Get help',
          ctaHref: '/help',
        }),
        // Signed-in customers: their figures at a glance and the offers waiting for them.
        node(
          'b_glance',
          'section',
          { padding: 'medium' },
          {
            body: [
              node('b_glance_h', 'heading', { text: 'At a glance', level: 'h2' }),
              node('b_kpis', 'grid', { minItemWidth: 'medium', gap: 'medium' }, {
                items: [
                  kpi('b_kpi_due', {
                    entityType: 'invoice',
                    measure: 'sum',
                    field: 'amount',
                    filters: [
                      { field: 'status', op: 'not-equals', value: 'paid' },
                      { field: 'status', op: 'not-equals', value: 'cancelled' },
                    ],
                    label: 'Open invoices',
                    hint: 'Open and overdue, to pay',
                    format: 'money',
                  }),
                  kpi('b_kpi_contracts', { entityType: 'contract', measure: 'count', field: '', filters: [{ field: 'status', op: 'equals', value: 'active' }], label: 'Active contracts', hint: 'Electricity and gas', format: 'number' }),
                  kpi('b_kpi_services', { entityType: 'service', measure: 'count', field: '', filters: [{ field: 'status', op: 'equals', value: 'active' }], label: 'Active services', hint: 'Booked extras', format: 'number' }),
                  kpi('b_kpi_cases', { entityType: 'case', measure: 'count', field: '', filters: [{ field: 'status', op: 'not-equals', value: 'resolved' }], label: 'Open cases', hint: 'Being worked on or waiting for you', format: 'number' }),
                ],
              }),
              node('b_home_offers', 'offers', { heading: 'Offers for you', statuses: ['open'], limit: 3, emptyText: 'No open offers at the moment.' }),
            ],
          },
          SIGNED_IN,
        ),
        node('b_main', 'section', { padding: 'medium' }, {
          body: [
            node('b_notice', 'alert', { tone: 'info', title: 'Meter readings', text: 'Readings submitted by the 25th appear on your next invoice.' }),
            node('b_links_h', 'heading', { text: 'What would you like to do?', level: 'h2' }),
            node('b_links', 'quick-links', {
              items: [
                { id: 'contracts', label: 'Your contracts', description: 'Details, delivery address, meter', href: '/contracts', icon: 'contract' },
                { id: 'invoices', label: 'Invoices', description: 'View and pay your bills', href: '/invoices', icon: 'invoice' },
                { id: 'support', label: 'Support', description: 'Open a case, follow its answers', href: '/support', icon: 'chat' },
                { id: 'help', label: 'Help & FAQ', description: 'Answers to common questions', href: '/help', icon: 'help' },
              ],
            }),
            node('b_cols', 'columns', { count: 2 }, {
              col1: [
                node('b_card1', 'card', { title: '100% renewable', icon: 'bolt', variant: 'elevated' }, {
                  body: [node('b_card1_t', 'rich-text', { html: '<p>Every kilowatt-hour we supply comes from wind, solar and hydro power in the region.</p>' })],
                }),
              ],
              col2: [
                node('b_card2', 'card', { title: 'Fair prices', icon: 'check', variant: 'elevated', ctaLabel: 'See saving tips', ctaHref: '/energy-tips' }, {
                  body: [node('b_card2_t', 'rich-text', { html: '<p>No hidden fees. Your price is guaranteed for twelve months from the start of your contract.</p>' })],
                }),
              ],
            }),
          ],
        }),
        footer('b_footer'),
      ],
    },

    signedInPage({ id: 'p_contracts', path: '/contracts', title: 'Contracts', icon: 'contract', inNav: true, eyebrow: 'Your supply', heading: 'Your contracts', intro: 'Your electricity and gas contracts. Open one for its details, meter point, invoices and history.' }, [
      node('b_contracts', 'entity-table', {
        entityType: 'contract',
        columns: [
          { field: 'number', label: 'Contract' },
          { field: 'product', label: '' },
          { field: 'energy', label: '' },
          { field: 'status', label: '' },
          { field: 'startDate', label: 'Since' },
          { field: 'monthlyAmount', label: '' },
        ],
        sortField: 'number',
        sortDir: 'asc',
        detailPath: '/contracts/:id',
        emptyText: 'You have no contracts with us yet.',
      }),
    ]),
    signedInPage({ id: 'p_contract', path: '/contracts/:id', title: 'Contract', inNav: false }, [
      node('b_contract', 'entity-detail', {
        entityType: 'contract',
        sections: [
          { title: 'Contract', fields: ['number', 'product', 'energy', 'status', 'startDate', 'endDate', 'monthlyAmount'] },
          { title: 'Supply', fields: ['deliveryAddress', 'postcode', 'meterPoint'] },
        ],
        backPath: '/contracts',
        backLabel: 'All contracts',
      }),
      node('b_contract_address', 'entity-form', {
        entityType: 'contract',
        mode: 'edit',
        fields: ['deliveryAddress'],
        heading: 'Change the delivery address',
        submitLabel: 'Save address',
        successMessage: 'Thank you — we deliver to the new address from now on.',
      }),
      node('b_contract_invoices', 'related-records', {
        heading: 'Invoices for this contract',
        entityType: 'invoice',
        relationField: 'contract',
        columns: [
          { field: 'number', label: 'Invoice' },
          { field: 'issuedAt', label: '' },
          { field: 'dueDate', label: '' },
          { field: 'status', label: '' },
          { field: 'amount', label: '' },
        ],
        sortField: 'issuedAt',
        sortDir: 'desc',
        emptyText: 'No invoices for this contract yet.',
      }),
      node('b_contract_history', 'timeline', { entityType: 'contract', heading: 'History', limit: 10 }),
    ]),

    signedInPage(
      { id: 'p_offers', path: '/offers', title: 'Offers', icon: 'check', inNav: true, eyebrow: 'For you', heading: 'Offers', intro: 'Offers we made you. Accept one in a click, or tell us why it does not suit you.', roles: ['customer-owner', 'operations-manager'] },
      [node('b_offers', 'offers', { heading: 'Your offers', limit: 20 })],
    ),

    signedInPage({ id: 'p_invoices', path: '/invoices', title: 'Invoices', icon: 'invoice', inNav: true, eyebrow: 'Billing', heading: 'Invoices and payments', intro: 'Pay open invoices with your default payment method and download every invoice as a PDF.' }, [
      node('b_invoices', 'invoices', { heading: 'Your invoices', limit: 24 }),
      node('b_payments', 'payments', { heading: 'Payment history', limit: 24 }),
    ]),

    signedInPage({ id: 'p_services', path: '/services', title: 'Services', icon: 'settings', inNav: true, eyebrow: 'Extras', heading: 'Services', intro: 'The services you have booked, what you can add, and how your orders are coming along.' }, [
      node('b_services', 'services', { heading: 'Your services' }),
      node('b_orders', 'implementation-status', { heading: 'Your orders', mode: 'orders', detailPath: '/orders/:id' }),
      node('b_catalogue', 'service-catalogue', { heading: 'Add a service', successPath: '/orders/:id' }),
      node('b_services_past', 'services', { heading: 'Ended services', statuses: ['cancelled'], emptyText: 'No ended services.' }),
    ]),
    signedInPage({ id: 'p_order', path: '/orders/:id', title: 'Order', inNav: false }, [
      node('b_order', 'entity-detail', {
        entityType: 'order',
        sections: [{ title: 'Order', fields: ['number', 'name', 'status', 'requestedAt', 'catalogueItem', 'notes'] }],
        backPath: '/services',
        backLabel: 'All services and orders',
      }),
      node('b_order_steps', 'implementation-status', { heading: 'Progress', mode: 'order' }),
    ]),

    signedInPage({ id: 'p_support', path: '/support', title: 'Support', icon: 'chat', inNav: true, eyebrow: 'We are here to help', heading: 'Support', intro: 'Your household’s support cases. Open a new one and follow our answers here.' }, [
      node('b_cases', 'cases', { mode: 'list', detailPath: '/support/:id' }),
    ]),
    signedInPage({ id: 'p_case', path: '/support/:id', title: 'Case', inNav: false }, [
      node('b_case', 'entity-detail', {
        entityType: 'case',
        sections: [{ title: 'Case', fields: ['number', 'status', 'priority', 'category', 'contact', 'description'] }],
        backPath: '/support',
        backLabel: 'All cases',
      }),
      node('b_case_messages', 'cases', { mode: 'detail', heading: 'Messages' }),
    ]),

    {
      id: 'p_help',
      path: '/help',
      title: { en: 'Help' },
      icon: 'help',
      inNav: true,
      blocks: [
        node('b_help', 'section', { padding: 'large', width: 'narrow' }, {
          body: [
            node('b_help_h', 'heading', { text: 'Help & FAQ', level: 'h1', eyebrow: 'Support' }),
            node('b_kb', 'knowledge-base', { mode: 'list', heading: 'Help articles', articlePath: '/help/:id' }),
            node('b_faq_h', 'heading', { text: 'Frequently asked', level: 'h2' }),
            node('b_faq', 'accordion', {}),
            node('b_contact', 'contact-card', {
              heading: 'Still need help?',
              name: 'Northwind customer service',
              role: 'We are here for you on weekdays',
              email: 'service@northwind.example',
              phone: '+1 555 0100',
              hours: 'Mon–Fri, 8:00–18:00',
            }),
          ],
        }),
        footer('b_help_footer'),
      ],
    },
    signedInPage({ id: 'p_article', path: '/help/:id', title: 'Help article', inNav: false, width: 'narrow' }, [node('b_article', 'knowledge-base', { mode: 'article', listPath: '/help' })]),

    {
      id: 'p_tips',
      path: '/energy-tips',
      title: { en: 'Saving tips' },
      icon: 'bolt',
      inNav: true,
      blocks: [
        node('b_tips', 'section', { padding: 'large' }, {
          body: [
            node('b_tips_h', 'heading', { text: 'Use less, pay less', level: 'h1', eyebrow: 'Saving tips' }),
            node('b_tips_tabs', 'tabs', { tabs: [{ id: 'home', label: 'At home' }, { id: 'heating', label: 'Heating' }, { id: 'mobility', label: 'On the road' }] }, {
              home: [node('b_t1', 'rich-text', { html: '<ul><li>Switch devices off instead of leaving them on standby.</li><li>Wash at 30 °C: most laundry gets just as clean.</li><li>Replace old bulbs with LEDs.</li></ul>' })],
              heating: [node('b_t2', 'rich-text', { html: '<p>Each degree less saves about 6% of heating energy. Air rooms briefly and fully instead of leaving windows tilted.</p>' })],
              mobility: [node('b_t3', 'rich-text', { html: '<p>Charging an electric car overnight on our night tariff costs up to a third less.</p>' })],
            }),
          ],
        }),
        footer('b_tips_footer'),
      ],
    },

    signedInPage({ id: 'p_account', path: '/account', title: 'Account', icon: 'user', inNav: true, eyebrow: 'Settings', heading: 'Your account', intro: 'Your household’s details, how you pay, who may use the portal and which emails you get.' }, [
      node('b_account', 'account-settings', { heading: 'Household details' }),
      node('b_payment_methods', 'payment-methods', { heading: 'Payment methods', creditor: 'Northwind Energy' }),
      node('b_team', 'team', { heading: 'Who can use the portal', intro: 'People of your household who can sign in. Invite them and decide what they may do.' }, undefined, { roles: ['customer-owner'] }),
      node('b_notifications', 'notification-preferences', {}),
    ]),
  ];
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages,
    navigation: ['p_home', 'p_contracts', 'p_offers', 'p_invoices', 'p_services', 'p_support', 'p_help', 'p_tips', 'p_account'],
    theme: { ...defaultTheme, colors: { ...defaultTheme.colors, primary: '#0b6e4f' } },
    texts: {},
  };
}
