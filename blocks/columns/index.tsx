// Columns: two to four side-by-side slots (col1…colN, derived from `count`) that stack on narrow containers.
import { z } from 'zod';
import { defineBlock } from '../_lib/define-block';

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;

/** Slot names for a column count: `col1`, `col2`, … */
export function columnSlotNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `col${i + 1}`);
}

export const columns = defineBlock({
  type: 'columns',
  label: 'Columns',
  description: 'Two to four columns side by side; they stack on small screens.',
  category: 'layout',
  icon: 'columns',
  props: z
    .object({
      count: z
        .number()
        .int('the number of columns is a whole number')
        .min(MIN_COLUMNS, `use at least ${MIN_COLUMNS} columns`)
        .max(MAX_COLUMNS, `use at most ${MAX_COLUMNS} columns`)
        .default(2)
        .meta({ label: 'Number of columns' }),
      gap: z.enum(['none', 'small', 'medium', 'large']).default('medium').meta({ label: 'Gap between columns' }),
      align: z.enum(['stretch', 'start', 'center', 'end']).default('stretch').meta({ label: 'Vertical alignment' }),
      stackOnMobile: z
        .boolean()
        .default(true)
        .meta({ label: 'Stack on small screens', help: 'Below about 720 px wide, columns sit one under another.' }),
    })
    .strict(),
  slots: (p) => columnSlotNames(p.count),
  Render: ({ props, slots }) => (
    <div className="pb-columns">
      <div
        className={`pb-columns__grid pb-columns--n${props.count} pb-columns--gap-${props.gap} pb-columns--align-${props.align}${
          props.stackOnMobile ? ' pb-columns--stack' : ''
        }`}
      >
        {columnSlotNames(props.count).map((name) => (
          <div key={name} className="pb-columns__col">
            {slots[name]}
          </div>
        ))}
      </div>
    </div>
  ),
});
