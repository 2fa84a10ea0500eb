/** Public surface of core: what the CLI, the add-on and the bot import. */

export * from './ask/answer';
export * from './ask/parseQuestion';
export * from './format/idDate';
export * from './format/idNumber';
export * from './format/sentences';
export * from './metrics/catalog';
export * from './metrics/figures';
export * from './metrics/model';
export * from './metrics/report';
export * from './period/yearMonth';
export * from './ports';
export * from './render/cards';
export * from './render/cells';
export * from './render/html';
export * from './render/json';
export * from './render/markdown';
export * from './render/sheetBlocks';
export * from './render/sheetGrid';
export * from './render/svg';
export * from './workbook/cells';
export * from './workbook/findings';
export * from './workbook/settings';
export * from './workbook/tabs';
export * from './workbook/template';
export * from './workbook/workbook';
