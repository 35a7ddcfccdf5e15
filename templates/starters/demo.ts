// The demo portal's document: an energy utility's customer self-service site. Pages, navigation and
// theme only; records, sign-in and self-service actions arrive with their features.
import { CURRENT_SCHEMA_VERSION, defaultTheme, type BlockNode, type PortalDocument } from '../../core';

const node = (id: string, type: string, props: Record<string, unknown>, slots?: Record<string, BlockNode[]>): BlockNode => ({
  id,
  type,
  props,
  ...(slots ? { slots } : {}),
});

const footer = (id: string) =>
  node(id, 'footer', {
    columns: [
      { title: 'Service', links: [{ label: 'Help & FAQ', href: '/help' }, { label: 'Saving tips', href: '/energy-tips' }] },
      { title: 'Contact', links: [{ label: 'service@northwind.example', href: 'mailto:service@northwind.example' }, { label: '+1 555 0100', href: 'tel:+15550100' }] },
    ],
    copyright: '© Northwind Energy',
    smallPrint: 'Northwind Energy supplies electricity and gas from renewable sources.',
  });

export function demoDocument(): PortalDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [
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
          node('b_main', 'section', { padding: 'medium' }, {
            body: [
              node('b_notice', 'alert', { tone: 'info', title: 'Meter readings', text: 'Readings submitted by the 25th appear on your next invoice.' }),
              node('b_links_h', 'heading', { text: 'What would you like to do?', level: 'h2' }),
              node('b_links', 'quick-links', {
                items: [
                  { id: 'help', label: 'Help & FAQ', description: 'Answers to common questions', href: '/help', icon: 'help' },
                  { id: 'tips', label: 'Saving tips', description: 'Use less, pay less', href: '/energy-tips', icon: 'bolt' },
                  { id: 'call', label: 'Call us', description: 'Mon–Fri, 8:00–18:00', href: 'tel:+15550100', icon: 'phone' },
                  { id: 'mail', label: 'Write to us', description: 'We answer within a day', href: 'mailto:service@northwind.example', icon: 'mail' },
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
    ],
    navigation: ['p_home', 'p_tips', 'p_help'],
    theme: { ...defaultTheme, colors: { ...defaultTheme.colors, primary: '#0b6e4f' } },
    texts: {},
  };
}
