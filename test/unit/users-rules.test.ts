import { describe, expect, it } from 'vitest';
import { activeChangeRefusal, isUserRole, roleChangeRefusal, userStatus } from '../../src/store/users/model';

const admin = { id: 2, role: 'admin' as const, isActive: true };
const staff = { id: 3, role: 'staff' as const, isActive: true };

describe('who may change whose role or status', () => {
  it('never lets an admin demote or deactivate themselves', () => {
    expect(roleChangeRefusal({ actorId: 2, target: admin, activeAdmins: 5 }, 'staff')).toBe('self');
    expect(roleChangeRefusal({ actorId: 2, target: admin, activeAdmins: 5 }, 'customer')).toBe('self');
    expect(activeChangeRefusal({ actorId: 2, target: admin, activeAdmins: 5 }, false)).toBe('self');
    // Keeping one's own role or status is no change, so nothing to refuse.
    expect(roleChangeRefusal({ actorId: 2, target: admin, activeAdmins: 1 }, 'admin')).toBeUndefined();
    expect(activeChangeRefusal({ actorId: 2, target: admin, activeAdmins: 1 }, true)).toBeUndefined();
  });

  it('never lets the last active admin lose the role or be switched off', () => {
    expect(roleChangeRefusal({ actorId: 9, target: admin, activeAdmins: 1 }, 'staff')).toBe('lastAdmin');
    expect(activeChangeRefusal({ actorId: 9, target: admin, activeAdmins: 1 }, false)).toBe('lastAdmin');
    expect(activeChangeRefusal({ actorId: 9, target: admin, activeAdmins: 0 }, false)).toBe('lastAdmin');
    expect(roleChangeRefusal({ actorId: 9, target: admin, activeAdmins: 2 }, 'staff')).toBeUndefined();
    expect(activeChangeRefusal({ actorId: 9, target: admin, activeAdmins: 2 }, false)).toBeUndefined();
  });

  it('lets other changes through: promotions, staff and customers, inactive admins, reactivation', () => {
    expect(roleChangeRefusal({ actorId: 2, target: staff, activeAdmins: 1 }, 'admin')).toBeUndefined();
    expect(roleChangeRefusal({ actorId: 2, target: staff, activeAdmins: 1 }, 'customer')).toBeUndefined();
    expect(activeChangeRefusal({ actorId: 2, target: staff, activeAdmins: 1 }, false)).toBeUndefined();
    const inactiveAdmin = { ...admin, id: 7, isActive: false };
    expect(roleChangeRefusal({ actorId: 2, target: inactiveAdmin, activeAdmins: 1 }, 'staff')).toBeUndefined();
    expect(activeChangeRefusal({ actorId: 2, target: inactiveAdmin, activeAdmins: 1 }, true)).toBeUndefined();
  });

  it('knows the roles and tells the status of an account', () => {
    expect(['customer', 'staff', 'admin'].every(isUserRole)).toBe(true);
    expect(isUserRole('owner')).toBe(false);
    expect(isUserRole(undefined)).toBe(false);
    expect(userStatus({ isActive: true, invitedAt: null })).toBe('active');
    expect(userStatus({ isActive: true, invitedAt: new Date() })).toBe('invited');
    expect(userStatus({ isActive: false, invitedAt: new Date() })).toBe('deactivated');
  });
});
