/** `@observatoire/formats/testing`: the regression kits shared by every workspace's tests. */
export * from './spreadsheet.js';
export * from './datapackage.js';
