// Case-key worker: HMAC-SHA256 of batches of messages, with the pseudonym key it was started with. Pseudonyms are a
// large share of a large import's CPU on the main thread (docs/benchmarks.md, import profile): here they run beside
// the parsing and normalising. Same keys as `caseKey`/`contentKey` (privacy/pseudonym.ts).
//
// Protocol: parent -> worker { id, inputs: string[] }; worker -> parent { id, keys: string[] } (hex, same order).
import { createHmac } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

const key = Buffer.from(workerData.key);

parentPort.on('message', ({ id, inputs }) => {
  const keys = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) keys[i] = createHmac('sha256', key).update(inputs[i]).digest('hex');
  parentPort.postMessage({ id, keys });
});
