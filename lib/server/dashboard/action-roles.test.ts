import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hasRole, memberRoles, type MemberRole } from '@/lib/contracts/members';

/**
 * Every server action of the dashboard is checked for the member's role on the server (DESIGN §9):
 * each one exported from an `actions.ts` under app/ must be built with `dashboardAction`, which
 * checks the role before it reads the form, with at least the role its section needs. A new
 * action that skips the wrapper, or asks too little, fails here. (The browser tests also replay
 * a forged call as a VIEWER.)
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const DASHBOARD = path.join(ROOT, 'app/(site)/dashboard');

/** The least role each section's changes need (DESIGN §9). */
const SECTION_ROLES: Record<string, MemberRole> = {
  meetings: 'RECRUITER',
  conversations: 'RECRUITER',
  campaigns: 'RECRUITER',
  templates: 'RECRUITER',
  developers: 'ADMIN',
  settings: 'ADMIN',
  outbox: 'ADMIN',
  interviewers: 'RECRUITER',
};

/** Actions that are not changes to the organization's records, and check membership themselves. */
const SELF_CHECKED = new Map([
  ['actions.ts#switchOrganization', 'chooses among the organizations the member belongs to'],
]);

type Found = { file: string; name: string; role: string | null; viaWrapper: boolean };

function actionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return entry.name === 'actions.ts' ? [full] : [];
  });
}

function exportedActions(file: string): Found[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const rel = path.relative(DASHBOARD, file);
  const found: Found[] = [];
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      found.push({ file: rel, name: statement.name.text, role: null, viaWrapper: false });
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const name = declaration.name.getText(source);
        const init = declaration.initializer;
        const isWrapper =
          !!init &&
          ts.isCallExpression(init) &&
          init.expression.getText(source) === 'dashboardAction';
        let role: string | null = null;
        if (isWrapper) {
          const spec = init.arguments[0];
          if (spec && ts.isObjectLiteralExpression(spec)) {
            for (const property of spec.properties) {
              if (
                ts.isPropertyAssignment(property) &&
                property.name.getText(source) === 'role' &&
                ts.isStringLiteral(property.initializer)
              ) {
                role = property.initializer.text;
              }
            }
          }
        }
        found.push({ file: rel, name, role, viaWrapper: isWrapper });
      }
    }
  }
  return found;
}

describe('dashboard server actions', () => {
  const actions = actionFiles(DASHBOARD).flatMap(exportedActions);

  it('are found at all (the scan reads the real files)', () => {
    expect(actions.map((a) => `${a.file}#${a.name}`)).toEqual(
      expect.arrayContaining([
        'actions.ts#switchOrganization',
        'meetings/actions.ts#cancelMeetingAction',
        'conversations/actions.ts#closeConversationAction',
        'campaigns/actions.ts#createCampaignAction',
        'templates/actions.ts#createTemplateAction',
        'developers/actions.ts#revokeApiKeyAction',
        'developers/actions.ts#replayDeliveryAction',
        'settings/actions.ts#changeMemberRoleAction',
      ]),
    );
  });

  it('each go through dashboardAction with at least the role of their section', () => {
    const problems: string[] = [];
    for (const action of actions) {
      const id = `${action.file}#${action.name}`;
      if (SELF_CHECKED.has(id)) continue;
      if (!action.viaWrapper) {
        problems.push(`${id} is not built with dashboardAction`);
        continue;
      }
      if (!action.role || !(memberRoles as readonly string[]).includes(action.role)) {
        problems.push(`${id} declares no literal role`);
        continue;
      }
      const section = action.file.split(path.sep)[0]!;
      const needed = SECTION_ROLES[section];
      if (!needed) {
        problems.push(`${id}: section "${section}" has no role rule here; add it to SECTION_ROLES`);
        continue;
      }
      if (!hasRole(action.role as MemberRole, needed)) {
        problems.push(`${id} asks for ${action.role}, the ${section} section needs ${needed}`);
      }
      if (action.role === 'VIEWER') problems.push(`${id} lets a VIEWER change something`);
    }
    expect(problems).toEqual([]);
  });
});
