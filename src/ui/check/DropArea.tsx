import { useState } from 'preact/hooks';
import type { CheckMessageKey } from '../../i18n/check-messages';
import type { Translate } from '../../i18n/translate';
import { STILL_IMAGE_LIMITS } from '../../still-image/still-image-validation';

export interface DropAreaProps {
  t: Translate<CheckMessageKey>;
  onFile(file: File): void;
  /** An image dragged from a web page arrives as its URL, not as a file. */
  onUrl(url: string): void;
}

/** Where an image comes in: dropped on it, or chosen with the file picker (paste is handled page-wide). */
export function DropArea({ t, onFile, onUrl }: DropAreaProps) {
  const [over, setOver] = useState(false);
  return (
    <section
      class={`drop-area${over ? ' over' : ''}`}
      aria-label={t('dropArea')}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        const url = e.dataTransfer?.getData('text/uri-list').split(/\r?\n/).find((line) => line && !line.startsWith('#'));
        if (file) onFile(file);
        else if (url) onUrl(url);
      }}
    >
      <p>
        {t('dropHint')}{' '}
        <label class="file-button">
          {t('chooseFile')}
          <input
            type="file"
            accept="image/*"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) onFile(file);
              input.value = ''; // the same file chosen again is checked again
            }}
          />
        </label>
      </p>
      <p class="limits">
        {t('limits', {
          minSide: STILL_IMAGE_LIMITS.minSide,
          maxMegabytes: STILL_IMAGE_LIMITS.maxBytes / (1024 * 1024),
          maxMegapixels: STILL_IMAGE_LIMITS.maxPixels / 1e6,
        })}
      </p>
    </section>
  );
}
