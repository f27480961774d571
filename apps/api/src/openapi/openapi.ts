import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
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

/** Where swagger-ui-dist lives: resolved from @nestjs/swagger, whose dependency it is. */
function swaggerUiAssets(): string {
  const swaggerEntry = fileURLToPath(import.meta.resolve('@nestjs/swagger'));
  return path.dirname(createRequire(swaggerEntry).resolve('swagger-ui-dist/package.json'));
}

/** Swagger UI at /api/docs, the document at /api/docs.json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const doc = buildOpenApiDocument(app);
  // @nestjs/swagger loads @fastify/static from its own folder, where npm did not hoist it (it sits under
  // apps/api/node_modules): serve the UI assets with our copy of the plugin instead.
  const fastify = app.getHttpAdapter().getInstance();
  (SwaggerModule as unknown as { serveStatic: (p: string) => void }).serveStatic = (finalPath: string) => {
    fastify.register(fastifyStatic, { root: swaggerUiAssets(), prefix: finalPath, decorateReply: false });
  };
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs.json', raw: ['json'] });
}
