import * as tf from '@tensorflow/tfjs';

/** The unit tests run the toy models on the pure-JS cpu backend (no wasm files needed). */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
