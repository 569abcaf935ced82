import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import type { MessageValues } from '../../../electron/contract/i18n/format';

/** Tags a message may use: `<b>…</b>` is bold, `<muted>…</muted>` is the quieter grey of secondary text, `<code>…</code>` a command, `<kbd>…</kbd>` a key or menu path. */
const RICH = {
  b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
  muted: (chunks: ReactNode[]) => <span className="muted">{chunks}</span>,
  code: (chunks: ReactNode[]) => <code>{chunks}</code>,
  kbd: (chunks: ReactNode[]) => <kbd>{chunks}</kbd>,
};

/** A message with rich text (`<b>` in the catalogue), typed like useT's ids. */
export function Msg({ id, values }: { id: MessageId; values?: MessageValues }) {
  return <FormattedMessage id={id} values={{ ...RICH, ...values }} />;
}
