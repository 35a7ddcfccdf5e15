// `npm run bench:builder`: the builder's budgets (DESIGN.md section 8) on the production bundles, in
// Chromium, with a 100-block and a 500-block page side by side (one browser context per size; the
// sizes take turns trial by trial, so drift on a shared machine falls on both alike). Every time is
// taken in the page (builder-probe.ts): load (navigation start until every block is on the canvas),
// select (a click on a block until the inspector shows it), keystroke (keydown in the inspector's
// text field until the canvas shows the text), duplicate (Ctrl+D until the copy is on the canvas),
// the frame intervals of a mouse drag down the canvas, and the JS heap after 50 edits and a forced
// GC. For reference it also prints each latency until the next frame (style, layout and paint).
// BENCH_TRIALS=<n> changes the number of trials (60); BENCH_DEBUG=1 prints every sample;
// BENCH_PROFILE=<dir> writes a CPU profile of each page per interaction (the sampling slows the page
// down: such a run's figures are not comparable).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { builderDocument } from './fixtures';
import { installProbe, type BenchProbe, type ProbeWindow, type Timing } from './builder-probe';
import { startProcess } from './process';

const SIZES = [100, 500] as const;
const TRIALS = Number(process.env.BENCH_TRIALS ?? 60);
const LOADS = 20;
const DRAGS = 5;
const DRAG_STEPS = 40;
const EDITS = 50;
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;
const ADMIN = { email: 'bench@portico.test', password: 'bench-password-1' };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

// ---- figures ----------------------------------------------------------------------------------

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const median = (xs: readonly number[]) => quantile(xs, 0.5);
const p95 = (xs: readonly number[]) => quantile(xs, 0.95);
const fmt = (n: number, d = 1) => n.toFixed(d);

/** A seeded generator, so every run picks the same blocks. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the server -------------------------------------------------------------------------------


/** Creates one portal per size through the admin API, each with a draft of exactly that many blocks. */
async function createPortals(base: string): Promise<Map<number, string>> {
  const origin = new URL(base).origin;
  const login = await fetch(`${base}/admin/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(ADMIN) });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const call = async <T>(proc: string, input: unknown): Promise<T> => {
    const res = await fetch(`${base}/admin/api/trpc/${proc}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, cookie }, body: JSON.stringify(input) });
    if (!res.ok) throw new Error(`${proc}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { result: { data: T } }).result.data;
  };
  const query = async <T>(proc: string, input: unknown): Promise<T> => {
    const res = await fetch(`${base}/admin/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${proc}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { result: { data: T } }).result.data;
  };
  const ids = new Map<number, string>();
  for (const n of SIZES) {
    const { id } = await call<{ id: string }>('portals.create', { slug: `bench-${n}`, name: `Bench ${n}` });
    const draft = await query<{ revision: number }>('portals.getDraft', { id });
    await call('portals.saveDraft', { id, baseRevision: draft.revision, document: builderDocument(n) });
    ids.set(n, id);
  }
  return ids;
}

// ---- the page ---------------------------------------------------------------------------------

/** Calls a method of the in-page probe. */
function probe<K extends keyof BenchProbe>(page: Page, method: K, ...args: Parameters<BenchProbe[K]>): Promise<Awaited<ReturnType<BenchProbe[K]>>> {
  return page.evaluate(
    ([m, a]) => {
      const p = (window as unknown as ProbeWindow).__bench as unknown as Record<string, (...xs: unknown[]) => unknown>;
      return p[m]!(...a);
    },
    [method, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<BenchProbe[K]>>>;
}

type Block = { id: string; label: string; top: boolean };

async function openEditor(context: BrowserContext, url: string): Promise<{ page: Page; load: Timing }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const load = await probe(page, 'loadTiming');
  return { page, load };
}

/**
 * Waits until autosave is idle: the indicator says saved, or has said "unsaved" without a save
 * starting for longer than the autosave debounce (after an undo back to the saved document the
 * indicator keeps saying "Unsaved changes" although nothing is pending).
 */
async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = '';
  let since = Date.now();
  for (;;) {
    const status = (await page.getAttribute('[data-status]', 'data-status')) ?? '';
    if (status !== last) {
      last = status;
      since = Date.now();
    }
    if (status === 'saved' || (status === 'unsaved' && Date.now() - since > 1500)) break;
    if (Date.now() > deadline) throw new Error(`autosave did not settle (status "${status}")`);
    await page.waitForTimeout(100);
  }
  await probe(page, 'frames', 2);
}

function blocksOf(page: Page): Promise<Block[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-cv-node]')].map((el) => ({
      id: el.dataset.cvNode!,
      label: el.dataset.cvLabel!,
      top: el.parentElement?.hasAttribute('data-cv-main') ?? false,
    })),
  );
}

async function waitForCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelectorAll('[data-cv-node]').length === want, n, { timeout: 10_000 });
}

/** The inspector's text field for a block's prop, by its label. */
const field = (page: Page, id: string, label: string) => page.locator(`[data-insp-block="${id}"]`).getByLabel(label, { exact: true });

async function selectUntimed(page: Page, id: string): Promise<void> {
  await probe(page, 'reveal', id);
  if ((await page.getAttribute('[data-insp-block]', 'data-insp-block')) !== id) await probe(page, 'select', id);
}

type Interactions = {
  select: Timing[];
  keystroke: Timing[];
  duplicate: Timing[];
  frames: number[];
  dragsMoved: number;
  heapAfterLoad: number;
  heapAfterEdits: number;
};
type SizeResult = Interactions & { n: number; coldLoad: Timing; load: Timing[] };

/** One load of the editor in a fresh page. */
async function loadOnce(context: BrowserContext, url: string): Promise<Timing> {
  const { page, load } = await openEditor(context, url);
  await page.close();
  return load;
}

async function heapUsedMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  if (used === undefined) throw new Error('no JSHeapUsedSize metric');
  return used / 1024 / 1024;
}

/** One size's editor page, on which the interactions run (the sizes take turns, trial by trial). */
class Session {
  readonly result: Omit<Interactions, 'heapAfterLoad' | 'heapAfterEdits'> = { select: [], keystroke: [], duplicate: [], frames: [], dragsMoved: 0 };
  private readonly rand: () => number;
  private current = '';

  private constructor(
    readonly n: number,
    readonly page: Page,
    private readonly cdp: CDPSession,
    readonly blocks: Block[],
  ) {
    this.rand = random(n);
  }

  static async open(context: BrowserContext, url: string, n: number): Promise<Session> {
    const { page } = await openEditor(context, url);
    const cdp = await context.newCDPSession(page);
    await settle(page);
    const blocks = await blocksOf(page);
    if (blocks.length !== n) throw new Error(`the canvas shows ${blocks.length} blocks, not ${n}`);
    return new Session(n, page, cdp, blocks);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }

  /** 2. Select: a click on a random block (not the selected one) until the inspector shows it. */
  async select(): Promise<void> {
    let id = this.pick(this.blocks).id;
    while (id === this.current) id = this.pick(this.blocks).id;
    await probe(this.page, 'reveal', id);
    this.result.select.push(await probe(this.page, 'select', id));
    this.current = id;
  }

  /** 3. Keystroke: a letter in a heading's Text field until the canvas shows it; five per heading. */
  async keystroke(i: number): Promise<void> {
    const { page } = this;
    if (i % 5 === 0) {
      this.current = this.pick(this.blocks.filter((b) => b.label === 'Heading')).id;
      await selectUntimed(page, this.current);
      await field(page, this.current, 'Text').focus();
      await page.keyboard.press('End');
      await probe(page, 'frames', 2);
    }
    const key = String.fromCharCode(97 + Math.floor(this.rand() * 26));
    const before = await field(page, this.current, 'Text').inputValue();
    await probe(page, 'armKeystroke', this.current, key);
    await page.keyboard.press(key);
    this.result.keystroke.push(await probe(page, 'result', 5000));
    const after = await field(page, this.current, 'Text').inputValue();
    if (after !== before + key) throw new Error(`typing "${key}" gave "${after}" (was "${before}")`);
    await probe(page, 'frames', 2);
  }

  /** 4. Duplicate: Ctrl+D on a random block until the copy is on the canvas; then undo (untimed). */
  async duplicate(): Promise<void> {
    const { page, n } = this;
    this.current = this.pick(this.blocks).id;
    await selectUntimed(page, this.current);
    await probe(page, 'armDuplicate', 'd');
    await page.keyboard.press('Control+D');
    this.result.duplicate.push(await probe(page, 'result', 5000));
    if ((await probe(page, 'count')) <= n) throw new Error('Ctrl+D added no block');
    await page.keyboard.press('Control+Z');
    await waitForCount(page, n);
    await probe(page, 'frames', 2);
  }

  /**
   * 5. Drag: a top-level block, placed near the top of the canvas, by its toolbar's handle to near
   *    the bottom of the canvas (where the canvas scrolls itself), one pointer move per frame; the
   *    frame intervals meanwhile; then drop and undo.
   */
  async drag(): Promise<void> {
    const { page, n } = this;
    const topLevel = this.blocks.filter((b) => b.top && b.label !== 'Columns');
    const id = this.pick(topLevel.slice(0, Math.floor(topLevel.length * 0.8))).id;
    // The block's top 80 px below the canvas's top edge (room for its toolbar above it).
    await page.evaluate((blockId) => {
      const el = document.querySelector(`[data-cv-node="${CSS.escape(blockId)}"]`)!;
      const scroller = el.closest('[data-dnd-scroll]')!;
      scroller.scrollTop += el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 80;
    }, id);
    await probe(page, 'frames', 2);
    if ((await page.getAttribute('[data-insp-block]', 'data-insp-block')) !== id) await probe(page, 'select', id);
    this.current = id;
    const order = async () => (await blocksOf(page)).map((b) => b.id).join();
    const orderBefore = await order();
    const canvas = (await page.locator('[aria-label="Page canvas"]').boundingBox())!;
    const handle = (await page.locator(`[data-cv-node="${id}"] [data-cv-handle]`).boundingBox())!;
    const from = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
    const to = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height - 40 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await probe(page, 'startFrames');
    for (let s = 1; s <= DRAG_STEPS; s++) {
      await page.mouse.move(from.x + ((to.x - from.x) * s) / DRAG_STEPS, from.y + ((to.y - from.y) * s) / DRAG_STEPS);
      await probe(page, 'frames', 1);
    }
    await probe(page, 'frames', 10);
    this.result.frames.push(...(await probe(page, 'stopFrames')));
    await page.mouse.up();
    await probe(page, 'frames', 3);
    if ((await order()) !== orderBefore) {
      this.result.dragsMoved++;
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Control+Z');
      await page.waitForFunction(
        (want) => [...document.querySelectorAll<HTMLElement>('[data-cv-node]')].map((el) => el.dataset.cvNode).join() === want,
        orderBefore,
        { timeout: 10_000 },
      );
    }
    await waitForCount(page, n);
  }

  /** BENCH_PROFILE: a CPU profile of this page from `start` to `stop`. */
  async startProfile(): Promise<void> {
    if (!PROFILE_DIR) return;
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await this.cdp.send('Profiler.start');
  }

  async stopProfile(name: string): Promise<void> {
    if (!PROFILE_DIR) return;
    const { profile } = await this.cdp.send('Profiler.stop');
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(PROFILE_DIR, `${name}-${this.n}.cpuprofile`), JSON.stringify(profile));
  }

  async close(): Promise<void> {
    await settle(this.page);
    await this.cdp.detach();
    await this.page.close();
  }
}

/** 6. Heap: a fresh editor, 50 keystrokes across the text fields of five blocks, forced GC. */
async function heap(context: BrowserContext, url: string, blocks: readonly Block[], n: number): Promise<Pick<Interactions, 'heapAfterLoad' | 'heapAfterEdits'>> {
  const rand = random(n + 1);
  const { page } = await openEditor(context, url);
  const cdp = await context.newCDPSession(page);
  await settle(page);
  const heapAfterLoad = await heapUsedMb(cdp);
  const fieldOf: Record<string, string> = { Heading: 'Text', Button: 'Label', Callout: 'Title' };
  const editable = blocks.filter((b) => b.label in fieldOf);
  for (let e = 0; e < EDITS; e++) {
    if (e % 10 === 0) {
      const b = editable[Math.floor(rand() * editable.length)]!;
      await selectUntimed(page, b.id);
      await field(page, b.id, fieldOf[b.label]!).focus();
    }
    await page.keyboard.press(String.fromCharCode(97 + (e % 26)));
    await probe(page, 'frames', 1);
  }
  await settle(page);
  const heapAfterEdits = await heapUsedMb(cdp);
  await cdp.detach();
  await page.close();
  return { heapAfterLoad, heapAfterEdits };
}

// ---- the report -------------------------------------------------------------------------------

function report(small: SizeResult, large: SizeResult): void {
  const ms = (xs: Timing[]) => xs.map((t) => t.ms);
  const rows: { name: string; a: number[]; b: number[]; budget: number | null; ratioBudgeted: boolean; unit: string }[] = [
    { name: 'load', a: ms(small.load), b: ms(large.load), budget: 1000, ratioBudgeted: true, unit: 'ms' },
    { name: 'select', a: ms(small.select), b: ms(large.select), budget: 20, ratioBudgeted: true, unit: 'ms' },
    { name: 'keystroke', a: ms(small.keystroke), b: ms(large.keystroke), budget: 10, ratioBudgeted: true, unit: 'ms' },
    { name: 'duplicate', a: ms(small.duplicate), b: ms(large.duplicate), budget: 30, ratioBudgeted: true, unit: 'ms' },
    { name: 'drag frame', a: small.frames, b: large.frames, budget: null, ratioBudgeted: false, unit: 'ms' },
  ];
  const pair = (xs: number[]) => `${fmt(median(xs))} / ${fmt(p95(xs))}`.padStart(15);
  const head = `${'metric'.padEnd(16)}${`${small.n} med / p95`.padStart(15)}   ${`${large.n} med / p95`.padStart(15)}   ${'p95 ratio'.padStart(9)}   verdict (budget at ${large.n} blocks)`;
  console.log(head);
  console.log('-'.repeat(head.length + 20));
  let allOk = true;
  for (const r of rows) {
    const ratio = p95(r.b) / p95(r.a);
    let verdict: string;
    if (r.budget === null) {
      verdict = 'no budget (reference)';
    } else {
      const ok = p95(r.b) <= r.budget && (!r.ratioBudgeted || ratio <= 1.5);
      allOk &&= ok;
      const why = [p95(r.b) > r.budget ? `p95 ${fmt(p95(r.b))} > ${r.budget} ${r.unit}` : '', r.ratioBudgeted && ratio > 1.5 ? `ratio ${fmt(ratio, 2)}× > 1.5×` : ''].filter(Boolean).join(', ');
      verdict = `${ok ? 'within budget' : `OVER BUDGET (${why})`}   [p95 ≤ ${r.budget} ${r.unit}, ≤ 1.5× of ${small.n}]`;
    }
    console.log(`${`${r.name} (${r.unit})`.padEnd(16)}${pair(r.a)}   ${pair(r.b)}   ${`${fmt(ratio, 2)}×`.padStart(9)}   ${verdict}`);
  }
  const heapOk = large.heapAfterEdits <= 60;
  allOk &&= heapOk;
  const heapRatio = large.heapAfterEdits / small.heapAfterEdits;
  console.log(
    `${'heap (MB)'.padEnd(16)}${fmt(small.heapAfterEdits).padStart(15)}   ${fmt(large.heapAfterEdits).padStart(15)}   ${`${fmt(heapRatio, 2)}×`.padStart(9)}   ${heapOk ? 'within budget' : 'OVER BUDGET'}   [≤ 60 MB after ${EDITS} edits and a forced GC]`,
  );
  const dragLine = (r: SizeResult) =>
    `${r.n} blocks: ${r.frames.length} frames over ${DRAGS} drags (${r.dragsMoved} moved the block), median ${fmt(median(r.frames))} ms, p95 ${fmt(p95(r.frames))} ms, max ${fmt(Math.max(...r.frames))} ms, ${r.frames.filter((f) => f > 50).length} frames over 50 ms`;
  console.log('');
  console.log(`drag frames   ${dragLine(small)}`);
  console.log(`              ${dragLine(large)}`);
  console.log(`load          first load in a fresh browser context (cold HTTP cache, not in the table): ${small.n} blocks ${fmt(small.coldLoad.ms, 0)} ms, ${large.n} blocks ${fmt(large.coldLoad.ms, 0)} ms`);
  console.log(`heap          right after load (forced GC): ${small.n} blocks ${fmt(small.heapAfterLoad)} MB, ${large.n} blocks ${fmt(large.heapAfterLoad)} MB`);
  console.log('');
  console.log('until the next frame after the change (style, layout and paint included; for reference, not budgeted), median / p95 ms:');
  for (const [name, a, b] of [
    ['load', small.load, large.load],
    ['select', small.select, large.select],
    ['keystroke', small.keystroke, large.keystroke],
    ['duplicate', small.duplicate, large.duplicate],
  ] as const) {
    const f = (xs: readonly Timing[]) => xs.map((t) => t.frameMs);
    console.log(`  ${name.padEnd(14)}${pair(f(a))}   ${pair(f(b))}   ${`${fmt(p95(f(b)) / p95(f(a)), 2)}×`.padStart(9)}`);
  }
  console.log('');
  console.log('Puck 0.23 at 500 blocks on this machine: select 82 ms, keystroke 47 ms, duplicate 243 ms (p95), load 1.45 s');
  console.log(allOk ? 'All builder budgets met.' : 'Some builder budgets are NOT met (see OVER BUDGET above).');
}

// ---- main -------------------------------------------------------------------------------------

const started = performance.now();
console.log(
  `Portico builder benchmark — ${os.cpus().length} cores, Node ${process.version}, production bundles in Chromium; ` +
    `${LOADS} loads (+1 cold), ${TRIALS} trials of select, keystroke and duplicate, ${DRAGS} drags of ${DRAG_STEPS} steps per size`,
);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-bench-builder-'));
const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SEED: 'none', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, NODE_ENV: 'production', WORKERS: '1' };
let server: ChildProcess | null = null;
const contexts: BrowserContext[] = [];
let browser: Browser | null = null;
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const started_ = await startProcess(['--import', 'tsx', 'server/main.ts'], env, /Portico is running on (http:\/\/\S+)/);
  server = started_.proc;
  const base = started_.match[1]!;
  const origin = new URL(base).origin;
  const portals = await createPortals(base);
  // A fresh context per size: its own cookies, HTTP cache and local storage (the local draft copy).
  const runs: { n: number; url: string; context: BrowserContext }[] = [];
  for (const n of SIZES) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    await context.addInitScript({ content: `globalThis.__name ??= (f) => f;\n(${installProbe.toString()})(${n});` });
    const login = await context.request.post(`${base}/admin/api/trpc/auth.login`, { data: ADMIN, headers: { origin } });
    if (!login.ok()) throw new Error(`browser sign-in failed: ${login.status()}`);
    runs.push({ n, url: `${base}/admin/portals/${encodeURIComponent(portals.get(n)!)}/pages`, context });
  }
  // 1. Load: a fresh page each time, the sizes taking turns; the first load of each context fills
  //    its HTTP cache and is reported apart.
  const cold = new Map<number, Timing>();
  const loads = new Map<number, Timing[]>(SIZES.map((n) => [n, []]));
  for (const r of runs) cold.set(r.n, await loadOnce(r.context, r.url));
  for (let i = 0; i < LOADS; i++) for (const r of runs) loads.get(r.n)!.push(await loadOnce(r.context, r.url));
  // 2–5: one editor page per size, the sizes taking turns trial by trial, so that whatever else the
  //    machine does falls on both alike.
  const sessions: Session[] = [];
  for (const r of runs) sessions.push(await Session.open(r.context, r.url, r.n));
  const phase = async (name: string, count: number, trial: (s: Session, i: number) => Promise<void>) => {
    const t = performance.now();
    for (const s of sessions) await s.startProfile();
    for (let i = 0; i < count; i++) for (const s of sessions) await trial(s, i);
    for (const s of sessions) await s.stopProfile(name);
    console.log(`  ${name}: ${count} trials per size in ${fmt((performance.now() - t) / 1000)} s`);
  };
  await phase('select', TRIALS, (s) => s.select());
  await phase('keystroke', TRIALS, (s, i) => s.keystroke(i));
  await phase('duplicate', TRIALS, (s) => s.duplicate());
  // A drag lasts about a second: first let autosave (here and on the other page) finish, so that the
  // frames measure this drag rather than the other page's save competing for the CPU.
  await phase('drag', DRAGS, async (s) => {
    for (const other of sessions) await settle(other.page);
    await s.drag();
  });
  for (const s of sessions) await s.close();
  // 6: heap, one size after the other.
  const results: SizeResult[] = [];
  for (const [i, r] of runs.entries()) {
    const s = sessions[i]!;
    results.push({ n: r.n, coldLoad: cold.get(r.n)!, load: loads.get(r.n)!, ...s.result, ...(await heap(r.context, r.url, s.blocks, r.n)) });
    await r.context.close();
  }
  console.log('');
  if (process.env.BENCH_DEBUG) {
    for (const r of results) for (const k of ['load', 'select', 'keystroke', 'duplicate'] as const) console.log(`${r.n} ${k}: ${r[k].map((t) => fmt(t.ms)).join(' ')}`);
    console.log('');
  }
  report(results[0]!, results[1]!);
  if (PROFILE_DIR) console.log(`CPU profiles written to ${PROFILE_DIR}`);
} finally {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  if (server && server.exitCode === null) {
    const proc = server;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`(${fmt((performance.now() - started) / 1000)} s)`);
