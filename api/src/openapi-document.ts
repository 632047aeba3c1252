import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeDocument, ErrorBodyView } from './common/openapi.js';

/** The OpenAPI document of the API, from the controllers' and DTOs' decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return completeDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Exit Pool API')
        .setDescription(
          'Grant administration for national exit programmes. Money is in integer minor units (øre, cents); ' +
            'dates are `YYYY-MM-DD`, instants ISO 8601 with `Z`. Collections follow the react-admin simple ' +
            'REST convention (`sort`, `range` and `filter` as JSON, `Content-Range` in the answer). Records ' +
            'that history refers to are never deleted, and payments are never changed: those routes answer ' +
            '405 naming what to do instead. Every error has the body `{ statusCode, error, message, errors?, code? }`.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
      { extraModels: [ErrorBodyView] },
    ),
    { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
  );
}
