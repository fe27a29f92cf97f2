/**
 * The hostile-use harness: model-based sequences of what real users, payloads and colleagues do.
 */
export {
  checkHostile,
  hostileFigures,
  hostileInput,
  minimize,
  replayHostile,
  type CheckOptions,
  type HostileFigures,
  type HostileInput,
} from './run';
export { describeStep, type Step } from './steps';
export { HostileFailure, World, type Violation, type ViolationKind } from './world';
