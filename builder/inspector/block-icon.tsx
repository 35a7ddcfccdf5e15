// The icon shown for a block in the inspector's header: the registry names an icon per block
// (`def.icon`), drawn here with lucide. Unknown names fall back to a plain box.
import {
  Box,
  Columns2,
  Contact,
  Heading,
  ImageIcon,
  Info,
  LayoutGrid,
  LayoutPanelTop,
  Link2,
  ListCollapse,
  PanelBottom,
  PanelTop,
  Presentation,
  RectangleHorizontal,
  SeparatorHorizontal,
  SquareMousePointer,
  Type,
  UnfoldVertical,
  type LucideIcon,
} from 'lucide-react';

const ICONS: Record<string, LucideIcon> = {
  section: RectangleHorizontal,
  columns: Columns2,
  grid: LayoutGrid,
  tabs: PanelTop,
  divider: SeparatorHorizontal,
  spacer: UnfoldVertical,
  heading: Heading,
  text: Type,
  image: ImageIcon,
  button: SquareMousePointer,
  card: LayoutPanelTop,
  hero: Presentation,
  alert: Info,
  accordion: ListCollapse,
  contact: Contact,
  'quick-links': Link2,
  footer: PanelBottom,
};

export function BlockIcon({ name, className }: { name: string; className?: string }) {
  const Icon = (Object.hasOwn(ICONS, name) ? ICONS[name] : undefined) ?? Box;
  return <Icon className={className} aria-hidden="true" focusable="false" />;
}
