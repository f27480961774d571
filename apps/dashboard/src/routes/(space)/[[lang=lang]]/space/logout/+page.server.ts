import { langOf } from '$lib/paths.js';
import { logoutAction } from '$lib/space/server';
import type { Actions } from './$types';

export const actions: Actions = { default: (event) => logoutAction(event, langOf(event.params)) };
