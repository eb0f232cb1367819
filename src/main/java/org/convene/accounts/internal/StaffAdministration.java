package org.convene.accounts.internal;

import org.convene.accounts.AuditLog;
import org.convene.accounts.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes admins make to other staff accounts. */
@Service
public class StaffAdministration {

    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final AuditLog audit;

    StaffAdministration(StaffAccounts accounts, StaffSessions sessions, AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Whether {@code me} may manage that account: network admins any other, organization admins their organization's. */
    public boolean mayManage(StaffMember me, StaffMember target) {
        if (me.id() == target.id()) {
            return false;
        }
        if (me.isNetworkAdmin()) {
            return true;
        }
        return target.organizationId() != null && me.canAdministerOrganization(target.organizationId());
    }

    /** Deactivates the account and ends its sessions; false when there is no such account {@code me} may manage. */
    @Transactional
    public boolean deactivate(StaffMember me, long accountId) {
        var target = accounts.byId(accountId).filter(a -> a.active() && mayManage(me, a.member()));
        if (target.isEmpty()) {
            return false;
        }
        accounts.deactivate(accountId);
        sessions.endSessions(target.get().member().email(), null);
        audit.record("staff.deactivated", "staff_account", accountId, target.get().member().role().name());
        return true;
    }
}
