/** How the node's pages say money, times and the use cases' messages to people. */

/** Pence as pounds: 2380 → "£23.80". */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  return `${sign}£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** An instant in the co-op's own time: "4 Dec 2026, 17:30". */
export function when(iso: string | null): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  }).format(new Date(iso));
}

/** A use case's message (lower case, no full stop) as a sentence. */
export function sentence(message: string): string {
  const text = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
