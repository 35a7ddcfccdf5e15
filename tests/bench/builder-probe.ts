// The in-page half of `bench:builder`: installed into every document of the browser context before
// the builder's own scripts run (`installProbe` is serialised with Function#toString, so it must not
// use anything from its module scope). All times are taken here, with performance.now(), whose zero
// is the navigation start: t0 at the event (a capture-phase keydown listener on window, or right
// before a click is dispatched), t1 when a MutationObserver sees the result on the page, and, for
// reference, `frameMs` when the next frame has been produced after that.

/** One timed interaction: until the DOM shows it, and until the next frame after that. */
export type Timing = { ms: number; frameMs: number };

export type BenchProbe = {
  /** Navigation start until `n` `[data-cv-node]` elements are on the canvas. */
  loadTiming(): Promise<Timing>;
  /** Waits for `count` animation frames. */
  frames(count: number): Promise<void>;
  /** Scrolls a block into the middle of the canvas (untimed preparation). */
  reveal(id: string): Promise<void>;
  /** Clicks a block (a click event dispatched on the block's own element) until the inspector shows it. */
  select(id: string): Promise<Timing>;
  /** Arms a keystroke: t0 at the next keydown of `key`, t1 when the block's canvas text changes. */
  armKeystroke(id: string, key: string): void;
  /** Arms a duplicate: t0 at the next keydown of `key`, t1 when a new block element is on the canvas. */
  armDuplicate(key: string): void;
  /** The armed measurement's result (rejects after `timeoutMs`). */
  result(timeoutMs: number): Promise<Timing>;
  /** Starts recording requestAnimationFrame timestamps. */
  startFrames(): void;
  /** Stops recording; the intervals between consecutive frames, in ms. */
  stopFrames(): number[];
  /** How many `[data-cv-node]` elements are on the canvas. */
  count(): number;
};

export type ProbeWindow = { __bench: BenchProbe };

export function installProbe(n: number): void {
  const now = () => performance.now();
  // After the DOM change, the end of the next frame: a rAF callback runs before style, layout and
  // paint; a message posted from it is handled after them.
  const afterNextFrame = (t0: number, t1: number, done: (t: Timing) => void) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => done({ ms: t1 - t0, frameMs: now() - t0 });
      ch.port2.postMessage(null);
    });
  };
  const nodes = () => document.querySelectorAll('[data-cv-node]');
  const nodeEl = (id: string) => {
    const el = document.querySelector<HTMLElement>(`[data-cv-node="${CSS.escape(id)}"]`);
    if (!el) throw new Error(`block ${id} is not on the canvas`);
    return el;
  };

  // Load: watches the document from its start until the canvas holds every block.
  const load = new Promise<Timing>((resolve) => {
    if (!/\/admin\/portals\/[^/]+\/pages/.test(location.pathname)) return;
    const check = (obs: MutationObserver) => {
      if (nodes().length < n) return;
      const t1 = now();
      obs.disconnect();
      afterNextFrame(0, t1, resolve);
    };
    const obs = new MutationObserver(() => check(obs));
    obs.observe(document, { childList: true, subtree: true });
  });

  type Armed = { key: string; t0: number | null; t1: number | null; done: Promise<Timing> };
  let armed: Armed | null = null;
  addEventListener(
    'keydown',
    (e) => {
      if (armed && armed.t0 === null && e.key.toLowerCase() === armed.key) armed.t0 = now();
    },
    { capture: true },
  );
  /** Arms a measurement that ends when `changed` (checked on every mutation of `target`) is true. */
  const arm = (key: string, target: Node, options: MutationObserverInit, changed: (records: MutationRecord[]) => boolean) => {
    let finish!: (t: Timing) => void;
    const done = new Promise<Timing>((resolve) => (finish = resolve));
    const state: Armed = { key, t0: null, t1: null, done };
    const obs = new MutationObserver((records) => {
      if (state.t0 === null || !changed(records)) return;
      state.t1 = now();
      obs.disconnect();
      afterNextFrame(state.t0, state.t1, finish);
    });
    obs.observe(target, options);
    armed = state;
  };

  let rafId = 0;
  let stamps: number[] = [];
  const probe: BenchProbe = {
    loadTiming: () => load,
    frames: (count) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(count);
      }),
    async reveal(id) {
      nodeEl(id).scrollIntoView({ block: 'center' });
      await probe.frames(2);
    },
    select(id) {
      const el = nodeEl(id);
      const insp = document.querySelector<HTMLElement>('[data-insp-block]');
      if (!insp) throw new Error('no inspector on the page');
      if (insp.getAttribute('data-insp-block') === id) throw new Error(`block ${id} is already selected`);
      return new Promise<Timing>((resolve) => {
        let t0 = 0;
        const obs = new MutationObserver(() => {
          if (insp.getAttribute('data-insp-block') !== id) return;
          const t1 = now();
          obs.disconnect();
          afterNextFrame(t0, t1, resolve);
        });
        obs.observe(insp, { attributes: true, attributeFilter: ['data-insp-block'] });
        // A click on the block's own area: on its wrapper element, at the wrapper's top-left corner.
        const r = el.getBoundingClientRect();
        const init = { bubbles: true, cancelable: true, composed: true, view: window, button: 0, clientX: r.left + 2, clientY: r.top + 2 };
        t0 = now();
        el.dispatchEvent(new MouseEvent('click', init));
      });
    },
    armKeystroke(id, key) {
      const el = nodeEl(id);
      const before = el.textContent;
      arm(key, el, { childList: true, subtree: true, characterData: true }, () => el.textContent !== before);
    },
    armDuplicate(key) {
      (document.activeElement as HTMLElement | null)?.blur();
      const main = document.querySelector('[data-cv-main]');
      if (!main) throw new Error('no canvas on the page');
      const isBlock = (x: Node) => x instanceof Element && (x.hasAttribute('data-cv-node') || x.querySelector('[data-cv-node]') !== null);
      arm(key, main, { childList: true, subtree: true }, (records) => records.some((r) => [...r.addedNodes].some(isBlock)));
    },
    result(timeoutMs) {
      const state = armed;
      if (!state) return Promise.reject(new Error('nothing armed'));
      armed = null;
      const timeout = new Promise<Timing>((_, reject) =>
        setTimeout(() => reject(new Error(`no result within ${timeoutMs} ms (keydown seen: ${state.t0 !== null}, change seen: ${state.t1 !== null})`)), timeoutMs),
      );
      return Promise.race([state.done, timeout]);
    },
    startFrames() {
      stamps = [];
      const loop = (t: number) => {
        stamps.push(t);
        rafId = requestAnimationFrame(loop);
      };
      rafId = requestAnimationFrame(loop);
    },
    stopFrames() {
      cancelAnimationFrame(rafId);
      return stamps.slice(1).map((t, i) => t - stamps[i]!);
    },
    count: () => nodes().length,
  };
  (window as unknown as ProbeWindow).__bench = probe;
}
