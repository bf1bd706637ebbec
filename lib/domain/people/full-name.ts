/** A person's name as Parley writes it: first name, then last name when there is one. */
export function fullName(person: { firstName: string; lastName?: string | null }): string {
  return [person.firstName, person.lastName].filter(Boolean).join(' ');
}
