package org.convene.publishing.resources;

import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffAccess;
import org.springframework.stereotype.Component;

/**
 * Who may manage resources, for {@code @PreAuthorize}: network admins all of them (including the
 * network's own), admins and editors of a member organization only their organization's.
 */
@Component("resourceAccess")
class ResourceAccess {

    private final StaffAccess staffAccess;
    private final Resources resources;

    ResourceAccess(StaffAccess staffAccess, Resources resources) {
        this.staffAccess = staffAccess;
        this.resources = resources;
    }

    public boolean isStaff() {
        return CurrentStaff.get().isPresent();
    }

    /** May publish resources owned by this organization; null means the network itself. */
    public boolean canManage(Long organizationId) {
        return organizationId == null ? staffAccess.isNetworkAdmin() : staffAccess.canEditOrganization(organizationId);
    }

    public boolean canEdit(long resourceId) {
        return resources.find(resourceId).map(r -> canManage(r.organizationId())).orElse(staffAccess.isNetworkAdmin());
    }

    /** As {@link #canEdit(long)}, without failing for visitors (public pages preview drafts for their staff). */
    boolean mayPreview(Resource resource) {
        return isStaff() && canManage(resource.organizationId());
    }
}
