import { AssociationEntity } from './association.entity.js';

export { AssociationEntity };

/** Every entity, imported (never globbed by path). Add new entities here. */
export const entities = [AssociationEntity];
