package org.convene.publishing.internal;

import java.time.Instant;

/** One language of a publication: its own text, workflow status and translator. */
public record Translation(long publicationId, String language, String title, String summary, String body,
                          PublicationStatus status, String translator, Instant publishedAt, Instant updatedAt) {

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }
}
