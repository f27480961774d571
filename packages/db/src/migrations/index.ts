import { Init1764316800000 } from './1764316800000-Init.js';
import { ImportBatchCaseRecord1764400000000 } from './1764400000000-ImportBatchCaseRecord.js';
import { ImportBatchLiveFileIndex1764400000001 } from './1764400000001-ImportBatchLiveFileIndex.js';
import { Accounts1764500000000 } from './1764500000000-Accounts.js';
import { Releases1764600000000 } from './1764600000000-Releases.js';
import { CaseProfile1764700000000 } from './1764700000000-CaseProfile.js';
import { ImportRetention1764800000000 } from './1764800000000-ImportRetention.js';
import { ReleaseComposition1796585501363 } from './1796585501363-ReleaseComposition.js';
import { ReleasePublication1796590000000 } from './1796590000000-ReleasePublication.js';

/** Linear, reviewed, in order. Add each new migration at the end. */
export const migrations = [
  Init1764316800000,
  ImportBatchCaseRecord1764400000000,
  // In timestamp order, which is the order TypeORM runs them in.
  ImportBatchLiveFileIndex1764400000001,
  Accounts1764500000000,
  Releases1764600000000,
  CaseProfile1764700000000,
  ImportRetention1764800000000,
  ReleaseComposition1796585501363,
  ReleasePublication1796590000000,
];
