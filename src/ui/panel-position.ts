/**
 * Moving the overlay's panel: by arrow keys (a step, a larger one with Shift, Home back to its corner)
 * and kept inside the window, so a panel moved on a wide screen is not lost off a narrow one.
 * The offset is from the panel's home in the bottom-right corner, in CSS pixels. Pure.
 */
import type { PanelOffset } from '../extension/setting-values';

export const PANEL_HOME: PanelOffset = { x: 0, y: 0 };
export const PANEL_STEP = 16;
export const PANEL_LARGE_STEP = 80;
/** The gap between the panel and the window's edges at its home (overlay.css: right/bottom). */
export const PANEL_MARGIN = 16;

const ARROWS: Record<string, PanelOffset> = { ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 }, ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 } };

/** The offset after a key press, or null when the key does not move the panel. */
export function offsetAfterKey(offset: PanelOffset, key: string, shift: boolean): PanelOffset | null {
  if (key === 'Home') return PANEL_HOME;
  const direction = ARROWS[key];
  if (!direction) return null;
  const step = shift ? PANEL_LARGE_STEP : PANEL_STEP;
  return { x: offset.x + direction.x * step, y: offset.y + direction.y * step };
}

/** The nearest offset that keeps the whole panel in the window (its top-left corner when the window is smaller than the panel). */
export function clampOffset(offset: PanelOffset, panel: { width: number; height: number }, view: { width: number; height: number }): PanelOffset {
  const within = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));
  return {
    x: within(offset.x, panel.width + PANEL_MARGIN - view.width, PANEL_MARGIN),
    y: within(offset.y, panel.height + PANEL_MARGIN - view.height, PANEL_MARGIN),
  };
}
