/** How pages say things to people: the use cases' messages, money, times and the API's vocabulary in words. */

/** A use case's message (lower case, no full stop) as a sentence: "round not found" → "Round not found." */
export function sentence(message: string): string {
  const text = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A vocabulary word of the API for people: `zero-hours` reads `Zero hours`. */
export function wordsOf(key: string): string {
  const words = key.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
