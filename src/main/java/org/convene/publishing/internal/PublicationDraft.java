package org.convene.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A new publication with its original-language text; checked by {@link Publications}. */
public record PublicationDraft(PublicationKind kind, String language, String title, String summary, String body,
                               LocalDate dated, PublicationStatus status, Instant publishAt, List<String> tags,
                               List<Long> organizationIds) {
}
