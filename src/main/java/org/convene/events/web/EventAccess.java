package org.convene.events.web;

import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffAccess;
import org.convene.events.internal.Events;
import org.springframework.stereotype.Component;

/**
 * Who may organize events, for {@code @PreAuthorize}: network admins for any organizer (including
 * the network itself), admins and editors of a member organization only for that organization.
 */
@Component("eventAccess")
class EventAccess {

    private final StaffAccess staffAccess;
    private final Events events;

    EventAccess(StaffAccess staffAccess, Events events) {
        this.staffAccess = staffAccess;
        this.events = events;
    }

    public boolean isStaff() {
        return CurrentStaff.get().isPresent();
    }

    /** Staff of a member organization (who may see their organization's referrals). */
    public boolean isOrganizationStaff() {
        return CurrentStaff.get().map(s -> s.organizationId() != null).orElse(false);
    }

    /** May organize events for this organization; null means the network itself. */
    public boolean canOrganize(Long organizationId) {
        return organizationId == null ? staffAccess.isNetworkAdmin() : staffAccess.canEditOrganization(organizationId);
    }

    public boolean canEdit(long eventId) {
        return events.find(eventId).map(e -> canOrganize(e.organizationId())).orElse(staffAccess.isNetworkAdmin());
    }
}
