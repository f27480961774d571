import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';

type Json = Record<string, unknown>;

/** Schemas named with `.meta({ id })`, collected while decorators run, merged into the document's components. */
const components = new Map<string, Json>();

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === '$ref' && typeof v === 'string' ? v.replace('#/definitions/', '#/components/schemas/') : rewriteRefs(v);
    }
    return out;
  }
  return node;
}

/** zod 4's own converter (nestjs-zod does not support Nest 12); named sub-schemas become components. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Json {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Json;
  const defs = (json.definitions ?? {}) as Record<string, Json>;
  delete json.definitions;
  delete json.$schema;
  for (const [id, def] of Object.entries(defs)) components.set(id, rewriteRefs(def) as Json);
  return rewriteRefs(json) as Json;
}

export const ZOD_RESPONSE = 'observatoire:zod-response';

/** Documents the response and has ZodResponseInterceptor check (and strip) what the handler returns. */
export function ApiZodResponse(status: number, schema: z.ZodType, description = 'OK') {
  return applyDecorators(
    ApiResponse({ status, description, schema: openApiSchema(schema) as never }),
    ...(status < 300 ? [SetMetadata(ZOD_RESPONSE, schema)] : []),
  );
}

export function ApiZodBody(schema: z.ZodType) {
  return ApiBody({ schema: openApiSchema(schema, 'input') as never });
}

/** One documented query parameter per key of an object schema. */
export function ApiZodQuery(schema: z.ZodObject) {
  const json = openApiSchema(schema, 'input');
  const props = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return applyDecorators(
    ...Object.entries(props).map(([name, s]) =>
      ApiQuery({ name, required: required.has(name), schema: s as never, description: s.description as string }),
    ),
  );
}

export function withZodComponents(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas ??= {};
  const sorted = [...components.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [id, schema] of sorted) doc.components.schemas[id] = schema as never;
  return doc;
}
