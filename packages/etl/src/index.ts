export * from './errors.js';
export * from './readers/index.js';
