// The hand-written patches of issue 9 that `dwtasks validate` rejects and that were sent anyway:
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
  ];
}
