// Bringing an element into view inside its own scroll box only. `scrollIntoView` would also scroll
// the workspace frame (overflow: hidden boxes still scroll from script) and push the top bar away.
export function revealIn(container: Element | null, el: Element | null, where: 'center' | 'top' = 'center'): void {
  if (!(container instanceof HTMLElement) || !el) return;
  const box = container.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const offset = r.top - box.top + container.scrollTop;
  const top = where === 'top' ? offset - 16 : offset - (box.height - r.height) / 2;
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  container.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
}
