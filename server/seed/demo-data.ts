// The records of the demo (DESIGN.md section 6): Northwind Energy, an energy utility, with its
// customers' accounts, contacts, contracts, offers, invoices, services, cases and knowledge base,
// and a solar installer partner working across several of those customers. Declarative: every
// record has an external id and relations name their target by external id, so the list reads in
// any order of creation that puts targets first (the order below). Dates are relative to the seed
// date, so a demo seeded today has an offer valid for another five weeks and an invoice overdue.
import { T } from '../../templates/starters/energy-types';

export type DemoRecord = {
  type: string;
  externalId: string;
  data: Record<string, unknown>;
  /** The demo user (email) who created it in the portal: their "own" record. */
  createdBy?: string;
  /** A PDF to store and attach to the record's `document` field (invoices). */
  document?: { name: string; lines: string[] };
  /** When the record came into being (ISO), for lists in story order: a case before its replies. */
  at?: string;
};

/** External ids of the accounts and contacts that the seed and its tests refer to. */
export const DEMO_IDS = {
  sunnySide: 'DEMO-ACC-1',
  harbourBakery: 'DEMO-ACC-2',
  greenfield: 'DEMO-ACC-3',
  oakwood: 'DEMO-ACC-4',
  brightRoofs: 'DEMO-PARTNER-1',
  owner: 'DEMO-CON-OWNER',
  accountant: 'DEMO-CON-ACCOUNTANT',
  operations: 'DEMO-CON-OPERATIONS',
  viewer: 'DEMO-CON-VIEWER',
  installer: 'DEMO-CON-INSTALLER',
  /** The opportunity at a customer the installer is not linked to. */
  unlinkedOpportunity: 'DEMO-OPP-OAK-1',
} as const;

const ref = (externalId: string) => ({ externalId });
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const DAY = 86_400_000;

/** Everything below, for a seed made at `now`. */
export function demoRecords(now: Date): DemoRecord[] {
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  /** A date `n` days from the seed date, YYYY-MM-DD. */
  const day = (n: number) => new Date(base + n * DAY).toISOString().slice(0, 10);
  /** A moment `n` days from the seed date at `hour` UTC, ISO. */
  const at = (n: number, hour = 10, minute = 0) => new Date(base + n * DAY + (hour * 60 + minute) * 60_000).toISOString();
  const ym = (n: number) => day(n).slice(0, 7).replace('-', '');
  const year = (n: number) => day(n).slice(0, 4);
  const cardExpiry = `${day(0).slice(5, 7)}/${String((now.getUTCFullYear() + 2) % 100).padStart(2, '0')}`;
  const money = (n: number) => `EUR ${n.toFixed(2)}`;

  const records: DemoRecord[] = [];
  const add = (type: string, externalId: string, data: Record<string, unknown>, extra: Omit<DemoRecord, 'type' | 'externalId' | 'data'> = {}) =>
    records.push({ type, externalId, data, ...extra });

  // ── Accounts ────────────────────────────────────────────────────────────────────────────────
  add('account', DEMO_IDS.sunnySide, {
    name: 'Sunny Side Household',
    number: 'K-100001',
    email: 'home@customer.example',
    phone: '+49 30 5550 1201',
    billingAddress: { street: 'Lindenstraße 12', postalCode: '10969', city: 'Berlin', country: 'DE' },
  });
  add('account', DEMO_IDS.harbourBakery, {
    name: 'Harbour Bakery',
    number: 'K-100002',
    email: 'office@harbour-bakery.example',
    phone: '+49 40 5550 3380',
    billingAddress: { street: 'Hafenstraße 3', postalCode: '20459', city: 'Hamburg', country: 'DE' },
  });
  add('account', DEMO_IDS.greenfield, {
    name: 'Greenfield Farmhouse',
    number: 'K-100003',
    email: 'hello@greenfield-farm.example',
    phone: '+49 33205 5550 17',
    billingAddress: { street: 'Feldweg 7', postalCode: '14552', city: 'Michendorf', country: 'DE' },
  });
  add('account', DEMO_IDS.oakwood, {
    name: 'Oakwood Apartments',
    number: 'K-100004',
    email: 'management@oakwood-apartments.example',
    billingAddress: { street: 'Eichenallee 40', postalCode: '04109', city: 'Leipzig', country: 'DE' },
  });
  add('account', DEMO_IDS.brightRoofs, {
    name: 'Bright Roofs Ltd',
    number: 'P-200001',
    email: 'team@brightroofs.example',
    phone: '+49 331 5550 900',
    billingAddress: { street: 'Am Dachgarten 5', postalCode: '14467', city: 'Potsdam', country: 'DE' },
  });

  // ── Contacts (the demo users' first: the seed links each user to theirs) ───────────────────────
  const sunny = [ref(DEMO_IDS.sunnySide)];
  add('contact', DEMO_IDS.owner, { name: 'Olivia Owner', email: 'owner@customer.example', phone: '+49 170 5550 101', accounts: sunny });
  add('contact', DEMO_IDS.accountant, { name: 'Arne Accountant', email: 'accountant@customer.example', phone: '+49 170 5550 102', accounts: sunny });
  add('contact', DEMO_IDS.operations, { name: 'Oskar Operations', email: 'operations@customer.example', phone: '+49 170 5550 103', accounts: sunny });
  add('contact', DEMO_IDS.viewer, { name: 'Vera Viewer', email: 'viewer@customer.example', accounts: sunny });
  // The installer works for Bright Roofs (first: their own company) and on three customers' roofs.
  add('contact', DEMO_IDS.installer, {
    name: 'Ingrid Installer',
    email: 'installer@partner.example',
    phone: '+49 171 5550 900',
    accounts: [ref(DEMO_IDS.brightRoofs), ref(DEMO_IDS.sunnySide), ref(DEMO_IDS.harbourBakery), ref(DEMO_IDS.greenfield)],
  });
  add('contact', 'DEMO-CON-PAUL', { name: 'Paul Partner', email: 'paul@brightroofs.example', accounts: [ref(DEMO_IDS.brightRoofs)] });
  add('contact', 'DEMO-CON-HANNAH', { name: 'Hannah Becker', email: 'hannah@harbour-bakery.example', phone: '+49 40 5550 3381', accounts: [ref(DEMO_IDS.harbourBakery)] });
  add('contact', 'DEMO-CON-TOM', { name: 'Tom Becker', email: 'tom@harbour-bakery.example', accounts: [ref(DEMO_IDS.harbourBakery)] });
  add('contact', 'DEMO-CON-GUSTAV', { name: 'Gustav Feldmann', email: 'gustav@greenfield-farm.example', phone: '+49 160 5550 417', accounts: [ref(DEMO_IDS.greenfield)] });
  add('contact', 'DEMO-CON-OLGA', { name: 'Olga Eichner', email: 'olga@oakwood-apartments.example', accounts: [ref(DEMO_IDS.oakwood)] });

  // ── Knowledge base and catalogue (shared by every customer) ──────────────────────────────────
  const articles: [id: string, category: string, title: string, summary: string, body: string, published: boolean][] = [
    [
      'DEMO-KB-1',
      'billing',
      'Paying your invoice',
      'Direct debit, card or bank transfer: how to pay and when the money must arrive.',
      'You can pay every invoice in the portal: open Invoices, choose the invoice and select "Pay". We accept SEPA direct debit and cards.\n\nWith a direct debit mandate we collect the amount on the due date, so you never miss a payment. You can add or change the bank account under Account → Payment methods.\n\nPaying by bank transfer? Use the invoice number as the payment reference so we can match your payment within one business day.',
      true,
    ],
    [
      'DEMO-KB-2',
      'billing',
      'Understanding your monthly payment',
      'Why you pay the same amount every month and what the annual statement settles.',
      'Your monthly payment is an advance, calculated from your expected consumption over the year. It keeps your costs even across summer and winter.\n\nOnce a year we read your meter and send an annual statement: if you used less than expected, we refund the difference; if you used more, we invoice it and suggest a new monthly payment.\n\nYou can ask us to adjust your monthly payment at any time by opening a support case.',
      true,
    ],
    [
      'DEMO-KB-3',
      'moving',
      'Moving home: take your contract with you',
      'Tell us your moving date at least two weeks ahead and keep your price.',
      'Moving within our supply area? Your contract moves with you and your price stays the same.\n\n1. Open a support case in the category "Contract" with your moving date and new address.\n2. On the day you move, read both meters (old and new home) and send us the readings.\n3. We confirm the change and update your delivery address; your next invoice shows both addresses.\n\nMoving abroad or out of our area? We end your contract on your moving date without a notice period.',
      true,
    ],
    [
      'DEMO-KB-4',
      'meter',
      'Submitting a meter reading',
      'Where to find the reading, how to send it, and why it matters.',
      'Your meter shows the reading as a row of digits; note only the digits before the decimal point. The meter point number on your contract tells you which meter belongs to which contract.\n\nReadings submitted by the 25th of the month are used for your next invoice. A smart meter sends readings automatically — ask us about an upgrade in the service catalogue.',
      true,
    ],
    [
      'DEMO-KB-5',
      'tariffs',
      'Choosing the right tariff',
      'Fixed price, flexible price or a night tariff: which one suits your home.',
      'Green Power 24 guarantees your price for 24 months: the choice for planning ahead. Our flexible tariff follows the market every quarter and can be ended monthly.\n\nCharging an electric car or running a heat pump? A night tariff with a smart meter costs up to a third less for the energy you use between 22:00 and 6:00.\n\nAll our electricity comes from renewable sources in the region.',
      true,
    ],
    [
      'DEMO-KB-6',
      'general',
      'What to do during a power cut',
      'Check your fuses, then your neighbours, then call the grid operator’s fault line.',
      'First check the fuse box: if a switch has tripped, unplug the devices in that circuit and switch it back on.\n\nIf the whole street is dark, the grid operator is usually already working on it. Report the outage on the fault line printed on your meter; it is open day and night.\n\nKeep the fridge closed: food stays cold for about four hours without power.',
      true,
    ],
    [
      'DEMO-KB-7',
      'tariffs',
      'Heat pump tariff: questions and answers',
      'Draft: published when the tariff launches.',
      'The heat pump tariff is a separately metered tariff for heat pumps, with a lower price per kilowatt-hour. Details follow at launch.',
      false,
    ],
  ];
  for (const [id, category, title, summary, body, published] of articles) add(T.article, id, { title, summary, body, category, published });

  const catalogue: [id: string, name: string, kind: string, billing: string, price: number, visible: boolean, description: string][] = [
    ['DEMO-CAT-1', 'Green Power 24', 'plan', 'monthly', 79.9, true, '100% renewable electricity with a price guarantee for 24 months. Based on 2,800 kWh a year; your monthly payment follows your consumption.'],
    ['DEMO-CAT-2', 'Smart meter installation', 'item', 'once', 129, true, 'A certified technician replaces your meter with a smart meter. Readings are sent automatically and you see your consumption day by day.'],
    ['DEMO-CAT-3', 'Home charging bundle', 'bundle', 'once', 1249, true, 'An 11 kW wallbox, its installation by a certified electrician and our night tariff for charging your electric car.'],
    ['DEMO-CAT-4', 'Boiler care plan', 'plan', 'monthly', 9.9, true, 'A yearly service of your gas boiler, priority repairs within 48 hours and no call-out fees.'],
    ['DEMO-CAT-5', 'Heat pump tariff', 'plan', 'monthly', 54, false, 'A separately metered tariff for heat pumps. Not yet on sale: launching next season.'],
    ['DEMO-CAT-6', 'Appliance cover', 'plan', 'monthly', 6.5, false, 'Repair or replacement of household appliances up to 10 years old. No longer sold; existing plans continue.'],
  ];
  for (const [id, name, kind, billing, price, visible, description] of catalogue) add(T.catalogueItem, id, { name, kind, billing, price: eur(price), visible, description });

  // ── Sunny Side Household: the demo users' account ──────────────────────────────────────────
  const home = { street: 'Lindenstraße 12', postalCode: '10969', city: 'Berlin', country: 'DE' };
  add(T.meterPoint, 'DEMO-MP-1', { number: 'DE0001096900000000000000000012345', energy: 'electricity', address: home, lastReading: 18_234, lastReadingDate: day(-12), account: ref(DEMO_IDS.sunnySide) });
  add(T.meterPoint, 'DEMO-MP-2', { number: 'DE0001096900000000000000000054321', energy: 'gas', address: home, lastReading: 7_421, lastReadingDate: day(-12), account: ref(DEMO_IDS.sunnySide) });
  add(T.contract, 'DEMO-CTR-1', {
    number: 'NW-C-10231',
    product: 'Green Power 12',
    energy: 'electricity',
    status: 'active',
    startDate: day(-400),
    endDate: day(330),
    deliveryAddress: home,
    postcode: '10969',
    monthlyAmount: eur(84),
    meterPoint: ref('DEMO-MP-1'),
    account: ref(DEMO_IDS.sunnySide),
    contact: ref(DEMO_IDS.owner),
  });
  // Oskar looks after the heating: the gas contract names him, so his "contact" edit level reaches it.
  add(T.contract, 'DEMO-CTR-2', {
    number: 'NW-C-10232',
    product: 'Eco Gas Flex',
    energy: 'gas',
    status: 'active',
    startDate: day(-400),
    deliveryAddress: home,
    postcode: '10969',
    monthlyAmount: eur(62),
    meterPoint: ref('DEMO-MP-2'),
    account: ref(DEMO_IDS.sunnySide),
    contact: ref(DEMO_IDS.operations),
  });

  add(T.offer, 'DEMO-OFF-1', {
    title: 'Green Power 24: your price guaranteed for two years',
    number: `O-${year(0)}-5501`,
    description:
      'Switch your electricity contract NW-C-10231 to Green Power 24 and keep today’s price for 24 months. 100% renewable, no switching fee, and you can still move home with your contract.\n\nNew monthly payment: EUR 79.90 (today EUR 84.00).',
    status: 'open',
    amount: eur(79.9),
    validUntil: day(35),
    account: ref(DEMO_IDS.sunnySide),
    contact: ref(DEMO_IDS.owner),
  }, { at: at(-3, 8) });
  add(T.offer, 'DEMO-OFF-2', {
    title: 'Smart meter installation',
    number: `O-${year(-20)}-5488`,
    description: 'Replacement of your electricity meter by a smart meter, including installation and commissioning by a certified technician.',
    status: 'accepted',
    amount: eur(129),
    validUntil: day(-2),
    decidedAt: at(-16, 9, 12),
    account: ref(DEMO_IDS.sunnySide),
    contact: ref(DEMO_IDS.owner),
  }, { at: at(-21, 8) });
  add(T.offer, 'DEMO-OFF-3', {
    title: 'Home charging bundle',
    number: `O-${year(-50)}-5412`,
    description: 'An 11 kW wallbox with installation and our night tariff for charging your electric car.',
    status: 'expired',
    amount: eur(1249),
    validUntil: day(-20),
    account: ref(DEMO_IDS.sunnySide),
    contact: ref(DEMO_IDS.operations),
  }, { at: at(-50, 8) });

  const invoice = (id: string, n: { number: string; status: string; amount: number; issued: number; due: number; paid?: number; contract: string; account: string; title: string; customer: string }) =>
    add(
      T.invoice,
      id,
      {
        number: n.number,
        status: n.status,
        amount: eur(n.amount),
        issuedAt: day(n.issued),
        dueDate: day(n.due),
        ...(n.paid !== undefined ? { paidAt: at(n.paid, 6, 30) } : {}),
        contract: ref(n.contract),
        account: ref(n.account),
      },
      {
        at: at(n.issued, 7),
        document: {
          name: `${n.number}.pdf`,
          lines: [
            'Northwind Energy',
            `Invoice ${n.number}`,
            '',
            n.customer,
            `Issued: ${day(n.issued)}   Due: ${day(n.due)}`,
            '',
            n.title,
            `Amount due: ${money(n.amount)}`,
            '',
            'Demo document generated by Portico.',
          ],
        },
      },
    );
  const sunnyName = 'Sunny Side Household, Lindenstraße 12, 10969 Berlin';
  invoice('DEMO-INV-1', { number: `INV-${ym(-5)}-0412`, status: 'open', amount: 84, issued: -5, due: 9, contract: 'DEMO-CTR-1', account: DEMO_IDS.sunnySide, title: 'Monthly payment, electricity (NW-C-10231)', customer: sunnyName });
  invoice('DEMO-INV-2', { number: `INV-${ym(-40)}-0377`, status: 'overdue', amount: 62, issued: -40, due: -26, contract: 'DEMO-CTR-2', account: DEMO_IDS.sunnySide, title: 'Monthly payment, gas (NW-C-10232)', customer: sunnyName });
  invoice('DEMO-INV-3', { number: `INV-${ym(-35)}-0351`, status: 'paid', amount: 84, issued: -35, due: -21, paid: -21, contract: 'DEMO-CTR-1', account: DEMO_IDS.sunnySide, title: 'Monthly payment, electricity (NW-C-10231)', customer: sunnyName });
  invoice('DEMO-INV-4', { number: `INV-${ym(-70)}-0298`, status: 'paid', amount: 62, issued: -70, due: -56, paid: -56, contract: 'DEMO-CTR-2', account: DEMO_IDS.sunnySide, title: 'Monthly payment, gas (NW-C-10232)', customer: sunnyName });
  invoice('DEMO-INV-5', { number: `INV-${ym(-95)}-0240`, status: 'paid', amount: 131.4, issued: -95, due: -81, paid: -83, contract: 'DEMO-CTR-1', account: DEMO_IDS.sunnySide, title: 'Annual statement, electricity (NW-C-10231)', customer: sunnyName });
  const payment = (id: string, p: { reference: string; invoice: string; amount: number; paid: number; method: string; account: string }) =>
    add(
      T.payment,
      id,
      { reference: p.reference, invoice: ref(p.invoice), amount: eur(p.amount), paidAt: at(p.paid, 6, 30), method: p.method, provider: 'Northwind Billing', status: 'succeeded', account: ref(p.account) },
      { at: at(p.paid, 6, 30) },
    );
  payment('DEMO-PAY-1', { reference: `PAY-${ym(-21)}-8841`, invoice: 'DEMO-INV-3', amount: 84, paid: -21, method: 'SEPA direct debit', account: DEMO_IDS.sunnySide });
  payment('DEMO-PAY-2', { reference: `PAY-${ym(-56)}-8702`, invoice: 'DEMO-INV-4', amount: 62, paid: -56, method: 'SEPA direct debit', account: DEMO_IDS.sunnySide });
  payment('DEMO-PAY-3', { reference: `PAY-${ym(-83)}-8590`, invoice: 'DEMO-INV-5', amount: 131.4, paid: -83, method: 'Card •••• 4242', account: DEMO_IDS.sunnySide });

  add(T.service, 'DEMO-SRV-1', { name: 'Boiler care plan', status: 'active', startDate: day(-210), monthlyPrice: eur(9.9), catalogueItem: ref('DEMO-CAT-4'), account: ref(DEMO_IDS.sunnySide), contact: ref(DEMO_IDS.operations) });
  add(T.service, 'DEMO-SRV-2', { name: 'Appliance cover', status: 'active', startDate: day(-420), monthlyPrice: eur(6.5), catalogueItem: ref('DEMO-CAT-6'), account: ref(DEMO_IDS.sunnySide), contact: ref(DEMO_IDS.owner) });
  add(T.service, 'DEMO-SRV-3', {
    name: 'Paper invoices by post',
    status: 'cancelled',
    startDate: day(-700),
    endDate: day(-60),
    monthlyPrice: eur(1.5),
    cancellationReason: 'We read our invoices in the portal now.',
    cancellationRequestedAt: at(-95, 18, 5),
    account: ref(DEMO_IDS.sunnySide),
    contact: ref(DEMO_IDS.accountant),
  });

  add(T.order, 'DEMO-ORD-1', {
    number: 'ORD-7731',
    name: 'Smart meter installation',
    status: 'in-progress',
    progress: 50,
    catalogueItem: ref('DEMO-CAT-2'),
    requestedAt: at(-16, 9, 12),
    notes: 'The technician rings about 30 minutes before arriving. Please make sure the meter cabinet in the basement is accessible.',
    account: ref(DEMO_IDS.sunnySide),
    contact: ref(DEMO_IDS.operations),
  }, { at: at(-16, 9, 12) });
  const steps: [name: string, status: string, due: number, done?: number][] = [
    ['Order received', 'done', -16, -16],
    ['Appointment scheduled', 'done', -10, -11],
    ['Meter installed', 'current', 6],
    ['Commissioning and first reading', 'pending', 9],
  ];
  steps.forEach(([name, status, due, done], i) =>
    add(T.orderStep, `DEMO-STEP-${i + 1}`, {
      name,
      order: ref('DEMO-ORD-1'),
      position: i + 1,
      status,
      dueDate: day(due),
      ...(done !== undefined ? { completedAt: day(done) } : {}),
      account: ref(DEMO_IDS.sunnySide),
    }),
  );

  const comment = (id: string, c: { case: string; body: string; author: string; fromCustomer: boolean; contact?: string; account: string; at: string }) =>
    add(
      T.caseComment,
      id,
      {
        body: c.body,
        authorName: c.author,
        fromCustomer: c.fromCustomer,
        case: ref(c.case),
        account: ref(c.account),
        ...(c.contact ? { contact: ref(c.contact) } : {}),
      },
      { at: c.at },
    );
  add(T.case, 'DEMO-CASE-1', {
    subject: 'Meter reading seems too high',
    number: 'CS-10421',
    description: 'Our last electricity invoice is based on a reading of 18,234 kWh, but the meter showed 17,902 when I checked it. Could you please check the reading?',
    status: 'in-progress',
    priority: 'normal',
    category: 'technical',
    account: ref(DEMO_IDS.sunnySide),
    contact: ref(DEMO_IDS.owner),
  }, { at: at(-7, 8, 40) });
  comment('DEMO-CMT-1', { case: 'DEMO-CASE-1', author: 'Olivia Owner', fromCustomer: true, contact: DEMO_IDS.owner, account: DEMO_IDS.sunnySide, at: at(-7, 8, 52), body: 'The photo of the meter was taken this morning; the display reads 17,902 kWh.' });
  comment('DEMO-CMT-2', {
    case: 'DEMO-CASE-1',
    author: 'Jonas from Northwind support',
    fromCustomer: false,
    account: DEMO_IDS.sunnySide,
    at: at(-6, 10, 15),
    body: 'Thank you, Olivia. The reading on your invoice was estimated. We have asked the grid operator for the actual reading and will correct the invoice if needed — usually within five business days.',
  });
  comment('DEMO-CMT-3', { case: 'DEMO-CASE-1', author: 'Olivia Owner', fromCustomer: true, contact: DEMO_IDS.owner, account: DEMO_IDS.sunnySide, at: at(-6, 12, 3), body: 'Great, thanks for the quick answer.' });
  // Opened by Arne in the portal: his own case, and linked to his contact.
  add(
    T.case,
    'DEMO-CASE-2',
    {
      subject: 'Direct debit for the gas invoice was not collected',
      number: 'CS-10437',
      description: `The gas invoice due on ${day(-26)} still shows as overdue, although we have a direct debit mandate. Please collect it or tell us what is missing.`,
      status: 'waiting',
      priority: 'high',
      category: 'billing',
      account: ref(DEMO_IDS.sunnySide),
      contact: ref(DEMO_IDS.accountant),
    },
    { createdBy: 'accountant@customer.example', at: at(-4, 9, 20) },
  );
  comment('DEMO-CMT-4', { case: 'DEMO-CASE-2', author: 'Arne Accountant', fromCustomer: true, contact: DEMO_IDS.accountant, account: DEMO_IDS.sunnySide, at: at(-4, 9, 31), body: 'The bank account has not changed, so I am not sure why the collection failed.' });
  comment('DEMO-CMT-5', {
    case: 'DEMO-CASE-2',
    author: 'Mia from Northwind billing',
    fromCustomer: false,
    account: DEMO_IDS.sunnySide,
    at: at(-3, 14, 2),
    body: 'Hello Arne, the mandate for the gas contract expired after 36 months without a collection. Please pay this invoice in the portal; we have renewed the mandate for future invoices.',
  });
  add(T.case, 'DEMO-CASE-3', {
    subject: 'Moving to a new flat in spring',
    number: 'CS-10288',
    description: 'We are moving within Berlin next spring. Can we keep our electricity contract and price?',
    status: 'resolved',
    priority: 'low',
    category: 'contract',
    account: ref(DEMO_IDS.sunnySide),
    contact: ref(DEMO_IDS.owner),
  }, { at: at(-41, 19, 5) });
  comment('DEMO-CMT-6', { case: 'DEMO-CASE-3', author: 'Olivia Owner', fromCustomer: true, contact: DEMO_IDS.owner, account: DEMO_IDS.sunnySide, at: at(-41, 19, 20), body: 'Do we need to give notice for the gas contract as well?' });
  comment('DEMO-CMT-7', {
    case: 'DEMO-CASE-3',
    author: 'Jonas from Northwind support',
    fromCustomer: false,
    account: DEMO_IDS.sunnySide,
    at: at(-40, 11, 5),
    body: 'Both contracts move with you and keep their prices. Tell us your moving date two weeks ahead and send us the meter readings on the day — see our article "Moving home".',
  });

  add(T.paymentMethod, 'DEMO-PM-1', { label: 'Household account', kind: 'sepa', holder: 'Olivia Owner', masked: 'DE89 •••• 3000', isDefault: true, account: ref(DEMO_IDS.sunnySide) });
  add(T.paymentMethod, 'DEMO-PM-2', { label: 'Visa card', kind: 'card', holder: 'Olivia Owner', masked: '•••• 4242', expires: cardExpiry, isDefault: false, account: ref(DEMO_IDS.sunnySide) });

  // ── Harbour Bakery: another customer, whose records the demo users never see ────────────────
  const bakery = { street: 'Hafenstraße 3', postalCode: '20459', city: 'Hamburg', country: 'DE' };
  add(T.meterPoint, 'DEMO-MP-3', { number: 'DE0002045900000000000000000077810', energy: 'electricity', address: bakery, lastReading: 96_410, lastReadingDate: day(-3), account: ref(DEMO_IDS.harbourBakery) });
  add(T.contract, 'DEMO-CTR-3', {
    number: 'NW-C-20544',
    product: 'Business Power Fix',
    energy: 'electricity',
    status: 'active',
    startDate: day(-820),
    endDate: day(90),
    deliveryAddress: bakery,
    postcode: '20459',
    monthlyAmount: eur(412),
    meterPoint: ref('DEMO-MP-3'),
    account: ref(DEMO_IDS.harbourBakery),
    contact: ref('DEMO-CON-HANNAH'),
  });
  const bakeryName = 'Harbour Bakery, Hafenstraße 3, 20459 Hamburg';
  invoice('DEMO-INV-6', { number: `INV-${ym(-4)}-0415`, status: 'open', amount: 412, issued: -4, due: 10, contract: 'DEMO-CTR-3', account: DEMO_IDS.harbourBakery, title: 'Monthly payment, electricity (NW-C-20544)', customer: bakeryName });
  invoice('DEMO-INV-7', { number: `INV-${ym(-34)}-0354`, status: 'paid', amount: 398.6, issued: -34, due: -20, paid: -20, contract: 'DEMO-CTR-3', account: DEMO_IDS.harbourBakery, title: 'Monthly payment, electricity (NW-C-20544)', customer: bakeryName });
  payment('DEMO-PAY-4', { reference: `PAY-${ym(-20)}-8852`, invoice: 'DEMO-INV-7', amount: 398.6, paid: -20, method: 'SEPA direct debit', account: DEMO_IDS.harbourBakery });
  add(T.offer, 'DEMO-OFF-4', {
    title: 'Business Power Fix: renewal for 24 months',
    number: `O-${year(0)}-5507`,
    description: 'Renew your contract NW-C-20544 before it ends and keep a fixed price for another 24 months.',
    status: 'open',
    amount: eur(398),
    validUntil: day(45),
    account: ref(DEMO_IDS.harbourBakery),
    contact: ref('DEMO-CON-HANNAH'),
  });
  add(T.service, 'DEMO-SRV-4', { name: 'Boiler care plan', status: 'active', startDate: day(-300), monthlyPrice: eur(9.9), catalogueItem: ref('DEMO-CAT-4'), account: ref(DEMO_IDS.harbourBakery), contact: ref('DEMO-CON-TOM') });
  add(T.case, 'DEMO-CASE-4', {
    subject: 'Power cut during early baking hours',
    number: 'CS-10402',
    description: 'The power went off at 3:40 this morning for about twenty minutes. Was this planned?',
    status: 'resolved',
    priority: 'high',
    category: 'technical',
    account: ref(DEMO_IDS.harbourBakery),
    contact: ref('DEMO-CON-TOM'),
  }, { at: at(-13, 4, 10) });
  comment('DEMO-CMT-8', {
    case: 'DEMO-CASE-4',
    author: 'Jonas from Northwind support',
    fromCustomer: false,
    account: DEMO_IDS.harbourBakery,
    at: at(-12, 9, 40),
    body: 'The grid operator replaced a transformer in your street; the work was announced for the afternoon and started early. We are sorry and have credited EUR 25 to your next invoice.',
  });
  add(T.paymentMethod, 'DEMO-PM-3', { label: 'Business account', kind: 'sepa', holder: 'Harbour Bakery', masked: 'DE12 •••• 7781', isDefault: true, account: ref(DEMO_IDS.harbourBakery) });

  // ── Greenfield Farmhouse and Oakwood Apartments: customers of the installer partner ────────
  const farm = { street: 'Feldweg 7', postalCode: '14552', city: 'Michendorf', country: 'DE' };
  add(T.meterPoint, 'DEMO-MP-4', { number: 'DE0001455200000000000000000031107', energy: 'electricity', address: farm, lastReading: 41_275, lastReadingDate: day(-30), account: ref(DEMO_IDS.greenfield) });
  add(T.contract, 'DEMO-CTR-4', {
    number: 'NW-C-30112',
    product: 'Green Power 12',
    energy: 'electricity',
    status: 'active',
    startDate: day(-150),
    endDate: day(215),
    deliveryAddress: farm,
    postcode: '14552',
    monthlyAmount: eur(156),
    meterPoint: ref('DEMO-MP-4'),
    account: ref(DEMO_IDS.greenfield),
    contact: ref('DEMO-CON-GUSTAV'),
  });
  invoice('DEMO-INV-8', { number: `INV-${ym(-6)}-0409`, status: 'paid', amount: 156, issued: -6, due: 8, paid: -2, contract: 'DEMO-CTR-4', account: DEMO_IDS.greenfield, title: 'Monthly payment, electricity (NW-C-30112)', customer: 'Greenfield Farmhouse, Feldweg 7, 14552 Michendorf' });
  payment('DEMO-PAY-5', { reference: `PAY-${ym(-2)}-8870`, invoice: 'DEMO-INV-8', amount: 156, paid: -2, method: 'Bank transfer', account: DEMO_IDS.greenfield });

  const opportunity = (id: string, o: Record<string, unknown> & { account: string; contact: string }) =>
    add(T.opportunity, id, { ...o, account: ref(o.account), contact: ref(o.contact) });
  opportunity('DEMO-OPP-1', {
    title: 'Rooftop PV 9.6 kWp, Lindenstraße 12',
    stage: 'survey',
    pvPanelCount: 24,
    pvPanelModel: 'SunPeak Mono 400 W',
    roofArea: 52,
    installationDate: day(42),
    value: eur(18_900),
    notes: 'South-facing roof, 35° pitch. Site survey booked; check the meter cabinet for space for a second meter.',
    account: DEMO_IDS.sunnySide,
    contact: DEMO_IDS.owner,
  });
  opportunity('DEMO-OPP-2', {
    title: 'Battery storage 10 kWh',
    stage: 'lead',
    value: eur(7_400),
    notes: 'Asked about a battery together with the rooftop system.',
    account: DEMO_IDS.sunnySide,
    contact: DEMO_IDS.owner,
  });
  opportunity('DEMO-OPP-3', {
    title: 'Bakery roof PV 30 kWp',
    stage: 'offer',
    pvPanelCount: 72,
    pvPanelModel: 'SunPeak Mono 420 W',
    roofArea: 165,
    installationDate: day(75),
    value: eur(41_200),
    notes: 'Flat roof with ballast mounting; the ovens run from 3:00, so self-consumption is high in the morning.',
    account: DEMO_IDS.harbourBakery,
    contact: 'DEMO-CON-HANNAH',
  });
  opportunity('DEMO-OPP-4', {
    title: 'Barn roof PV 45 kWp',
    stage: 'won',
    pvPanelCount: 108,
    pvPanelModel: 'SunPeak Mono 420 W',
    roofArea: 240,
    installationDate: day(18),
    value: eur(58_500),
    notes: 'Scaffolding arrives two days before installation. Grid connection request approved.',
    account: DEMO_IDS.greenfield,
    contact: 'DEMO-CON-GUSTAV',
  });
  opportunity('DEMO-OPP-5', {
    title: 'Carport solar canopy',
    stage: 'lost',
    pvPanelCount: 16,
    roofArea: 30,
    value: eur(14_800),
    notes: 'The customer postponed the carport by two years.',
    account: DEMO_IDS.greenfield,
    contact: 'DEMO-CON-GUSTAV',
  });
  opportunity(DEMO_IDS.unlinkedOpportunity, {
    title: 'Apartment block PV 60 kWp',
    stage: 'survey',
    pvPanelCount: 144,
    roofArea: 320,
    value: eur(79_000),
    notes: 'Tenant electricity model; handled by another partner.',
    account: DEMO_IDS.oakwood,
    contact: 'DEMO-CON-OLGA',
  });
  add(
    T.certification,
    'DEMO-CERT-1',
    { name: 'Certified solar installer (PV systems up to 100 kWp)', issuer: 'TÜV Rheinland', validUntil: day(420), contact: ref(DEMO_IDS.installer) },
    { createdBy: 'installer@partner.example' },
  );
  return records;
}
