// The layers tree of the page editor.
export { Outline } from './outline';
