// The inspector: the right-hand panel of the page editor. With a block selected it edits that
// block; with none, the current page. It subscribes to the selected node only, so edits elsewhere
// in a 500-block page do not re-render it.
import { selectSelectedNode, useEditor } from '../store/editor-store';
import { BlockInspector } from './block-inspector';
import { keepPanelKeys } from './panel-keys';
import { PageSettings } from './page-settings';
import './inspector.css';

export function Inspector() {
  const node = useEditor(selectSelectedNode);
  return (
    <div className="insp" role="region" aria-label={node ? 'Block properties' : 'Page properties'} data-insp-block={node?.id ?? ''} onKeyDown={keepPanelKeys}>
      {node ? <BlockInspector key={node.id} node={node} /> : <PageSettings />}
    </div>
  );
}
