import { describe, expect, it } from 'vitest';
import { validPanelOffsets } from '../../../src/extension/setting-values';
import { clampOffset, offsetAfterKey, PANEL_HOME, PANEL_LARGE_STEP, PANEL_MARGIN, PANEL_STEP } from '../../../src/ui/panel-position';

describe('moving the panel by keyboard', () => {
  it('steps with the arrow keys, further with Shift, and goes home with Home', () => {
    expect(offsetAfterKey({ x: 0, y: 0 }, 'ArrowLeft', false)).toEqual({ x: -PANEL_STEP, y: 0 });
    expect(offsetAfterKey({ x: -10, y: 0 }, 'ArrowUp', true)).toEqual({ x: -10, y: -PANEL_LARGE_STEP });
    expect(offsetAfterKey({ x: -10, y: -20 }, 'ArrowDown', false)).toEqual({ x: -10, y: -20 + PANEL_STEP });
    expect(offsetAfterKey({ x: -10, y: -20 }, 'Home', false)).toBe(PANEL_HOME);
    expect(offsetAfterKey({ x: -10, y: -20 }, 'Enter', false)).toBeNull();
  });

  it('keeps the whole panel inside the window', () => {
    const panel = { width: 300, height: 200 };
    const view = { width: 1000, height: 800 };
    expect(clampOffset({ x: -100, y: -100 }, panel, view)).toEqual({ x: -100, y: -100 });
    expect(clampOffset({ x: -5000, y: 5000 }, panel, view)).toEqual({ x: 300 + PANEL_MARGIN - 1000, y: PANEL_MARGIN });
    // A window smaller than the panel: its top-left corner stays visible.
    expect(clampOffset({ x: 0, y: 0 }, panel, { width: 200, height: 100 })).toEqual({ x: 300 + PANEL_MARGIN - 200, y: 200 + PANEL_MARGIN - 100 });
  });

  it('reads back only offsets it could have written', () => {
    const stored = { 'https://a.example': { x: -40, y: -8, extra: 1 }, 'https://b.example': { x: NaN, y: 0 }, 'javascript:x': { x: 0, y: 0 }, 'https://c.example': { x: 1e9, y: 0 }, 'https://d.example': '0,0' };
    expect(validPanelOffsets(stored)).toEqual({ 'https://a.example': { x: -40, y: -8 } });
    expect(validPanelOffsets([{ x: 0, y: 0 }])).toEqual({});
  });
});
