/** What the right pane shows: one matrix cell (case x stage of a norm), one case or one norm. */
export type Selection =
  | { kind: 'cell'; normId: string; caseId: string; stageId: string }
  | { kind: 'case'; caseId: string }
  | { kind: 'norm'; normId: string };

/**
 * Where the cell editor takes the focus when a cell is opened for editing: Enter starts at Status, the first field
 * of the assessment (the form is then read and tabbed in its order); F2 and a double click go to the Summary, as
 * they go to a cell's text in a spreadsheet.
 */
export type EditField = 'status' | 'summary';
