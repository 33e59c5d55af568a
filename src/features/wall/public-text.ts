/**
 * Case text as it may appear on a public screen: phone numbers and ID-like digit runs removed, a person named by
 * an honorific reduced to the honorific ("张先生" → "*先生"), and the whole cut to a length a ticker line holds.
 * The wall shows this instead of the raw title, whatever the source sends.
 */
const digitRun = /\+?\d[\d\s-]{5,}\d/g;
const honorific = /[\u4e00-\u9fff]{1,2}(先生|女士|师傅|阿姨|大爷|大妈|老师)/g;

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
/** The text as user-perceived characters (a CJK character, an emoji with its modifiers). */
export const charactersOf = (text: string): string[] =>
  Array.from(graphemes.segment(text), (part) => part.segment);

export function publicCaseText(text: string, maxCharacters: number): string {
  const masked = text.replace(digitRun, '***').replace(honorific, '*$1').replace(/\s+/g, ' ').trim();
  const characters = charactersOf(masked);
  if (characters.length <= maxCharacters) return masked;
  return `${characters.slice(0, Math.max(1, maxCharacters - 1)).join('')}…`;
}
