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

/**
 * A phone number as a public notice prints it: the last four digits kept (a caller can confirm it is the number
 * he knows), the rest hidden; a mobile number keeps its first three (the carrier), as on Chinese notices.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  const head = digits.length === 11 && digits.startsWith('1') ? 3 : 0;
  return `${digits.slice(0, head)}${'*'.repeat(digits.length - head - 4)}${digits.slice(-4)}`;
}

/** What a public view may show of a person who works for the grid: the masked name, no phone at all. */
export function publicPerson<T extends { name: string; phone: string }>(
  person: T,
): Omit<T, 'phone'> & { phone: null } {
  return { ...person, name: maskPersonName(person.name), phone: null };
}
