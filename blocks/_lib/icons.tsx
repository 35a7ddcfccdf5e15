// A small, fixed set of inline SVG icons (24px grid, stroked in currentColor). Blocks store an icon by
// name; `iconSchema` is what an `icon` prop accepts. Icons are decoration: always aria-hidden.
import { z } from 'zod';

const CIRCLE = 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z';
const FILE = ['M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z', 'M14 3v5h5'];

/** The icons an admin can choose. */
const PICKABLE = {
  home: ['M3 10.5 12 3l9 7.5', 'M5 9.5V20a1 1 0 0 0 1 1h4v-6h4v6h4a1 1 0 0 0 1-1V9.5'],
  file: [...FILE, 'M9 13h6', 'M9 17h4'],
  invoice: ['M6 3h12v18l-3-2-3 2-3-2-3 2z', 'M9 8h6', 'M9 12h6', 'M9 16h3'],
  contract: [...FILE, 'm9 15 2 2 4-4'],
  bolt: ['M13 2 4 14h7l-1 8 9-12h-7z'],
  chat: ['M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z'],
  user: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21a8 8 0 0 1 16 0'],
  settings: ['M4 7h9', 'M17 7h3', 'M15 5v4', 'M4 17h3', 'M11 17h9', 'M9 15v4'],
  help: [CIRCLE, 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6', 'M12 17h.01'],
  download: ['M12 4v11', 'm7 10 5 5 5-5', 'M5 20h14'],
  calendar: ['M5 5h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z', 'M4 10h16', 'M8 3v4', 'M16 3v4'],
  check: ['m5 12.5 4.5 4.5L19 7.5'],
  alert: ['M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z', 'M12 9v4.5', 'M12 17h.01'],
  link: ['M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1', 'M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1'],
  mail: ['M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z', 'm3.5 6.5 8.5 6.5 8.5-6.5'],
  phone: ['M5 4h3l2 5-2.5 1.5a11 11 0 0 0 6 6L15 14l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z'],
} as const satisfies Record<string, readonly string[]>;

/** Icons the blocks use themselves (tones, chevrons, hints); not offered in the inspector. */
const INTERNAL = {
  info: [CIRCLE, 'M12 11v5', 'M12 7.5h.01'],
  'check-circle': [CIRCLE, 'm8.5 12 2.5 2.5 4.5-5'],
  'alert-circle': [CIRCLE, 'M12 7.5v5', 'M12 16h.01'],
  'chevron-down': ['m6 9 6 6 6-6'],
  'arrow-right': ['M5 12h14', 'm13 6 6 6-6 6'],
  external: ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5'],
  image: ['M5 4h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z', 'm4 16 5-5 4 4 2-2 5 5', 'M15 9h.01'],
  clock: [CIRCLE, 'M12 7v5l3 2'],
  'map-pin': ['M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z', 'M12 12a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof PICKABLE;
type AnyIconName = IconName | keyof typeof INTERNAL;

const PATHS: Record<AnyIconName, readonly string[]> = { ...PICKABLE, ...INTERNAL };

export const iconNames = Object.keys(PICKABLE) as [IconName, ...IconName[]];

/** An `icon` prop that may be left empty ("none"). */
export const iconSchema = z.enum(['none', ...iconNames]);
export type IconChoice = z.output<typeof iconSchema>;

export function Icon({ name, className }: { name: AnyIconName | 'none'; className?: string }) {
  if (name === 'none') return null;
  return (
    <svg
      className={className ? `pb-icon ${className}` : 'pb-icon'}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
