/**
 * Commands the native menu sends to the renderer (main -> renderer), on one IPC channel. The renderer decides what
 * they mean where the focus is: "undo" in a text field undoes typing, elsewhere it undoes the last matrix edit.
 */
export const COMMANDS = ['undo', 'redo'] as const;

export type Command = (typeof COMMANDS)[number];

export const COMMAND_CHANNEL = 'command';

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}
