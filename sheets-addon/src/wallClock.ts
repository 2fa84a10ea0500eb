/**
 * getValues() returns date cells as instants. Core wants the wall-clock time written in the sheet
 * (UTC-encoded), so each Date is read back in the spreadsheet's own time zone: a sheet set to
 * another zone still gives WIB figures for what agents typed.
 */
const QUARTER_HOUR = 15 * 60_000;

export function wallClockConverter(timeZone: string): (instant: Date) => Date {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  // Zone offsets only change on quarter-hour boundaries: one Intl lookup per quarter hour, not per cell.
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const at = new Date(bucket * QUARTER_HOUR);
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(at)) parts[part.type] = Number(part.value);
      const wall = Date.UTC(
        parts.year ?? 1970,
        (parts.month ?? 1) - 1,
        parts.day ?? 1,
        parts.hour ?? 0,
        parts.minute ?? 0,
        parts.second ?? 0,
      );
      offset = wall - at.getTime();
      offsets.set(bucket, offset);
    }
    return offset;
  };
  return (instant) => {
    const ms = instant.getTime();
    return Number.isNaN(ms) ? instant : new Date(ms + offsetAt(ms));
  };
}
