package org.convene.campaigns.gallery;

import org.convene.accounts.CurrentStaff;
import org.springframework.stereotype.Component;

/**
 * Who may moderate footage, for {@code @PreAuthorize}: any staff member opens the queue (and sees
 * only what they may moderate); a piece of footage is moderated by network admins, or by staff of the
 * organization that organizes the action it was sent for.
 */
@Component("galleryAccess")
class GalleryAccess {

    private final FootageModeration moderation;

    GalleryAccess(FootageModeration moderation) {
        this.moderation = moderation;
    }

    public boolean isStaff() {
        return CurrentStaff.get().isPresent();
    }

    /** Unknown footage is left to the handler (a 404) for network admins only, so others learn nothing. */
    public boolean canModerate(long footageId) {
        return CurrentStaff.get().map(staff -> moderation.find(footageId)
                .map(footage -> FootageModeration.mayModerate(staff, footage))
                .orElse(staff.isNetworkAdmin())).orElse(false);
    }
}
