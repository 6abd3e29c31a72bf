/**
 * npm run classifier-parity [-- --backend wasm|cpu]
 *
 * Prints, as JSON, the committed classifier's probabilities for the parity fixtures in Node (see
 * scripts/lib/classifier/parity.ts; the e2e test compares them with the browser's).
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { nodeParityResults } from './lib/classifier/parity';
import { useNodeBackend, type NodeBackend } from './lib/tf-node-backend';

const { values: args } = parseArgs({ options: { backend: { type: 'string', default: 'wasm' } } });
await useNodeBackend(args.backend as NodeBackend);
console.log(JSON.stringify({ backend: tf.getBackend(), results: await nodeParityResults() }, null, 2));
