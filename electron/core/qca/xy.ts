/**
 * The XY plot of a term, a condition or a whole solution against the outcome (Ragin 2008, ch. 3; Schneider &
 * Wagemann 2012, §11.2): one point per case, x its membership in the expression, y its membership in the outcome.
 * The memberships and the fit come from the same functions as the solution table's (termMembership, unionMembership,
 * sufficiency), so the numbers printed under the plot are the table's numbers for the same term.
 */
import { localError } from '../../contract/i18n/format';
import type { QcaXyDto } from '../../contract/qca';
import { parseTerm, sufficiency, unionMembership, type QcaData, type Term } from './sets';

/** Reads "DEV*~IND + URB*STB": one term, a literal, or a sum of terms (a model), in R's notation. */
export function parseExpression(expression: string, data: Pick<QcaData, 'conditions' | 'levels'>): Term[] {
  const parts = expression.split('+').map((s) => s.trim());
  if (parts.some((p) => p === '')) throw localError('VALIDATION_FAILED', 'errorsQca.emptyLiteral', { text: expression, example: 'DEV*~IND + URB*STB' });
  return parts.map((p) => parseTerm(p, data.conditions, data.levels));
}

/**
 * Points of the plot and the fit of the expression as sufficient for the outcome. A point is consistent with
 * sufficiency when x ≤ y (on or above the diagonal); the tolerance absorbs the last bit of a float.
 */
export function xyPlot(data: QcaData, expression: string, caseIds?: string[]): QcaXyDto {
  const terms = parseExpression(expression, data);
  // A lone term is the union of one term: the same minimum over its literals the table's termMembership takes.
  const x = unionMembership(data, terms);
  return {
    expression: expression.split('+').map((s) => s.trim()).join(' + '),
    outcome: data.outcome,
    points: data.cases.map((name, i) => ({
      caseId: caseIds?.[i] ?? null,
      caseName: name,
      x: x[i]!,
      y: data.y[i]!,
      consistent: x[i]! <= data.y[i]! + 1e-9,
    })),
    fit: sufficiency(x, data.y),
  };
}
