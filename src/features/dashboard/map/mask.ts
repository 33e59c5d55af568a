/**
 * Personal data on screens the public can see (wall displays, or a deployment that asks for it): a worker's
 * name keeps its first character (the surname), the rest becomes "*", as Chinese public notices do.
 */
export function maskPersonName(name: string): string {
  const characters = Array.from(new Intl.Segmenter('zh-CN').segment(name.trim()), (part) => part.segment);
  const [surname, ...given] = characters;
  if (surname === undefined) return '';
  if (given.length === 0) return '*';
  return `${surname}${'*'.repeat(given.length)}`;
}
