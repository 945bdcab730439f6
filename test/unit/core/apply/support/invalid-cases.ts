// The hand-written patches of issues 9 and 17 that `dwtasks validate` rejects and that were sent anyway:
// every send path must refuse each of them and send nothing. Shared by the gate, pipeline and CLI tests.
export interface InvalidCase {
  name: string;
  text: string;
  /** Codes validate reports (each must be among the errors). */
  codes: string[];
}

export function invalidCases(id: string): InvalidCase[] {
  const task = (fields: string) => `{\n  "Comment": "hand-written invalid case",\n  "Tasks": [\n    { "Id": ${id}, ${fields} }\n  ]\n}\n`;
  return [
    { name: 'EnvType Production, Timeout as a string, unknown Colour', text: task('"EnvType": "Production", "Timeout": "7200", "Colour": "red", "Description": "x"'), codes: ['dwtasks/schema-enum', 'dwtasks/schema-type', 'dwtasks/schema-additional-property'] },
    { name: 'EnvType Production', text: task('"EnvType": "Production", "Description": "x"'), codes: ['dwtasks/schema-enum'] },
    { name: 'Timeout "7200"', text: task('"Timeout": "7200"'), codes: ['dwtasks/schema-type'] },
    { name: 'unknown property Colour', text: task('"Colour": "red", "Description": "x"'), codes: ['dwtasks/schema-additional-property'] },
    { name: 'bad RerunMode', text: task('"RerunMode": "Sometimes"'), codes: ['dwtasks/schema-enum'] },
    { name: 'bad Trigger.Type', text: task('"Trigger": { "Type": "Cron" }'), codes: ['dwtasks/schema-enum'] },
    { name: 'bad Trigger.Recurrence', text: task('"Trigger": { "Recurrence": "Always" }'), codes: ['dwtasks/schema-enum'] },
    { name: 'StartTime in ISO form', text: task('"Trigger": { "StartTime": "2024-01-01T00:00:00Z" }'), codes: ['dwtasks/schema-pattern'] },
    { name: 'tag without Key', text: task('"Tags": [{ "Value": "x" }]'), codes: ['dwtasks/schema-required'] },
    { name: '{"Tasks":[123]}', text: '{"Tasks":[123]}', codes: ['dwtasks/schema-type'] },
    { name: 'BOM and Timeout "7200"', text: `\ufeff${task('"Timeout": "7200"')}`, codes: ['dwtasks/schema-type'] },
    { name: 'Timeout beyond int64', text: task('"Timeout": 9223372036854775808'), codes: ['dwtasks/int-out-of-range'] },
    { name: 'Timeout 1e400', text: task('"Timeout": 1e400'), codes: ['dwtasks/int-not-plain'] },
    { name: 'RerunTimes 1e1 (an exponent)', text: task('"RerunTimes": 1e1'), codes: ['dwtasks/int-not-plain'] },
    { name: 'RerunInterval 1.5 (a fraction)', text: task('"RerunInterval": 1.5'), codes: ['dwtasks/int-not-plain'] },
    { name: 'Id written twice', text: `{"Tasks": [{"Id": ${id}, "Id": 1, "Description": "x"}]}`, codes: ['dwtasks/duplicate-key'] },
    { name: 'Tasks written twice', text: `{"Tasks": [{"Id": ${id}, "Description": "x"}], "Tasks": [{"Id": 1, "Description": "y"}]}`, codes: ['dwtasks/duplicate-key'] },
    { name: 'Timeout written twice', text: task('"Timeout": 7200, "Timeout": 9000'), codes: ['dwtasks/duplicate-key'] },
    { name: 'Cron written twice', text: task('"Trigger": { "Cron": "00 00 02 * * ?", "Cron": "00 00 03 * * ?" }'), codes: ['dwtasks/duplicate-key'] },
    { name: 'a tag key written twice', text: task('"Tags": [{ "Key": "a", "Key": "b" }]'), codes: ['dwtasks/duplicate-key'] },
    { name: 'U+FFFD where bytes were not UTF-8 (as VS Code decodes a Latin-1 file)', text: task('"Name": "caf\ufffd"'), codes: ['dwtasks/replacement-char'] },
  ];
}
