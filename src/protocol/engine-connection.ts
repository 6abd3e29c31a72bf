/**
 * What a client of the analysis engine is handed: a connection that sends requests and reports
 * events. The browser side (src/extension/engine-client.ts) implements it; the frame relay and the
 * still-image check only use it, so they depend on this contract and not on the extension APIs.
 */
import type { EngineEvent, EngineRequest } from './messages';

export interface EngineConnection {
  /** Sends a request if connected; returns false (and the caller drops the frame) otherwise. */
  send(request: EngineRequest): boolean;
  close(): void;
}

export interface EngineConnectionEvents {
  onEvent(event: EngineEvent): void;
  /** An event that failed validation (`type`: its claimed type, unchecked): whatever waited on an answer must not wait for this one. */
  onInvalidEvent(error: string, type: unknown): void;
  /** The engine could not be reached for a while; the connection keeps retrying. */
  onFailure(error: string): void;
  /** Called whenever the connection (re)opens or drops, so in-flight bookkeeping can reset. */
  onConnectionChange(connected: boolean): void;
  /** The extension's context is gone (disabled, updated, crashed): nothing here can reconnect. */
  onContextLost(): void;
}

/** Opens a connection to the engine that reports to `events` until closed. */
export type ConnectEngine = (events: EngineConnectionEvents) => EngineConnection;
