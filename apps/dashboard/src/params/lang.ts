import type { ParamMatcher } from '@sveltejs/kit';

/** Only English has a prefix: French lives at the root. */
export const match: ParamMatcher = (param) => param === 'en';
