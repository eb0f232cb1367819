package org.convene.newsletter.editions;

import java.util.List;

/**
 * The partner-media items a round-up block may pick: the newsroom (partner outlets' feeds)
 * provides them. {@link NewsroomRoundupSource} takes them from the newsroom.
 */
public interface PartnerRoundupSource {

    /** An article from a partner outlet; url is absolute. */
    record PartnerItem(long id, String title, String outlet, String url, String language) {
    }

    /** The items with these ids that exist, in the order asked. */
    List<PartnerItem> items(List<Long> ids);

    /** Recent items staff may pick from, newest first. */
    List<PartnerItem> recent(int limit);
}
