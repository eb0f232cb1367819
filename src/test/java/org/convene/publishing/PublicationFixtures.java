package org.convene.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationDraft;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.PublicationStatus;
import org.convene.publishing.internal.Publications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates statements and news posts for tests, each with a unique title. Tests create publications
 * only through this class, so that a change to the publication's fields is made in one place.
 */
@Component
public class PublicationFixtures {

    private final Publications publications;
    private final JdbcClient jdbc;

    PublicationFixtures(Publications publications, JdbcClient jdbc) {
        this.publications = publications;
        this.jdbc = jdbc;
    }

    public static PublicationDraft draft(PublicationKind kind, PublicationStatus status) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = kind == PublicationKind.STATEMENT ? "Joint statement on public water " + tag : "Regional assembly report " + tag;
        return new PublicationDraft(kind, "en", title, "Member organizations agree on a shared position.",
                "## Our position\n\nPublic water must stay **public**. We call on every member to [read the dossier](https://example.org/dossier).",
                LocalDate.of(2026, 11, 20), status, null, List.of("water"), List.of());
    }

    public Publication publishedStatement() {
        return publications.create(draft(PublicationKind.STATEMENT, PublicationStatus.PUBLISHED));
    }

    public Publication publishedNews() {
        return publications.create(draft(PublicationKind.NEWS, PublicationStatus.PUBLISHED));
    }

    public Publication draftStatement() {
        return publications.create(draft(PublicationKind.STATEMENT, PublicationStatus.DRAFT));
    }

    public Publication create(PublicationDraft draft) {
        return publications.create(draft);
    }

    /** A published translation added straight into the table (the editing service may check more). */
    public void addPublishedTranslation(long publicationId, String language, String title, String body) {
        jdbc.sql("""
                        INSERT INTO publication_translation (publication_id, language, title, body, status, published_at)
                        VALUES (:id, :language, :title, :body, 'PUBLISHED', now())""")
                .param("id", publicationId).param("language", language).param("title", title).param("body", body).update();
    }

    public static Instant inAnHour() {
        return Instant.now().plusSeconds(3600);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
