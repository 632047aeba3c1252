import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/app-config.js';
import { buildOpenApiDocument } from './openapi-document.js';

/**
 * `npm run openapi [file.json]`: writes the OpenAPI document (to stdout without a file)
 * from the controllers alone: Nest's preview mode creates no provider, so nothing
 * connects to a database or the network.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.forRoot({ ...config, databaseUrl: 'postgres://preview/none' }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  // through scripts/run-built.mjs the built file's path comes first
  const file = process.argv.slice(2).find((arg) => arg.endsWith('.json'));
  if (file) writeFileSync(file, json);
  else process.stdout.write(json);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('The OpenAPI document could not be built:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
