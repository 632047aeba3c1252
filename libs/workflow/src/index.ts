export * from './application-workflow.js';
