import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import type { MessageValues } from '../../../electron/contract/i18n/format';

/**
 * The tags the evidence messages use besides `<b>`: `<code>` (a path, a search example), `<kbd>` (a key) and
 * `<hidden>` (words for screen readers only, such as the file a "Cancel" button cancels).
 */
const TAGS = {
  b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
  muted: (chunks: ReactNode[]) => <span className="muted">{chunks}</span>,
  code: (chunks: ReactNode[]) => <code>{chunks}</code>,
  kbd: (chunks: ReactNode[]) => <kbd>{chunks}</kbd>,
  hidden: (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>,
};

/** A message with rich text, typed like useT's ids. */
export function RichMsg({ id, values }: { id: MessageId; values?: MessageValues }) {
  return <FormattedMessage id={id} values={{ ...TAGS, ...values }} />;
}
