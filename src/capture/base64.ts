// Re-export for src/engine/decode-frame.ts, which other branches edit this session; delete once it imports ../base64.
export { base64ToBytes, bytesToBase64 } from '../base64';
