/** What the right pane shows: one matrix cell (case x stage of a norm), one case or one norm. */
export type Selection =
  | { kind: 'cell'; normId: string; caseId: string; stageId: string }
  | { kind: 'case'; caseId: string }
  | { kind: 'norm'; normId: string };
