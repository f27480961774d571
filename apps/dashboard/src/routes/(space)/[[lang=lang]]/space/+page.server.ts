import { currentUploadByYear } from '$lib/space/imports';
import { listImports, userLocale } from '$lib/space/server';
import type { PageServerLoad } from './$types';

/** The association's uploads, and which one is in force for each reference year. */
export const load: PageServerLoad = async (event) => {
  const locale = await userLocale(event);
  const imports = await listImports(event, locale);
  const current = [...currentUploadByYear(imports)].sort((a, b) => b[0] - a[0]);
  return { imports, current };
};
