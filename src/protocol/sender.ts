/**
 * Who sent a runtime message or opened a port, from the `sender` the BROWSER fills in (a
 * compromised renderer cannot forge it): one of FaceReady's own pages (popup, options, check page,
 * offscreen document), one of its content scripts (which run inside a page the user does not
 * control), or anything else.
 */
export type SenderRole = 'extension-page' | 'content-script' | 'foreign';

/** The fields of `runtime.MessageSender` this decision reads. */
export interface MessageSenderFields {
  id?: string;
  url?: string;
  origin?: string;
}

export interface OwnExtension {
  id: string;
  /** `chrome-extension://<id>` (no trailing slash). */
  origin: string;
}

/** Compared as strings: URL.origin of a chrome-extension: URL is "null" outside a browser. */
const isOwnPage = (sender: MessageSenderFields, extension: OwnExtension) =>
  sender.origin !== undefined ? sender.origin === extension.origin : (sender.url ?? '').startsWith(`${extension.origin}/`);

export function senderRole(sender: MessageSenderFields | undefined, extension: OwnExtension): SenderRole {
  if (!sender || sender.id !== extension.id) return 'foreign';
  return isOwnPage(sender, extension) ? 'extension-page' : 'content-script';
}

/** This extension's own identity, for senderRole, from inside the extension. */
export function ownExtension(runtime: { id: string; getURL(path: string): string }): OwnExtension {
  return { id: runtime.id, origin: runtime.getURL('/').replace(/\/$/, '') };
}
