/**
 * The claims register's column widths (issue 17 finding 5): the columns share the register's width until the
 * researcher sizes one, a sized column keeps its width, and below the floors the register scrolls sideways.
 */
import { describe, expect, it } from 'vitest';
import { clampWidth, PREFERRED_WIDTHS, REGISTER_COLUMNS, resolveWidths } from '../../renderer/src/record/register-columns';

const total = (w: Record<string, number>) => REGISTER_COLUMNS.reduce((sum, c) => sum + w[c]!, 0);

describe('register column widths', () => {
  it('gives every column its preferred width on a wide register, the claim taking the rest', () => {
    const w = resolveWidths({}, 1600);
    expect(total(w)).toBe(1600);
    for (const c of REGISTER_COLUMNS) if (c !== 'claim') expect(w[c]).toBe(PREFERRED_WIDTHS[c]);
    expect(w.claim).toBeGreaterThan(PREFERRED_WIDTHS.claim);
  });

  it('shrinks the columns in proportion to fit the centre pane at 1280×720 (645 px), none below its floor', () => {
    const w = resolveWidths({}, 645);
    expect(total(w)).toBeLessThanOrEqual(645);
    expect(w.date).toBeGreaterThanOrEqual(80);
    expect(w.assessment).toBeGreaterThanOrEqual(112);
    expect(w.claim).toBeGreaterThanOrEqual(100);
  });

  it('keeps a width the researcher set and fits the others around it; scrolls sideways when they cannot fit', () => {
    const w = resolveWidths({ claimant: 300 }, 900);
    expect(w.claimant).toBe(300);
    expect(total(w)).toBe(900);
    const narrow = resolveWidths({ claimant: 600 }, 645);
    expect(narrow.claimant).toBe(600);
    expect(total(narrow)).toBeGreaterThan(645);
    expect(resolveWidths({ claim: 500 }, 1600).claim).toBe(500);
  });

  it('never lets a column be resized below 56 px or above 1200 px', () => {
    expect(clampWidth(10)).toBe(56);
    expect(clampWidth(5000)).toBe(1200);
    expect(clampWidth(180.4)).toBe(180);
  });
});
