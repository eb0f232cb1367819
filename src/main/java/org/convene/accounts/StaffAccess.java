package org.convene.accounts;

import org.springframework.stereotype.Component;

/**
 * Checks for {@code @PreAuthorize} expressions, e.g.
 * {@code @PreAuthorize("@staffAccess.canEditOrganization(#id)")}.
 */
@Component("staffAccess")
public class StaffAccess {

    public boolean isNetworkAdmin() {
        return CurrentStaff.get().map(StaffMember::isNetworkAdmin).orElse(false);
    }

    public boolean canEditOrganization(long organizationId) {
        return CurrentStaff.get().map(s -> s.canEditOrganization(organizationId)).orElse(false);
    }

    public boolean canAdministerOrganization(long organizationId) {
        return CurrentStaff.get().map(s -> s.canAdministerOrganization(organizationId)).orElse(false);
    }
}
