export * from './types.js';
export * from './format.js';
export * from './text.js';
export * from './palette.js';
export * from './axis.js';
export * from './line.js';
export * from './stacked-area.js';
export * from './bars.js';
