// Tasks with the same fire times on the same group, counted once with their number: what the
// picture keeps per group of alike tasks, and what the peaks are found in.
export interface FireRun {
  /** Epoch milliseconds. */
  times: readonly number[];
  group: string;
  tasks: number;
}
