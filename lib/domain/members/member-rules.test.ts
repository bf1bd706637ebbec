import { describe, expect, it } from 'vitest';
import {
  refuseInvite,
  refuseRemoval,
  refuseRoleChange,
  refuseSettingsChange,
} from './member-rules';

describe('member rules', () => {
  it('lets admins and owners change the organization, nobody else', () => {
    expect(refuseSettingsChange('OWNER')).toBeNull();
    expect(refuseSettingsChange('ADMIN')).toBeNull();
    expect(refuseSettingsChange('RECRUITER')).toMatch(/admin or owner/);
    expect(refuseSettingsChange('VIEWER')).toMatch(/you are VIEWER/);
  });

  it('invites up to the inviter’s own role', () => {
    expect(refuseInvite({ actor: 'ADMIN', role: 'ADMIN' })).toBeNull();
    expect(refuseInvite({ actor: 'ADMIN', role: 'VIEWER' })).toBeNull();
    expect(refuseInvite({ actor: 'ADMIN', role: 'OWNER' })).toMatch(/Only an owner/);
    expect(refuseInvite({ actor: 'OWNER', role: 'OWNER' })).toBeNull();
    expect(refuseInvite({ actor: 'RECRUITER', role: 'VIEWER' })).toMatch(/admin or owner/);
  });

  it('lets admins set admin, recruiter and viewer among non-owners', () => {
    for (const to of ['ADMIN', 'RECRUITER', 'VIEWER'] as const) {
      expect(refuseRoleChange({ actor: 'ADMIN', from: 'RECRUITER', to, owners: 1 })).toBeNull();
      expect(refuseRoleChange({ actor: 'ADMIN', from: 'ADMIN', to, owners: 1 })).toBeNull();
    }
  });

  it('keeps ownership to owners', () => {
    expect(refuseRoleChange({ actor: 'ADMIN', from: 'RECRUITER', to: 'OWNER', owners: 1 })).toMatch(
      /Only an owner/,
    );
    expect(refuseRoleChange({ actor: 'ADMIN', from: 'OWNER', to: 'ADMIN', owners: 2 })).toMatch(
      /Only an owner/,
    );
    expect(refuseRoleChange({ actor: 'OWNER', from: 'ADMIN', to: 'OWNER', owners: 1 })).toBeNull();
    expect(refuseRoleChange({ actor: 'OWNER', from: 'OWNER', to: 'ADMIN', owners: 2 })).toBeNull();
  });

  it('never demotes or removes the last owner', () => {
    expect(refuseRoleChange({ actor: 'OWNER', from: 'OWNER', to: 'ADMIN', owners: 1 })).toMatch(
      /keeps one owner/,
    );
    expect(refuseRemoval({ actor: 'OWNER', role: 'OWNER', owners: 1 })).toMatch(/keeps one owner/);
    expect(refuseRemoval({ actor: 'OWNER', role: 'OWNER', owners: 2 })).toBeNull();
  });

  it('refuses recruiters and viewers any change, and admins removing owners', () => {
    for (const actor of ['RECRUITER', 'VIEWER'] as const) {
      expect(refuseRoleChange({ actor, from: 'VIEWER', to: 'VIEWER', owners: 1 })).not.toBeNull();
      expect(refuseRemoval({ actor, role: 'VIEWER', owners: 1 })).not.toBeNull();
    }
    expect(refuseRemoval({ actor: 'ADMIN', role: 'OWNER', owners: 2 })).toMatch(/Only an owner/);
    expect(refuseRemoval({ actor: 'ADMIN', role: 'RECRUITER', owners: 1 })).toBeNull();
  });
});
