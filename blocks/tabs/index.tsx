// Tabs: one slot per tab (slot name = tab id), switched by click or keyboard following the WAI-ARIA
// Authoring Practices tabs pattern (roving tabindex, arrows, Home/End, automatic activation).
import { useId, useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { defineBlock, type RenderProps } from '../_lib/define-block';
import { itemIdSchema, reportDuplicateIds } from '../_lib/item-id';

export const MAX_TABS = 8;

const tabSchema = z
  .object({
    id: itemIdSchema,
    label: z.string().trim().min(1, 'a tab needs a label').max(60).default('Tab').meta({ label: 'Label' }),
  })
  .strict();

export const tabsProps = z
  .object({
    tabs: z
      .array(tabSchema)
      .min(1, 'add at least one tab')
      .max(MAX_TABS, `use at most ${MAX_TABS} tabs`)
      .superRefine(reportDuplicateIds('tab'))
      .default([
        { id: 'overview', label: 'Overview' },
        { id: 'details', label: 'Details' },
      ])
      .meta({ label: 'Tabs' }),
    variant: z.enum(['underline', 'pills']).default('underline').meta({ label: 'Style' }),
  })
  .strict();

type TabsProps = z.output<typeof tabsProps>;

/** Where a key press moves the selection, or null for keys the tab list does not handle. */
export function nextTabIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

function TabsView({ props, slots }: RenderProps<TabsProps>) {
  const baseId = useId();
  const [chosen, setChosen] = useState<string | undefined>(props.tabs[0]?.id);
  // In the builder a tab may be removed while selected: fall back to the first.
  const active = props.tabs.some((t) => t.id === chosen) ? chosen : props.tabs[0]?.id;
  const tabId = (id: string) => `${baseId}-tab-${id}`;
  const panelId = (id: string) => `${baseId}-panel-${id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = props.tabs.findIndex((t) => t.id === active);
    const next = nextTabIndex(event.key, current, props.tabs.length);
    const tab = next === null ? undefined : props.tabs[next];
    if (next === null || !tab) return;
    event.preventDefault();
    setChosen(tab.id);
    event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <div className={`pb-tabs pb-tabs--${props.variant}`}>
      <div className="pb-tabs__list" role="tablist" onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => {
          const selected = tab.id === active;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              className="pb-tabs__tab"
              aria-selected={selected}
              aria-controls={panelId(tab.id)}
              tabIndex={selected ? 0 : -1}
              onClick={() => setChosen(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {props.tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={panelId(tab.id)}
          className="pb-tabs__panel"
          aria-labelledby={tabId(tab.id)}
          tabIndex={0}
          hidden={tab.id !== active}
        >
          {Object.hasOwn(slots, tab.id) ? slots[tab.id] : null}
        </div>
      ))}
    </div>
  );
}

export const tabs = defineBlock({
  type: 'tabs',
  label: 'Tabs',
  description: 'Content split into tabs; each tab holds its own blocks.',
  category: 'layout',
  icon: 'tabs',
  props: tabsProps,
  slots: (p) => p.tabs.map((t) => t.id),
  Render: TabsView,
});
