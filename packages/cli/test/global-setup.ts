import type { TestProject } from 'vitest/node';
import { setupTestPostgres } from '@observatoire/db/testing';

export default (project: TestProject) => setupTestPostgres(project);
