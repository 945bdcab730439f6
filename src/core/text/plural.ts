// English counts: "1 task", "2 tasks". Chinese needs no plural (个任务 reads for any count).

/** `n` and the word in the number it needs: plural(1, 'task') is "1 task", plural(3, 'entry', 'entries') "3 entries". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
