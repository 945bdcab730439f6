// Shared value types of the core. Positions are 0-based (line, UTF-16 character), as in LSP/VS Code,
// so the extension maps them 1:1 and `dwtasks validate --json` prints them unchanged.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix the editor offers as a quick fix and the CLI can print. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** One problem found in a patch file. `code` is stable: tests, docs and users refer to it. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The task's Id digits, when the finding belongs to one task. */
  taskId?: string;
  /** Dotted field path inside the task, e.g. `Trigger.Cron`. */
  field?: string;
  fixes?: Fix[];
}
