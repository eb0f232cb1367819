package org.convene.publishing.editing;

import java.util.List;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.Publications;
import org.springframework.stereotype.Component;

/**
 * Who may write, for {@code @PreAuthorize}: network admins write statements and news posts; admins
 * and editors of a member organization write news posts whose author is their own organization.
 */
@Component("publicationAccess")
class PublicationAccess {

    private final Publications publications;

    PublicationAccess(Publications publications) {
        this.publications = publications;
    }

    public boolean isStaff() {
        return CurrentStaff.get().isPresent();
    }

    public boolean isNetworkAdmin() {
        return CurrentStaff.get().map(StaffMember::isNetworkAdmin).orElse(false);
    }

    public boolean canWrite(PublicationKind kind, List<Long> organizationIds) {
        StaffMember staff = CurrentStaff.get().orElse(null);
        if (staff == null) {
            return false;
        }
        if (staff.isNetworkAdmin()) {
            return true;
        }
        return kind == PublicationKind.NEWS && staff.organizationId() != null && organizationIds != null
                && organizationIds.size() == 1 && staff.organizationId().equals(organizationIds.getFirst());
    }

    public boolean canEdit(long id) {
        return publications.find(id).map(p -> canWrite(p.kind(), p.organizationIds())).orElse(isNetworkAdmin());
    }

    /** May change this publication and keep (or name) these organizations as its authors. */
    public boolean canEdit(long id, List<Long> organizationIds) {
        return canEdit(id) && publications.find(id).map(p -> canWrite(p.kind(), organizationIds)).orElse(true);
    }

    static boolean mayWrite(StaffMember staff, Publication p) {
        return staff.isNetworkAdmin() || (p.kind() == PublicationKind.NEWS && staff.organizationId() != null
                && p.organizationIds().equals(List.of(staff.organizationId())));
    }
}
