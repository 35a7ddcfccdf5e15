// Disclosure hooks: the focus only follows a user's toggle (to the target when open, back to the
// trigger when closed), and both hooks start closed.
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { focusAfterToggle, useDisclosure, useFormToggle } from './disclosure';

const focusable = () => ({ current: { focus: vi.fn() } });

describe('focusAfterToggle', () => {
  it('leaves the focus alone until the user toggles', () => {
    const target = focusable();
    const trigger = focusable();
    focusAfterToggle(false, true, target, trigger);
    focusAfterToggle(false, false, target, trigger);
    expect(target.current.focus).not.toHaveBeenCalled();
    expect(trigger.current.focus).not.toHaveBeenCalled();
  });

  it('moves to the target when opened and back to the trigger when closed', () => {
    const target = focusable();
    const trigger = focusable();
    focusAfterToggle(true, true, target, trigger);
    expect(target.current.focus).toHaveBeenCalledTimes(1);
    focusAfterToggle(true, false, target, trigger);
    expect(trigger.current.focus).toHaveBeenCalledTimes(1);
    expect(() => focusAfterToggle(true, true, { current: null }, trigger)).not.toThrow();
  });
});

describe('disclosure hooks', () => {
  it('start closed', () => {
    function Probe() {
      const d = useDisclosure<HTMLTextAreaElement>();
      const f = useFormToggle();
      return <p>{`${d.open} ${f.open} ${typeof d.toggle} ${typeof d.settle} ${typeof f.show} ${typeof f.close}`}</p>;
    }
    expect(renderToString(<Probe />)).toBe('<p>false false function function function function</p>');
  });
});
