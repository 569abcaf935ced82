/**
 * The necessity of each condition and the truth table of the current definition. A row's outcome is written out
 * ("1 positive", "C contradiction") and carries a mark, so that a contradiction is not told by its colour alone.
 */
import type { QcaAnalysisDto, QcaTruthTableRowDto } from '../../../electron/contract/qca';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { MARK, useFit } from './format';

const OUT_LABEL: Record<QcaTruthTableRowDto['out'], MessageId> = {
  '1': 'qca.outPositive',
  '0': 'qca.outNegative',
  C: 'qca.outContradiction',
  '?': 'qca.outRemainder',
};

interface CaseLinks {
  onOpenCase: (name: string) => void;
}

export function CaseList({ names, onOpenCase }: { names: string[] } & CaseLinks) {
  return (
    <span className="qca-cases">
      {names.map((name, i) => (
        <span key={name}>
          {i > 0 ? MARK.list : null}
          <button type="button" className="qca-link" onClick={() => onOpenCase(name)}>
            {name}
          </button>
        </span>
      ))}
    </span>
  );
}

export function NecessityTable({ analysis }: { analysis: QcaAnalysisDto }) {
  const t = useT();
  const fit = useFit();
  return (
    <section className="qca-section" aria-labelledby="qca-nec-title">
      <h3 id="qca-nec-title" className="qca-subheading">
        {t('qca.necessityTitle', { outcome: analysis.truthTable.outcome })}
      </h3>
      <p className="muted small">{t('qca.necessityHint')}</p>
      <div className="qca-scroll" tabIndex={0} role="region" aria-labelledby="qca-nec-title">
        <table className="qca-table" data-testid="qca-necessity">
          <thead>
            <tr>
              <th scope="col">{t('qca.condition')}</th>
              <th scope="col" className="num" title={t('qca.inclNLong')}>
                {t('qca.inclN')}
              </th>
              <th scope="col" className="num" title={t('qca.RoNLong')}>
                {t('qca.RoN')}
              </th>
              <th scope="col" className="num" title={t('qca.covNLong')}>
                {t('qca.covN')}
              </th>
            </tr>
          </thead>
          <tbody>
            {analysis.necessity.map((r) => (
              <tr key={r.condition}>
                <th scope="row" className="qca-term">
                  {r.condition}
                </th>
                <td className="num">{fit(r.inclN)}</td>
                <td className="num">{fit(r.RoN)}</td>
                <td className="num">{fit(r.covN)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function TruthTable({ analysis, onOpenCase }: { analysis: QcaAnalysisDto } & CaseLinks) {
  const t = useT();
  const fit = useFit();
  const tt = analysis.truthTable;
  const contradictions = tt.rows.filter((r) => r.out === 'C').length;
  return (
    <section className="qca-section" aria-labelledby="qca-tt-title">
      <h3 id="qca-tt-title" className="qca-subheading">
        {t('qca.truthTableTitle', { outcome: tt.outcome })}
      </h3>
      <p className="muted small">
        {t('qca.truthTableSummary', { rows: tt.rows.length, remainders: tt.remainders, total: tt.totalRows, contradictions })}
        {tt.unassigned.length ? MARK.space + t('qca.unassigned', { cases: tt.unassigned.join(MARK.list) }) : null}
      </p>
      <div className="qca-scroll" tabIndex={0} role="region" aria-labelledby="qca-tt-title">
        <table className="qca-table qca-tt" data-testid="qca-truth-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('qca.row')}
              </th>
              {tt.conditions.map((c) => (
                <th key={c} scope="col" className="num qca-term">
                  {c}
                </th>
              ))}
              <th scope="col">{t('qca.out')}</th>
              <th scope="col" className="num">
                {t('qca.n')}
              </th>
              <th scope="col" className="num">
                {t('qca.incl')}
              </th>
              <th scope="col" className="num">
                {t('qca.PRI')}
              </th>
              <th scope="col">{t('qca.cases')}</th>
            </tr>
          </thead>
          <tbody>
            {tt.rows.map((r) => (
              <tr key={r.id} className={`qca-out-${r.out === '?' ? 'r' : r.out === 'C' ? 'c' : r.out}`} data-out={r.out}>
                <th scope="row" className="num">
                  {r.id}
                </th>
                {r.values.map((v, j) => (
                  <td key={tt.conditions[j]} className="num">
                    {v}
                  </td>
                ))}
                <td className="qca-out">
                  <span className="qca-out-mark" aria-hidden="true">
                    {MARK.out[r.out]}
                  </span>
                  {MARK.space}
                  <span>{r.out}</span>
                  {MARK.space}
                  <span className="qca-out-word">{t(OUT_LABEL[r.out])}</span>
                </td>
                <td className="num">{r.n}</td>
                <td className="num">{fit(r.incl)}</td>
                <td className="num">{fit(r.PRI)}</td>
                <td>
                  <CaseList names={r.cases} onOpenCase={onOpenCase} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
