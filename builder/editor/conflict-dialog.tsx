// When the draft changed on the server while this person edited it, nothing is overwritten
// silently: they reload the server's version, or review the differences and overwrite it.
import { useState } from 'react';
import { pickText, type BlockNode, type PortalDocument } from '../../core';
import { errorMessage } from '../api';
import { Dialog } from '../ui/dialog';
import { toast } from '../ui/toasts';
import { fetchServerDraft, overwriteWithMine, reloadFromServer } from './draft-session';
import { useEditor } from '../store/editor-store';

type Review = { lines: string[]; serverRevision: number };

function countBlocks(nodes: readonly BlockNode[]): number {
  return nodes.reduce((n, b) => n + 1 + Object.values(b.slots ?? {}).reduce((m, c) => m + countBlocks(c), 0), 0);
}

/** A short, human summary of how my document differs from the server's, page by page. */
export function summarizeDifferences(server: PortalDocument, mine: PortalDocument): string[] {
  const lines: string[] = [];
  const title = (p: PortalDocument['pages'][number]) => `“${pickText(p.title, 'en')}” (${p.path})`;
  for (const p of mine.pages) {
    const s = server.pages.find((x) => x.id === p.id);
    if (!s) lines.push(`You added the page ${title(p)}.`);
    else if (JSON.stringify(s) !== JSON.stringify(p)) {
      const a = countBlocks(s.blocks);
      const b = countBlocks(p.blocks);
      lines.push(`The page ${title(p)} differs: ${b} blocks in yours, ${a} in the server's.`);
    }
  }
  for (const s of server.pages) if (!mine.pages.some((p) => p.id === s.id)) lines.push(`The server's draft has the page ${title(s)}, which yours does not.`);
  if (JSON.stringify(server.theme) !== JSON.stringify(mine.theme)) lines.push('The theme differs.');
  if (JSON.stringify(server.navigation) !== JSON.stringify(mine.navigation)) lines.push('The navigation differs.');
  return lines.length ? lines : ['The two versions have the same content.'];
}

export function ConflictDialog({ open, message }: { open: boolean; message: string | null }) {
  const mine = useEditor((s) => s.doc);
  const [review, setReview] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>, done: string | null) => {
    setBusy(true);
    try {
      await fn();
      if (done) {
        // The conflict is resolved: the next one starts without an old review.
        setReview(null);
        toast(done);
      }
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  const startReview = () =>
    run(async () => {
      const server = await fetchServerDraft();
      if (server && mine) setReview({ lines: summarizeDifferences(server.document, mine), serverRevision: server.revision });
    }, null);
  return (
    <Dialog
      open={open}
      title="This draft was changed elsewhere"
      onClose={() => undefined}
      wide
      actions={
        <>
          <button className="btn" disabled={busy} onClick={() => run(reloadFromServer, 'Loaded the server’s draft.')}>
            Discard mine and reload
          </button>
          {review ? (
            <button className="btn btn--danger" disabled={busy} onClick={() => run(overwriteWithMine, 'Your version was saved over the server’s draft.')}>
              Overwrite with mine
            </button>
          ) : (
            <button className="btn btn--primary" disabled={busy} onClick={startReview}>
              Review differences
            </button>
          )}
        </>
      }
    >
      <p>{message ?? 'Someone saved this draft while you were editing it.'}</p>
      <p className="muted">Your changes are kept on this device until you choose. Nothing is overwritten without your say.</p>
      {review ? (
        <div className="conflict-review">
          <h3>Yours compared with the server’s draft (revision {review.serverRevision})</h3>
          <ul>
            {review.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Dialog>
  );
}
