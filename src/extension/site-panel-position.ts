/** Where the overlay's panel sits on each site, remembered when the user moves it (by pointer or keyboard). Not a setting: no policy applies. */
import { storage } from '#imports';
import { validPanelOffsets, type PanelOffset } from './setting-values';
import { validatedItem } from './validated-item';

const panelOffsets = validatedItem(storage.defineItem<Record<string, PanelOffset>>('local:panelOffsets', { fallback: {} }), validPanelOffsets);

export async function panelOffsetForOrigin(origin: string): Promise<PanelOffset> {
  return (await panelOffsets.getValue())[origin] ?? { x: 0, y: 0 };
}

export async function rememberPanelOffset(origin: string, offset: PanelOffset): Promise<void> {
  await panelOffsets.setValue({ ...(await panelOffsets.getValue()), [origin]: offset });
}
