package org.convene.campaigns.actions;

import java.util.List;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.ImageSources;
import org.springframework.stereotype.Component;

/**
 * Who may register and change local actions, for {@code @PreAuthorize}: network admins for any
 * organization (and for none), admins and editors of a member organization for their own.
 */
@Component("actionAccess")
class ActionAccess {

    private final LocalActions actions;

    ActionAccess(LocalActions actions) {
        this.actions = actions;
    }

    public boolean isStaff() {
        return CurrentStaff.get().isPresent();
    }

    public boolean canOrganize(Long organizationId) {
        return CurrentStaff.get().map(s -> LocalActions.mayOrganize(s, organizationId)).orElse(false);
    }

    /** May change this action (an unknown one only network admins, who then get a 404). */
    public boolean canEdit(long actionId) {
        return CurrentStaff.get().map(s -> actions.find(actionId).map(a -> LocalActions.mayOrganize(s, a.organizationId()))
                .orElse(s.isNetworkAdmin())).orElse(false);
    }

    /** The tile server's origin for the pages' img-src. */
    @Component
    static class TileImages implements ImageSources {
        private final CampaignMapProperties map;

        TileImages(CampaignMapProperties map) {
            this.map = map;
        }

        @Override
        public List<String> imageOrigins() {
            String origin = map.tileOrigin();
            return origin == null ? List.of() : List.of(origin);
        }
    }
}
