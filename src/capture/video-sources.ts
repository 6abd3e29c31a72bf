/**
 * The videos a page plays that FaceReady can analyse — the local camera, each incoming WebRTC
 * track, other <video> elements — and the rule for which one is sampled. Pure bookkeeping, so the
 * MAIN-world tap only wires browser events to it.
 */
import type { Audience } from '../workflow/types';
import type { SourceKind, UnreadableReason, VideoSourceInfo } from '../protocol/messages';

/** Whose face a source shows: the user's own camera, or someone else's video. */
export const audienceOf = (kind: SourceKind): Audience => (kind === 'camera' ? 'self' : 'other');

export interface SourceRegistry<T> {
  /** Registers a live source; its ordinal is the next of its kind (never reused, so labels stay stable). */
  add(id: string, kind: SourceKind, detail: string, unreadable: UnreadableReason | null, payload: T): VideoSourceInfo;
  /** Removes a source that ended; returns what it was, or null if it was not live. */
  end(id: string): { info: VideoSourceInfo; payload: T } | null;
  get(id: string): { info: VideoSourceInfo; payload: T } | null;
  /** Every live source, oldest first. */
  list(): { info: VideoSourceInfo; payload: T }[];
  infos(): VideoSourceInfo[];
  readonly size: number;
}

export function createSourceRegistry<T>(): SourceRegistry<T> {
  const live = new Map<string, { info: VideoSourceInfo; payload: T }>(); // insertion order = age
  const counts: Record<SourceKind, number> = { camera: 0, remote: 0, video: 0 };
  return {
    add(id, kind, detail, unreadable, payload) {
      live.delete(id);
      const info: VideoSourceInfo = { id, kind, ordinal: ++counts[kind], detail, unreadable };
      live.set(id, { info, payload });
      return info;
    },
    end(id) {
      const entry = live.get(id) ?? null;
      live.delete(id);
      return entry;
    },
    get: (id) => live.get(id) ?? null,
    list: () => [...live.values()],
    infos: () => [...live.values()].map((entry) => entry.info),
    get size() {
      return live.size;
    },
  };
}

/**
 * Whose video the automatic choice looks for first: the user's own camera (a patient, the default),
 * or the remote participant (a doctor, who chose that role for the site).
 */
export type PreferredSource = 'camera' | 'remote';

/** Automatic until the user picks a source in the overlay. */
export type SourceSelection = { mode: 'auto'; prefer: PreferredSource } | { mode: 'picked'; id: string; kind: SourceKind };
export const AUTO_SELECTION: SourceSelection = { mode: 'auto', prefer: 'camera' };

export const isReadable = (source: VideoSourceInfo) => source.unreadable === null;
const newest = (sources: VideoSourceInfo[], kind: SourceKind) => sources.findLast((s) => s.kind === kind && isReadable(s)) ?? null;
const oldest = (sources: VideoSourceInfo[], kind: SourceKind) => sources.find((s) => s.kind === kind && isReadable(s)) ?? null;

/**
 * Which source to sample (`sources` oldest first). Automatic: the newest camera stream (a page that
 * reopens its camera is followed), else the first remote participant; the other way round when the
 * remote participant is preferred. A picked source is kept
 * while it lives; a picked camera falls back to the page's other camera streams (the same person),
 * but a picked remote participant or page video that ends is not replaced by someone else's video.
 */
export function sampledSourceId(sources: VideoSourceInfo[], selection: SourceSelection): string | null {
  if (selection.mode === 'picked') {
    const picked = sources.find((s) => s.id === selection.id && isReadable(s));
    if (picked) return picked.id;
    return selection.kind === 'camera' ? (newest(sources, 'camera')?.id ?? null) : null;
  }
  const camera = newest(sources, 'camera');
  const remote = oldest(sources, 'remote');
  return (selection.prefer === 'remote' ? (remote ?? camera) : (camera ?? remote))?.id ?? null;
}

/** The selection after the user picks `id`; a source that is gone or cannot be read is refused. */
export function pickSource(sources: VideoSourceInfo[], id: string, current: SourceSelection): SourceSelection {
  const source = sources.find((s) => s.id === id);
  return source && isReadable(source) ? { mode: 'picked', id, kind: source.kind } : current;
}
