// Short-lived messages ("Block removed", "Can't move a block into itself"), announced politely.
import { useEffect, useState } from 'react';

type Toast = { id: number; text: string; tone: 'info' | 'error' };
let next = 1;
let toasts: Toast[] = [];
const listeners = new Set<(t: Toast[]) => void>();

export function toast(text: string, tone: Toast['tone'] = 'info'): void {
  const t = { id: next++, text, tone };
  toasts = [...toasts, t];
  listeners.forEach((l) => l(toasts));
  setTimeout(() => {
    toasts = toasts.filter((x) => x.id !== t.id);
    listeners.forEach((l) => l(toasts));
  }, 4000);
}

export function Toasts() {
  const [list, setList] = useState(toasts);
  useEffect(() => {
    listeners.add(setList);
    return () => void listeners.delete(setList);
  }, []);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className={`toast${t.tone === 'error' ? ' toast--error' : ''}`}>
          {t.text}
        </div>
      ))}
    </div>
  );
}
