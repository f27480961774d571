import { langOf } from '$lib/paths.js';
import { handleUpload } from '$lib/space/upload.server';
import type { RequestHandler } from './$types';

/** The upload form posts here; the body is streamed to the API (see handleUpload). */
export const POST: RequestHandler = (event) => handleUpload(event, langOf(event.params));
