import type { TestProject } from 'vitest/node';
import { setupTestPostgres } from '../src/testing/global-setup.js';

export default (project: TestProject) => setupTestPostgres(project);
