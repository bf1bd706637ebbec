/** Variables a meeting title or message may use, e.g. `Interview with {{candidateName}}`. */
export const templateVariables = [
  'candidateName',
  'firstName',
  'lastName',
  'position',
  'company',
] as const;
export type TemplateVariable = (typeof templateVariables)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | null | undefined>>;

const variablePattern = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Names used in `text` that are not template variables (so input can be refused early). */
export function unknownTemplateVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(variablePattern)) {
    const name = match[1] ?? '';
    if (!(templateVariables as readonly string[]).includes(name)) unknown.add(name);
  }
  return [...unknown];
}

/**
 * Fills `{{variable}}` placeholders. A variable without a value becomes empty and the spaces it
 * leaves are folded, so `Interview – {{position}}` without a position reads `Interview –`.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  const filled = text.replace(variablePattern, (whole, name: string) => {
    if (!(templateVariables as readonly string[]).includes(name)) return whole;
    return values[name as TemplateVariable]?.trim() ?? '';
  });
  return filled === text ? text : filled.replace(/\s{2,}/g, ' ').trim();
}
