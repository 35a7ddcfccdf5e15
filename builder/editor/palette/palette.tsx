// The block palette: every block of the library by category, with a search. Items drag onto the
// canvas or the layers (pointer, or keyboard: Space picks up); a click or Enter inserts the block
// right after the selected one, or at the end of the page.
import { useDraggable } from '@dnd-kit/core';
import { Search, X } from 'lucide-react';
import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { blockList, type BlockDefinition } from '../../../blocks';
import { BlockIcon } from '../../inspector/block-icon';
import { insertBlockOfType } from '../canvas/commands';
import { isDragging, justDropped, type DragData } from '../dnd';
import { groupBlocks } from './palette-model';
import './palette.css';

export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupBlocks(blockList, query), [query]);
  const hintId = useId();
  return (
    <div className="pl">
      <div className="pl-search">
        <Search className="pl-search__icon" aria-hidden="true" />
        <input
          className="pl-search__input"
          type="search"
          aria-label="Search blocks"
          placeholder="Search blocks"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        {query ? (
          <button type="button" className="pl-search__clear" aria-label="Clear the search" onClick={() => setQuery('')}>
            <X aria-hidden="true" />
          </button>
        ) : null}
      </div>
      <p id={hintId} className="pl-hint">
        Drag a block onto the page, or press Enter to add it after the selected block.
      </p>
      <div className="pl-groups">
        {groups.map((group) => (
          <section key={group.id} className="pl-group" aria-labelledby={`${hintId}-${group.id}`}>
            <h3 id={`${hintId}-${group.id}`} className="pl-group__title">
              {group.label}
            </h3>
            <ul className="pl-items">
              {group.blocks.map((def) => (
                <li key={def.type}>
                  <PaletteItem def={def} hintId={hintId} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 ? (
          <p className="pl-none" role="status">
            No blocks match “{query}”.
          </p>
        ) : null}
      </div>
    </div>
  );
}

const PaletteItem = memo(function PaletteItem({ def, hintId }: { def: BlockDefinition; hintId: string }) {
  const data = useMemo<DragData>(() => ({ source: { kind: 'palette', type: def.type, label: def.label }, surface: 'palette' }), [def]);
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `palette:${def.type}`, data });
  // Enter inserts (the button's own click); only Space picks the block up for a keyboard drag.
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Enter') return;
    listeners?.onKeyDown?.(e);
  };
  return (
    <button
      ref={setNodeRef}
      type="button"
      className="pl-item"
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      aria-describedby={`${hintId} ${attributes['aria-describedby']}`}
      onClick={() => {
        // The click that ends a keyboard drag (Space or Enter released) is not an insert.
        if (isDragging() || justDropped()) return;
        insertBlockOfType(def.type);
      }}
    >
      <span className="pl-item__icon">
        <BlockIcon name={def.icon} />
      </span>
      <span className="pl-item__text">
        <span className="pl-item__label">{def.label}</span>
        <span className="pl-item__desc">{def.description}</span>
      </span>
    </button>
  );
});
