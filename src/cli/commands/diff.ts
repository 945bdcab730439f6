// `dwtasks diff FILE`: kept as an alias of `dwtasks plan` (plan.ts), exit 1 when anything would change.
export { diffCommand } from './plan';
