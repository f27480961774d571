import { EtlError } from '../errors.js';
import type { ReadLimits, TableSource } from './types.js';

// Placeholder until the streaming worker-based reader lands.
export async function openXlsx(_path: string, _sheet: string | undefined, _limits: ReadLimits): Promise<TableSource> {
  throw new EtlError('unsupported_format', {
    fr: 'Lecture XLSX pas encore disponible.',
    en: 'XLSX reading not available yet.',
  });
}
