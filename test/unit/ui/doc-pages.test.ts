import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docPagePath } from '../../../src/ui/doc-page-path';
import { docPage, renderDocPage } from '../../../src/ui/doc-pages';

const markdown = { privacy: readFileSync('docs/privacy.md', 'utf8'), help: readFileSync('docs/help.md', 'utf8') };

describe('document pages', () => {
  it('renders the bundled privacy statement and help as HTML', () => {
    expect(renderDocPage(markdown, 'privacy')).toMatch(/^<h1>FaceReady and your privacy<\/h1>/);
    expect(renderDocPage(markdown, 'privacy')).toContain('<table>');
    expect(renderDocPage(markdown, 'help')).toMatch(/^<h1>FaceReady help<\/h1>/);
  });

  it('picks only a known page from the URL, the help otherwise', () => {
    expect(docPage('privacy')).toBe('privacy');
    for (const requested of [null, '', 'admin', '__proto__', 'constructor', '../../secrets']) expect(docPage(requested)).toBe('help');
    expect(docPagePath('privacy')).toBe('/docs.html?page=privacy');
  });
});
