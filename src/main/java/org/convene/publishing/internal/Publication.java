package org.convene.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement or news post as stored (its texts are {@link Translation}s).
 *
 * @param publishAt       a scheduled publication: not public before this time (null: at once when published)
 * @param organizationIds the issuing organizations of a statement, or the author organization of a news post
 */
public record Publication(long id, PublicationKind kind, String slug, String originalLanguage, PublicationStatus status,
                          Instant publishAt, Instant publishedAt, LocalDate dated, String coverImage, List<String> tags,
                          Long campaignId, Long eventId, List<Long> organizationIds, String category, Long regionId,
                          String country) {

    public Publication {
        tags = tags == null ? List.of() : List.copyOf(tags);
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
    }

    /** Whether the public may read it now. */
    public boolean isPublic(Instant now) {
        return status == PublicationStatus.PUBLISHED && (publishAt == null || !publishAt.isAfter(now));
    }
}
