// The partner portal of the demo: Northwind Energy's solar installers see the projects
// (opportunities) of the customers they work for, update the PV details and keep their
// certifications current. The document, and what its Installer / Partner role grants over the
// demo's entity types (templates/starters/energy-types.ts).
import { ACCOUNT, CONTACT, CONTACT_ACCOUNTS, CURRENT_SCHEMA_VERSION, defaultTheme, type BlockNode, type Page, type PortalDocument, type RoleGrantsInput, type Visibility } from '../../core';

const node = (id: string, type: string, props: Record<string, unknown>, slots?: Record<string, BlockNode[]>, visibility?: Visibility): BlockNode => ({
  id,
  type,
  props,
  ...(slots ? { slots } : {}),
  ...(visibility ? { visibility } : {}),
});

const footer = (id: string) =>
  node(id, 'footer', {
    columns: [
      { title: 'Partner desk', links: [{ label: 'partners@northwind.example', href: 'mailto:partners@northwind.example' }, { label: '+1 555 0190', href: 'tel:+15550190' }] },
    ],
    copyright: '© Northwind Energy',
    smallPrint: 'For certified installation partners of Northwind Energy.',
  });

/** The fields of an opportunity an installer fills in on site; everything else they only read. */
export const INSTALLER_EDITABLE_FIELDS = ['pvPanelCount', 'pvPanelModel', 'roofArea', 'installationDate'] as const;
const OPPORTUNITY_READ_ONLY = ['title', 'stage', 'value', 'notes', 'account', 'contact'] as const;

/** The grants of the partner portal's Installer / Partner role. */
export const INSTALLER_GRANTS: RoleGrantsInput = {
  entities: {
    [ACCOUNT]: { read: 'account', fields: { billingAddress: 'hidden' } },
    [CONTACT]: { read: 'account', fields: { [CONTACT_ACCOUNTS]: 'read' } },
    opportunity: {
      read: 'account',
      edit: 'account',
      fields: {
        ...Object.fromEntries(OPPORTUNITY_READ_ONLY.map((f) => [f, 'read'])),
        ...Object.fromEntries(INSTALLER_EDITABLE_FIELDS.map((f) => [f, 'edit'])),
      },
    },
    // Their own certifications: the ones linked to their contact (and the ones they added).
    certification: { create: true, read: 'contact', edit: 'contact', fields: { name: 'edit', issuer: 'edit', validUntil: 'edit', contact: 'read' } },
  },
  actions: ['services.request', 'cases.create', 'cases.comment', 'notifications.manage'],
};

/** Starter roles the partner portal does without: it has installers, and Viewer as its baseline. */
export const PARTNER_REMOVED_ROLES = ['customer-owner', 'accountant', 'operations-manager'] as const;

const SIGNED_IN: Visibility = { audience: 'signed-in' };

/** A signed-in page: a section with a heading and the given blocks, and the footer. */
function signedInPage(p: { id: string; path: string; title: string; icon?: string; inNav: boolean; eyebrow?: string; heading?: string; intro?: string }, blocks: BlockNode[]): Page {
  const head: BlockNode[] = p.heading ? [node(`${p.id}_h`, 'heading', { text: p.heading, level: 'h1', ...(p.eyebrow ? { eyebrow: p.eyebrow } : {}) })] : [];
  const intro: BlockNode[] = p.intro ? [node(`${p.id}_intro`, 'rich-text', { html: `<p>${p.intro}</p>` })] : [];
  return {
    id: p.id,
    path: p.path,
    title: { en: p.title },
    ...(p.icon ? { icon: p.icon } : {}),
    inNav: p.inNav,
    visibility: SIGNED_IN,
    blocks: [node(`${p.id}_s`, 'section', { padding: 'large' }, { body: [...head, ...intro, ...blocks] }), footer(`${p.id}_f`)],
  };
}

export function partnerDocument(): PortalDocument {
  const pages: Page[] = [
    {
      id: 'pp_home',
      path: '/',
      title: { en: 'Home' },
      icon: 'home',
      inNav: true,
      blocks: [
        node('pb_hero', 'hero', {
          eyebrow: 'Northwind Partner Portal',
          title: 'Your solar projects, across all your customers',
          subtitle: 'Survey roofs, record the panels you plan and keep your certifications up to date — for every customer you work for.',
          ctaLabel: 'Open your projects',
          ctaHref: '/opportunities',
        }),
        node(
          'pb_glance',
          'section',
          { padding: 'medium' },
          {
            body: [
              node('pb_glance_h', 'heading', { text: 'Your pipeline', level: 'h2' }),
              node('pb_kpis', 'columns', { count: 3 }, {
                col1: [node('pb_kpi_open', 'kpi', { entityType: 'opportunity', measure: 'count', field: '', filters: [{ field: 'stage', op: 'not-equals', value: 'won' }, { field: 'stage', op: 'not-equals', value: 'lost' }], label: 'Open projects', hint: 'Lead, survey or offer', format: 'number' })],
                col2: [node('pb_kpi_won', 'kpi', { entityType: 'opportunity', measure: 'count', field: '', filters: [{ field: 'stage', op: 'equals', value: 'won' }], label: 'Won, to install', hint: 'Ready for scheduling', format: 'number' })],
                col3: [node('pb_kpi_panels', 'kpi', { entityType: 'opportunity', measure: 'sum', field: 'pvPanelCount', filters: [{ field: 'stage', op: 'not-equals', value: 'lost' }], label: 'Panels planned', hint: 'Across open and won projects', format: 'number' })],
              }),
              node('pb_chart', 'chart', { entityType: 'opportunity', chartType: 'bar', measure: 'sum', field: 'value', groupBy: 'stage', filters: [], title: 'Project value by stage', height: 260 }),
            ],
          },
          SIGNED_IN,
        ),
        node('pb_main', 'section', { padding: 'medium' }, {
          body: [
            node('pb_links_h', 'heading', { text: 'Partner desk', level: 'h2' }),
            node('pb_links', 'quick-links', {
              items: [
                { id: 'projects', label: 'Projects', description: 'Opportunities at your customers', href: '/opportunities', icon: 'bolt' },
                { id: 'certs', label: 'Certifications', description: 'Keep your qualifications current', href: '/profile-certifications', icon: 'check' },
                { id: 'mail', label: 'Write to the partner desk', description: 'We answer within a business day', href: 'mailto:partners@northwind.example', icon: 'mail' },
                { id: 'call', label: 'Call the partner desk', description: 'Mon–Fri, 7:00–17:00', href: 'tel:+15550190', icon: 'phone' },
              ],
            }),
          ],
        }),
        footer('pb_footer'),
      ],
    },
    signedInPage({ id: 'pp_opps', path: '/opportunities', title: 'Projects', icon: 'bolt', inNav: true, eyebrow: 'Across your customers', heading: 'Solar projects', intro: 'The opportunities of every customer you work for. Open one to record the roof and the panels you plan.' }, [
      node('pb_opps', 'entity-table', {
        entityType: 'opportunity',
        columns: [
          { field: 'title', label: 'Project' },
          { field: 'account', label: 'Customer' },
          { field: 'stage', label: '' },
          { field: 'pvPanelCount', label: 'Panels' },
          { field: 'installationDate', label: 'Installation' },
          { field: 'value', label: '' },
        ],
        pageSize: 20,
        sortField: 'installationDate',
        sortDir: 'asc',
        search: true,
        detailPath: '/opportunities/:id',
        emptyText: 'No projects yet: Northwind assigns them to you.',
      }),
    ]),
    signedInPage({ id: 'pp_opp', path: '/opportunities/:id', title: 'Project', inNav: false }, [
      node('pb_opp', 'entity-detail', {
        entityType: 'opportunity',
        sections: [
          { title: 'Project', fields: ['stage', 'account', 'contact', 'value', 'notes'] },
          { title: 'Installation', fields: ['pvPanelCount', 'pvPanelModel', 'roofArea', 'installationDate'] },
        ],
        backPath: '/opportunities',
        backLabel: 'All projects',
      }),
      node('pb_opp_form', 'entity-form', {
        entityType: 'opportunity',
        mode: 'edit',
        fields: [...INSTALLER_EDITABLE_FIELDS],
        heading: 'Update the installation details',
        submitLabel: 'Save details',
        successMessage: 'Saved. Northwind sees the new details right away.',
      }),
      node('pb_opp_history', 'timeline', { entityType: 'opportunity', heading: 'History', limit: 10 }),
    ]),
    signedInPage({ id: 'pp_certs', path: '/profile-certifications', title: 'Certifications', icon: 'check', inNav: true, eyebrow: 'Your profile', heading: 'Your certifications', intro: 'Customers’ projects need a valid certification. Add a new one when you renew it.' }, [
      node('pb_certs', 'entity-list', {
        entityType: 'certification',
        fields: ['issuer', 'validUntil'],
        badgeField: '',
        layout: 'list',
        sortField: 'validUntil',
        sortDir: 'desc',
        emptyText: 'No certifications yet.',
      }),
      node('pb_cert_form', 'entity-form', {
        entityType: 'certification',
        mode: 'create',
        fields: ['name', 'issuer', 'validUntil'],
        heading: 'Add a certification',
        submitLabel: 'Add certification',
        successMessage: 'Added to your profile.',
      }),
    ]),
  ];
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages,
    navigation: ['pp_home', 'pp_opps', 'pp_certs'],
    theme: { ...defaultTheme, colors: { ...defaultTheme.colors, primary: '#b45309' } },
    texts: {},
  };
}
