export * from './application-workflow.js';
export * from './four-eyes.js';
