package org.convene.campaigns.footage;

import java.time.Instant;

/** A submission as its submitter sees it on their personal page. */
public record SubmittedFootage(long id, long campaignId, Long actionId, String kind, String status, String storedName, String thumbnailName,
                        String contentType, long byteSize, String caption, String place, String credit, Instant submittedAt) {

    public boolean withdrawn() {
        return "WITHDRAWN".equals(status);
    }

    public boolean photo() {
        return "PHOTO".equals(kind);
    }
}
