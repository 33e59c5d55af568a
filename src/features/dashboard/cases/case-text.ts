/**
 * Text helpers of the cases panel. Case titles are written by residents and staff and may carry a phone number;
 * the panel never shows one whole (the middle digits become "*", as on public notices).
 */
export function maskPhoneNumbers(text: string): string {
  return text.replace(/\d{7,}/g, (digits) => {
    const head = digits.length >= 11 ? 3 : 0;
    return `${digits.slice(0, head)}${'*'.repeat(digits.length - head - 4)}${digits.slice(-4)}`;
  });
}

/** A duration as whole days past one day, else whole hours. */
export function durationParts(ms: number): { unit: 'days' | 'hours'; count: number } {
  const hours = Math.max(0, ms) / 3_600_000;
  return hours >= 24
    ? { unit: 'days', count: Math.floor(hours / 24) }
    : { unit: 'hours', count: Math.floor(hours) };
}

/**
 * What a list or the detail shows as a case's title: its own (phone numbers masked), or, for a case that came as
 * columns (no titles in the columnar format) whose title has not been fetched by id yet, its category's label.
 */
export const caseTitle = (title: string | null, categoryLabel: string): string =>
  title === null ? categoryLabel : maskPhoneNumbers(title);
