import type { RequestHandler } from './$types';
import { handleUpload } from '$lib/space/upload.server';

/** The upload form posts here; the body is streamed to the API (see handleUpload). */
export const POST: RequestHandler = (event) => handleUpload(event, 'fr');
