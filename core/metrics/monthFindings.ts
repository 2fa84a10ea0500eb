import type { Report } from './model';

/** Findings of the reported month, plus those not tied to a month (a missing tab or column). */
export const findingsForMonth = (report: Report) =>
  report.findings.filter((f) => f.month === null || f.month === report.month);
