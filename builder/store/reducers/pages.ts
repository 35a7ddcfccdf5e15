// Reducers for pages, navigation and theme.
import type { PortalDocument } from '../../../core';
import type { ActionOf } from '../actions';
import { EditError } from './blocks';

export function addPage(doc: PortalDocument, a: ActionOf<'addPage'>): PortalDocument {
  if (doc.pages.some((p) => p.id === a.page.id)) throw new EditError(`a page "${a.page.id}" exists already`);
  if (doc.pages.some((p) => p.path === a.page.path)) throw new EditError(`the path "${a.page.path}" is taken`);
  const index = Math.min(Math.max(a.index ?? doc.pages.length, 0), doc.pages.length);
  const navigation = a.page.inNav ? [...doc.navigation, a.page.id] : doc.navigation;
  return { ...doc, pages: doc.pages.toSpliced(index, 0, a.page), navigation };
}

export function updatePage(doc: PortalDocument, a: ActionOf<'updatePage'>): PortalDocument {
  const i = doc.pages.findIndex((p) => p.id === a.pageId);
  if (i < 0) throw new EditError(`no page "${a.pageId}"`);
  const page = doc.pages[i]!;
  if (a.patch.path !== undefined && a.patch.path !== page.path && doc.pages.some((p) => p.path === a.patch.path)) {
    throw new EditError(`the path "${a.patch.path}" is taken`);
  }
  if (page.path === '/' && a.patch.path !== undefined && a.patch.path !== '/') throw new EditError('the home page keeps the path "/"');
  const next = { ...page, ...a.patch };
  if (a.patch.visibility === undefined && 'visibility' in a.patch) delete next.visibility;
  // Showing a page in the navigation adds it at the end; hiding it takes it out.
  let navigation = doc.navigation;
  if (a.patch.inNav === true && !navigation.includes(page.id)) navigation = [...navigation, page.id];
  if (a.patch.inNav === false) navigation = navigation.filter((id) => id !== page.id);
  return { ...doc, pages: doc.pages.with(i, next), navigation };
}

export function removePage(doc: PortalDocument, a: ActionOf<'removePage'>): PortalDocument {
  const page = doc.pages.find((p) => p.id === a.pageId);
  if (!page) throw new EditError(`no page "${a.pageId}"`);
  if (page.path === '/') throw new EditError('the home page cannot be removed');
  return { ...doc, pages: doc.pages.filter((p) => p.id !== a.pageId), navigation: doc.navigation.filter((id) => id !== a.pageId) };
}

export function setNavigation(doc: PortalDocument, a: ActionOf<'setNavigation'>): PortalDocument {
  const known = new Set(doc.pages.map((p) => p.id));
  const unknown = a.navigation.find((id) => !known.has(id));
  if (unknown) throw new EditError(`no page "${unknown}"`);
  if (new Set(a.navigation).size !== a.navigation.length) throw new EditError('a page appears twice in the navigation');
  const inNav = new Set(a.navigation);
  return { ...doc, navigation: [...a.navigation], pages: doc.pages.map((p) => (p.inNav === inNav.has(p.id) ? p : { ...p, inNav: inNav.has(p.id) })) };
}

export function updateTheme(doc: PortalDocument, a: ActionOf<'updateTheme'>): PortalDocument {
  return { ...doc, theme: { ...doc.theme, ...a.patch } };
}
