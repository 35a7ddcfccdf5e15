// The inspector area of the page editor: the properties panel (block or page) and the pages panel.
export { Inspector } from './inspector';
export { PagesPanel } from './pages-panel';
export { VisibilityPanel } from './visibility-panel';
export { EntityCatalogProvider, type EntityCatalog, type EntityChoice } from './entity-widgets';
