import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_SCHEME, TOKEN_SCHEME } from '../auth/auth.decorators.js';
import { problemContent, withZodComponents } from './zod-openapi.js';

type Operation = {
  parameters?: unknown[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
};

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Observatoire API')
    .setDescription(
      'Statistiques publiques sous contrôle de divulgation, publications, dépôts des associations. Code sous licence ' +
        'AGPL-3.0-or-later ; données publiées sous Licence Ouverte / Open Licence 2.0 (Etalab). / ' +
        'Disclosure-controlled public statistics, releases, association uploads. Code under AGPL-3.0-or-later; ' +
        'published data under the Licence Ouverte / Open Licence 2.0 (Etalab).\n\n' +
        'Errors are `application/problem+json` (the `Problem` schema), in French and English.',
    )
    .setVersion('1')
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'This server (the dashboard also serves the API under /api/, same origin)')
    .addCookieAuth(
      'observatoire_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'Session of a logged-in member or admin (POST /api/v1/auth/login); named `__Host-observatoire_session` ' +
          'when the API runs in production. State changes with it need an allowed Origin (CSRF check).',
      },
      SESSION_SCHEME,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'An association’s opaque API token (`obs_…`), member rights' },
      TOKEN_SCHEME,
    )
    // Routes that say nothing take a session or a token; public and admin routes say so (auth.decorators.ts).
    .addSecurityRequirements(SESSION_SCHEME)
    .addSecurityRequirements(TOKEN_SCHEME)
    .build();
  const doc = withZodComponents(SwaggerModule.createDocument(app, config));
  documentSecurityAndProblems(doc);
  return doc;
}

/**
 * Public routes get `security: []`. Then the 4xx answers every route can give, as problem+json, from what the document already says of the route: 400 when
 * it takes parameters or a body (each is validated), 401 and 403 when it needs a login (a missing or ended session,
 * the wrong role, a cross-site change), 404 when its path names something. Route-specific ones (429, 409, 413) are
 * declared on the routes themselves.
 */
function documentSecurityAndProblems(doc: OpenAPIObject): void {
  const problem = (description: string) => ({ description, content: problemContent() });
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const op of Object.values(item as Record<string, Operation>)) {
      // Public(): no security requirement at all.
      if (op.security?.length === 1 && Object.keys(op.security[0]).length === 0) op.security = [];
      const secured = (op.security ?? doc.security ?? []).length > 0;
      const add = (status: string, description: string) => (op.responses[status] ??= problem(description));
      if (op.parameters?.length || op.requestBody) add('400', 'A parameter or the body is invalid (each field listed)');
      if (secured) {
        add('401', 'Not logged in, or the session or token has ended');
        add('403', 'Not allowed for this account, or a change from another site (CSRF)');
      }
      if (path.includes('{')) add('404', 'Nothing with this id or slug (or it belongs to another association)');
    }
  }
}

/** Swagger UI at /api/docs, the document at /api/docs.json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs.json', raw: ['json'] });
}
