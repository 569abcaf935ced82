import { describe, expect, it } from 'vitest';
import { PRINT_CONTENT_SECURITY_POLICY, PRINT_PREFIX, PrintPages } from '../../electron/main/print-pages';

describe('print pages', () => {
  it('serve a page from memory under an unguessable path until it is released', () => {
    const pages = new PrintPages();
    const route = pages.add('<html>Table 1</html>');
    expect(route).toMatch(new RegExp(`^${PRINT_PREFIX}[0-9a-f]{32}$`));
    expect(pages.get(route)).toBe('<html>Table 1</html>');
    expect(pages.get(`${PRINT_PREFIX}${'0'.repeat(32)}`)).toBeNull();
    expect(pages.get('/index.html')).toBeNull();
    pages.release(route);
    expect(pages.get(route)).toBeNull();
  });

  it('let no script run and nothing load from outside', () => {
    expect(PRINT_CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(PRINT_CONTENT_SECURITY_POLICY).not.toMatch(/script-src|unsafe-eval|http/);
  });
});
