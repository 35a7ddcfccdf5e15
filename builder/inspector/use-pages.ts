// The document's pages as a compact summary, for panels that list them. The selector returns one
// string (a primitive), so typing in a block re-renders none of them; it is computed once per
// document change however many components ask.
import { useMemo } from 'react';
import type { PortalDocument } from '../../core';
import { useEditor } from '../store/editor-store';
import { parsePagesSummary, summarizePages, type PagesSummary } from './page-model';

let lastDoc: PortalDocument | null = null;
let lastKey = '';

function selectPagesKey(s: { doc: PortalDocument | null }): string {
  if (s.doc !== lastDoc) {
    lastDoc = s.doc;
    lastKey = summarizePages(s.doc);
  }
  return lastKey;
}

export function usePagesSummary(): PagesSummary {
  const key = useEditor(selectPagesKey);
  return useMemo(() => parsePagesSummary(key), [key]);
}
