import { applyDecorators, Param, SetMetadata } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { problemSchema } from '@observatoire/schema';
import { zodPipe } from '../common/zod.js';
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

/** A problem+json answer (the `Problem` component), for a 4xx a route gives beyond the ones every route documents. */
export function ApiProblemResponse(status: number, description: string) {
  return ApiResponse({ status, description, content: problemContent() as never });
}

export const problemContent = () => ({ 'application/problem+json': { schema: openApiSchema(problemSchema) } });

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

/**
 * The path parameters, validated by the schema (400 problem+json otherwise) and documented from it: one
 * declaration for both, so no path parameter goes undocumented.
 */
export function ZodParams(schema: z.ZodObject): ParameterDecorator {
  const json = openApiSchema(schema, 'input');
  const props = (json.properties ?? {}) as Record<string, Json>;
  return (target, key, index) => {
    Param(zodPipe(schema))(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    for (const [name, s] of Object.entries(props)) {
      ApiParam({ name, required: true, schema: s as never, description: s.description as string })(
        target,
        key!,
        descriptor,
      );
    }
  };
}

export function withZodComponents(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas ??= {};
  const sorted = [...components.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [id, schema] of sorted) doc.components.schemas[id] = schema as never;
  typeNullableRefs(doc, doc.components.schemas as Record<string, Json>);
  return doc;
}

/**
 * zod writes a nullable named schema as `{ nullable: true, allOf: [{ $ref }] }`; OpenAPI 3.0 gives `nullable` a
 * meaning only beside a `type`, so the referenced schema's type is written beside it. A described reference
 * (`{ description, allOf: [{ $ref }] }`, `{ description, $ref }`) becomes the bare reference, all OpenAPI 3.0 reads.
 */
function typeNullableRefs(node: unknown, schemas: Record<string, Json>): void {
  if (Array.isArray(node)) return node.forEach((n) => typeNullableRefs(n, schemas));
  if (!node || typeof node !== 'object') return;
  const n = node as Json;
  const only = Array.isArray(n.allOf) && n.allOf.length === 1 ? (n.allOf[0] as Json) : undefined;
  if (n.nullable === true && n.type === undefined && typeof only?.$ref === 'string') {
    const target = schemas[only.$ref.replace('#/components/schemas/', '')];
    if (target?.type !== undefined) n.type = target.type;
  } else if (typeof only?.$ref === 'string' && n.nullable === undefined) {
    delete n.allOf;
    n.$ref = only.$ref;
  }
  // OpenAPI 3.0 ignores whatever stands beside a reference (zod puts a field's description there).
  if (typeof n.$ref === 'string') for (const k of Object.keys(n)) if (k !== '$ref') delete n[k];
  for (const v of Object.values(n)) typeNullableRefs(v, schemas);
}
