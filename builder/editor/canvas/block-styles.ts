// Every block's stylesheet, for the canvas. Block classes are all `pb-` prefixed and styled only
// through the theme's custom properties, so loading them into the builder restyles nothing else.
import.meta.glob('../../../blocks/_lib/*.css', { eager: true });
import.meta.glob('../../../blocks/*/style.css', { eager: true });
