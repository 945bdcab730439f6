// A resource group's capacity as the service states it. ListResourceGroups models `Spec` as
// `{Standard: string, Amount: number}`; a Serverless group's Standard reads like "4CU". Reading
// Standard x Amount as the group's CUs is our assumption (shown as "its spec" next to the number);
// any other Standard ("Standard" for an exclusive group) states no CUs, so the user gives them.
export function specCapacity(spec: unknown): number | undefined {
  if (typeof spec !== 'object' || spec === null) return undefined;
  const { Standard, Amount } = spec as { Standard?: unknown; Amount?: unknown };
  const m = typeof Standard === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*CU\s*$/i.exec(Standard) : null;
  if (!m) return undefined;
  const amount = Amount === undefined ? 1 : Amount;
  if (typeof amount !== 'number' || !(amount > 0)) return undefined;
  return Number(m[1]) * amount;
}

export const SPEC_ASSUMPTION = 'a group\'s capacity from its spec = Spec.Standard ("4CU") x Spec.Amount (ListResourceGroups)';
