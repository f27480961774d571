import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

const CONTRACT = new URL('../../../apps/api/openapi.json', import.meta.url);
export const GENERATED = fileURLToPath(new URL('../src/openapi.ts', import.meta.url));
const HEADER =
  '// Generated from apps/api/openapi.json by openapi-typescript (npm run generate -w @observatoire/api-client).\n' +
  '// Do not edit: change the API, update its openapi.json, then generate again.\n';

/** The TypeScript of the API's paths and schemas, formatted as the repository formats code. */
export async function generatedTypes() {
  const ast = await openapiTS(CONTRACT, { alphabetize: true });
  const options = (await resolveConfig(GENERATED)) ?? {};
  return format(HEADER + astToString(ast), { ...options, filepath: GENERATED });
}
