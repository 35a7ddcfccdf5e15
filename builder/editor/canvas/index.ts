// The page canvas and the block commands it shares with the palette, the layers and the shortcuts.
export { Canvas } from './canvas';
export * as blockCommands from './commands';
