// The demo portal's document: an energy utility's customer self-service home page.
import { CURRENT_SCHEMA_VERSION, defaultTheme, type PortalDocument } from '../../core';

export function demoDocument(): PortalDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [
      {
        id: 'p_home',
        path: '/',
        title: { en: 'Home' },
        icon: 'home',
        inNav: true,
        blocks: [
          {
            id: 'b_hero',
            type: 'section',
            props: { background: 'primary', padding: 'large', width: 'normal' },
            slots: {
              body: [
                { id: 'b_title', type: 'heading', props: { text: 'Your energy, in one place', level: 'h1', align: 'left', eyebrow: 'Northwind Energy' } },
              ],
            },
          },
          {
            id: 'b_intro',
            type: 'section',
            props: { background: 'none', padding: 'medium', width: 'normal' },
            slots: {
              body: [{ id: 'b_intro_h', type: 'heading', props: { text: 'What you can do here', level: 'h2', align: 'left', eyebrow: '' } }],
            },
          },
        ],
      },
    ],
    navigation: ['p_home'],
    theme: { ...defaultTheme, colors: { ...defaultTheme.colors, primary: '#0b6e4f' } },
    texts: {},
  };
}
