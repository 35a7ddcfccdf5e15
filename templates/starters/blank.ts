// The document a new, blank portal starts from: one home page with a welcome heading.
import { CURRENT_SCHEMA_VERSION, defaultTheme, newId, type PortalDocument } from '../../core';

export function blankDocument(name: string): PortalDocument {
  const home = newId('p');
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [
      {
        id: home,
        path: '/',
        title: { en: 'Home' },
        icon: 'home',
        inNav: true,
        blocks: [
          {
            id: newId('b'),
            type: 'section',
            props: { background: 'none', padding: 'large', width: 'normal' },
            slots: {
              body: [{ id: newId('b'), type: 'heading', props: { text: `Welcome to ${name}`.slice(0, 200), level: 'h1', align: 'left', eyebrow: '' } }],
            },
          },
        ],
      },
    ],
    navigation: [home],
    theme: defaultTheme,
    texts: {},
  };
}
