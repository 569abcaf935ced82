/** What the right pane shows: one cell of the matrix (case x stage of the current norm) or one case. */
export type Selection = { kind: 'cell'; caseId: string; stageId: string } | { kind: 'case'; caseId: string };
