package org.convene.events.internal;

import java.util.Set;

/**
 * Which events a reader may see besides the public ones: everything (network admins), or the
 * events limited to the staff of these bodies, and the events their own organization organizes
 * (which its staff may edit, drafts included).
 *
 * @param bodyIds              the bodies whose member organizations include the reader's organization
 * @param ownOrganizationId    the reader's organization, null for the public and network admins
 */
public record Readership(boolean everything, Set<Long> bodyIds, Long ownOrganizationId) {

    /** Someone who is not signed in, and every public feed. */
    public static final Readership PUBLIC = new Readership(false, Set.of(), null);

    public Readership {
        bodyIds = bodyIds == null ? Set.of() : Set.copyOf(bodyIds);
    }

    /** Whether this reader may edit the event: network admins any, organization staff their organization's. */
    public boolean mayEdit(Event event) {
        return everything || (ownOrganizationId != null && ownOrganizationId.equals(event.organizationId()));
    }

    /** Drafts only to those who may edit them; events limited to a body's staff only to those staff (and editors). */
    public boolean maySee(Event event) {
        if (mayEdit(event)) {
            return true;
        }
        if (event.status() == EventStatus.DRAFT) {
            return false;
        }
        return event.isPublic() || (event.bodyId() != null && bodyIds.contains(event.bodyId()));
    }
}
