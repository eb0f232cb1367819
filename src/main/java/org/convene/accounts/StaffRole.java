package org.convene.accounts;

/** What a staff account may do. Organization roles are scoped to one member organization. */
public enum StaffRole {
    /** Runs the whole network: its directory, staff and settings. */
    NETWORK_ADMIN,
    /** Runs one member organization: its profile and its staff. */
    ORG_ADMIN,
    /** Edits one member organization's content. */
    ORG_EDITOR;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isOrganizationRole() {
        return this != NETWORK_ADMIN;
    }
}
