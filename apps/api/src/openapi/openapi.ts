import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { withZodComponents } from './zod-openapi.js';

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Observatoire API')
    .setDescription(
      'Statistiques publiques sous contrôle de divulgation, publications, dépôts des associations. / ' +
        'Disclosure-controlled public statistics, releases, association uploads.',
    )
    .setVersion('1')
    .addCookieAuth('observatoire_session')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Association API token (obs_...)' })
    .build();
  return withZodComponents(SwaggerModule.createDocument(app, config));
}

/** Swagger UI at /api/docs, the document at /api/docs.json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs.json', raw: ['json'] });
}
