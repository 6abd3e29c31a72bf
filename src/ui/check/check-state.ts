/**
 * The still-image check page as a pure reducer, and the words its live region announces. One image
 * is checked at a time: each new image gets a check id, and events of an older check are ignored,
 * so a slow answer about a replaced image cannot overwrite the newer one's verdict.
 */
import type { CheckMessageKey } from '../../i18n/check-messages';
import type { Translate } from '../../i18n/translate';
import { largestFace } from '../../model/measures/largest-face';
import type { EngineState, FrameAnalysis } from '../../protocol/messages';
import type { StillImageProblem } from '../../still-image/still-image-validation';
import { assessReadiness } from '../../workflow/readiness';
import type { HintId, Readiness } from '../../workflow/types';

export type StillSource = { kind: 'file'; name: string } | { kind: 'url'; url: string } | { kind: 'paste' };
export interface Size {
  width: number;
  height: number;
}

export type StillStatus =
  | { status: 'empty' }
  | { status: 'reading'; source: StillSource }
  | { status: 'analysing'; source: StillSource; size: Size; original: Size }
  | { status: 'done'; source: StillSource; size: Size; original: Size; analysis: FrameAnalysis; readiness: Readiness }
  | { status: 'failed'; source: StillSource | null; problem: StillImageProblem };

export interface CheckState {
  engine: EngineState | { state: 'starting' };
  /** Id of the image being checked; events carrying another id are stale. */
  checkId: number;
  still: StillStatus;
}

export type CheckEvent =
  | { type: 'engine-state'; state: EngineState }
  | { type: 'reading'; checkId: number; source: StillSource }
  | { type: 'decoded'; checkId: number; size: Size; original: Size }
  | { type: 'analysis'; checkId: number; analysis: FrameAnalysis }
  | { type: 'problem'; checkId: number; problem: StillImageProblem };

export const INITIAL_CHECK_STATE: CheckState = { engine: { state: 'starting' }, checkId: 0, still: { status: 'empty' } };

/** The ID-photo profile on one still: the frame's own eye state, no track and no smoothing. */
export function stillReadiness(analysis: FrameAnalysis): Readiness {
  return assessReadiness('id-photo', { ...analysis, eyeState: analysis.eyes?.state ?? null });
}

export function reduceCheck(state: CheckState, event: CheckEvent): CheckState {
  if (event.type === 'engine-state') return { ...state, engine: event.state };
  if (event.type === 'reading') {
    if (event.checkId <= state.checkId) return state;
    return { ...state, checkId: event.checkId, still: { status: 'reading', source: event.source } };
  }
  if (event.checkId !== state.checkId) return state;
  const { still } = state;
  switch (event.type) {
    case 'decoded':
      if (still.status !== 'reading') return state;
      return { ...state, still: { status: 'analysing', source: still.source, size: event.size, original: event.original } };
    case 'analysis':
      if (still.status !== 'analysing') return state;
      return { ...state, still: { ...still, status: 'done', analysis: event.analysis, readiness: stillReadiness(event.analysis) } };
    case 'problem':
      return { ...state, still: { status: 'failed', source: still.status === 'empty' ? null : still.source, problem: event.problem } };
  }
}

export type Tone = 'info' | 'ok' | 'warn' | 'error';
export interface Verdict {
  text: string;
  tone: Tone;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
const megapixels = (pixels: number) => (pixels / 1e6).toFixed(1);

/** A bad input or a failed analysis in words: what is wrong and, where there is one, what to do. */
export function problemText(problem: StillImageProblem, t: Translate<CheckMessageKey>): string {
  switch (problem.kind) {
    case 'empty':
      return t('problem.empty');
    case 'not-image':
      return t(`problem.not-image.${problem.found}`);
    case 'file-too-large':
      return t('problem.file-too-large', { megabytes: megabytes(problem.bytes), maxMegabytes: megabytes(problem.maxBytes) });
    case 'too-small':
      return t('problem.too-small', { width: problem.width, height: problem.height, minSide: problem.minSide });
    case 'too-many-pixels':
      return t('problem.too-many-pixels', {
        width: problem.width,
        height: problem.height,
        megapixels: megapixels(problem.width * problem.height),
        maxMegapixels: megapixels(problem.maxPixels),
      });
    case 'corrupt':
      return t(`problem.corrupt.${problem.reason}`);
    case 'unreadable-cross-origin':
      return t('problem.unreadable-cross-origin');
    case 'fetch-failed':
      return t('problem.fetch-failed', { status: problem.status === null ? t('networkError') : `HTTP ${problem.status}` });
    case 'engine-error':
      return t('problem.engine-error', { error: problem.error });
  }
}

/**
 * What the live region says. `wordHint` phrases a workflow hint in the page's language; `wordVerdict` is
 * the overlay's wording of the fused verdict (verdictWords), so both say it alike.
 */
export function checkVerdict(state: CheckState, t: Translate<CheckMessageKey>, wordHint: (hint: HintId) => string, wordVerdict: (analysis: FrameAnalysis) => string): Verdict {
  const { still, engine } = state;
  switch (still.status) {
    case 'failed':
      return { text: problemText(still.problem, t), tone: 'error' };
    case 'reading':
      return { text: t('reading'), tone: 'info' };
    case 'analysing':
      if (engine.state === 'error') return { text: t('engineError', { error: engine.error }), tone: 'error' };
      return { text: t(engine.state === 'ready' ? 'analysing' : 'loadingModels'), tone: 'info' };
    case 'empty':
      if (engine.state === 'error') return { text: t('engineError', { error: engine.error }), tone: 'error' };
      return { text: t('waiting'), tone: 'info' };
    case 'done': {
      const { analysis, readiness } = still;
      const quality = wordVerdict(analysis);
      if (!largestFace(analysis.faces)) return { text: t('noFace', { quality }), tone: 'warn' };
      const hints = readiness.hints.map(wordHint).join('; ');
      const verdict = readiness.ready ? t('ready') : hints ? t('notReady', { hints }) : t('notReadyNoHint');
      const count = analysis.faces.length;
      const text = count > 1 ? t('facesFound', { count, quality, readiness: verdict }) : t('faceFound', { quality, readiness: verdict });
      return { text, tone: readiness.ready ? 'ok' : 'warn' };
    }
  }
}
