// A realistic big patch: n tasks with most fields in use, ~300 bytes each, plus a mistake in
// every 100th task so the rules have something to report. Deterministic for a given n.
const CRONS = ['00 00 02 * * ?', '00 30 01 * * ?', '00 */30 * * * ?', '00 15 03 ? * 2', '00 00 00 L * ?', '00 00 08 ? * 2-6'];

export function generatePatch(n: number): string {
  const tasks: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = (8604388726201130001n + BigInt(i)).toString();
    const broken = i % 100 === 99;
    tasks.push(`    {
      "Id": ${id}, "EnvType": "${i % 2 ? 'Prod' : 'Dev'}", "Name": "ods_sync_${i}", "Owner": "2079473977066${String(i % 100000).padStart(5, '0')}",
      "Timeout": ${broken ? 600 : 7200}, "RerunMode": "FailureAllowed", "RerunTimes": 3, "RerunInterval": 60,
      "Trigger": { "Type": "Scheduler", "Cron": "${broken ? '0 0 2 * * 8' : CRONS[i % CRONS.length]}", "StartTime": "2026-12-01 00:00:00" },
      "Tags": [{ "Key": "team", "Value": "dp" }]
    }`);
  }
  return `{\n  // generated: ${n} tasks\n  "Comment": "bulk rerun policy",\n  "Tasks": [\n${tasks.join(',\n')}\n  ]\n}\n`;
}
