// The block palette of the page editor.
export { Palette } from './palette';
