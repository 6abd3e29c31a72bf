/**
 * Base64 for frame bytes. Chromium has native Uint8Array.toBase64/fromBase64 (many times faster on
 * megabyte frames); the fallback serves older engines and Node tests.
 */
interface NativeBase64 {
  toBase64?: () => string;
}
interface NativeBase64Ctor {
  fromBase64?: (s: string) => Uint8Array;
}

const CHUNK = 0x8000; // String.fromCharCode's argument list must stay well under the engine's limit

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & NativeBase64).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64Ctor).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
