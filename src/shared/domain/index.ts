/**
 * Pure domain rules shared by server and web: no I/O, no clock ("today" is always an argument),
 * calendar dates as 'yyyy-mm-dd' strings meaning a day in Europe/Oslo.
 */
export {
  addDaysOslo,
  addYearsOslo,
  compareIsoDates,
  daysBetween,
  formatNorwegianDate,
  isIsoDate,
  OSLO_TIME_ZONE,
  osloDate,
} from './dates'
export type { ExistingCall, FollowUpScheduleConfig, PlannedCall, ScheduleChanges } from './followUps'
export {
  consecutiveUnreached,
  DEFAULT_FOLLOW_UP_CONFIG,
  DEFAULT_UNREACHED_LIMIT,
  followUpSchedule,
  isLostToFollowUp,
  reconcileSchedule,
} from './followUps'
export type { ExposureWarning, InfectiousPeriod, InfectiousPeriodInput } from './infectiousPeriod'
export { exposureWarning, infectiousPeriod } from './infectiousPeriod'
export type { IsoWeek } from './isoWeek'
export { isoWeekOf, nextWeek, parseWeekKey, previousWeek, weekRange, weeksInYear } from './isoWeek'
export type { MeasureBasisInput, MeasureKind, MeasurePlan, MeasureStatus } from './measurePlan'
export { measureStatusOn, planMeasure } from './measurePlan'
export type { IsolationResult, IsolationRule, QuarantineResult, QuarantineRule, RuleSet } from './measures'
export { computeIsolation, computeQuarantine, ruleSetFor } from './measures'
export type {
  NationalIdFailure,
  NationalIdResult,
  NationalIdStructure,
  NationalIdType,
} from './nationalId'
export {
  checkNationalId,
  formatNationalId,
  maskNationalId,
  normalizeNationalId,
  validateNationalId,
} from './nationalId'
export { DEFAULT_RULE_SETS, ruleSetProblems } from './ruleSets'
