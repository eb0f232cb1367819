package org.convene.accounts;

/**
 * A signed-in member of staff, as other modules see them.
 *
 * @param organizationId the member organization an organization role is scoped to; null for network admins
 */
public record StaffMember(long id, String email, String displayName, StaffRole role, Long organizationId)
        implements java.io.Serializable {

    public boolean isNetworkAdmin() {
        return role == StaffRole.NETWORK_ADMIN;
    }

    /** Editors and admins of the organization, and network admins, may change its content. */
    public boolean canEditOrganization(long organization) {
        return isNetworkAdmin() || (organizationId != null && organizationId == organization);
    }

    /** Only the organization's admins, and network admins, may change its staff and settings. */
    public boolean canAdministerOrganization(long organization) {
        return isNetworkAdmin() || (role == StaffRole.ORG_ADMIN && organizationId != null && organizationId == organization);
    }
}
