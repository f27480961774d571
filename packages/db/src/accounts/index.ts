export * from './password.js';
export * from './tokens.js';
export * from './accounts.js';
