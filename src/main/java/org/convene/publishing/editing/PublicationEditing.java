package org.convene.publishing.editing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convene.accounts.AuditLog;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.convene.platform.web.NotFoundException;
import org.convene.publishing.internal.NewsCategory;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationChanged;
import org.convene.publishing.internal.PublicationDraft;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.PublicationStatus;
import org.convene.publishing.internal.Publications;
import org.convene.publishing.internal.Signatory;
import org.convene.publishing.internal.Translation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes statements and news posts: their details, each translation (every save keeps a revision),
 * the editorial workflow of the publication and of each translation, scheduling and restoring
 * revisions. Everything is checked first, then written in one transaction.
 */
@Service
public class PublicationEditing {

    static final int MAX_BODY = 200_000;
    static final int MAX_SUMMARY = 1_000;
    /** A schedule this far in the past is refused (a form submitted slowly still counts as "now"). */
    static final Duration SCHEDULE_GRACE = Duration.ofMinutes(1);

    /** What a publication says besides its texts. */
    public record Details(LocalDate dated, List<String> tags, List<Long> organizationIds, Long campaignId, Long eventId,
                          String category, Long regionId, String country, List<Signatory> signatories) {
        public Details {
            tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
            organizationIds = organizationIds == null ? List.of() : organizationIds.stream().distinct().toList();
            signatories = signatories == null ? List.of() : signatories.stream()
                    .filter(s -> s != null && s.name() != null && !s.name().isBlank())
                    .map(s -> new Signatory(s.name().strip(), s.role() == null ? "" : s.role().strip())).toList();
            category = category == null || category.isBlank() ? null : category;
            country = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** The text of one language. */
    public record Text(String title, String summary, String body, String translator) {
    }

    public record Revision(long id, long publicationId, String language, String title, String summary, String body,
                           String translator, String author, Long restoredFrom, Instant createdAt) {
        String asText() {
            return title + "\n\n" + summary + "\n\n" + body;
        }
    }

    private final Publications publications;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final ApplicationEventPublisher events;

    PublicationEditing(Publications publications, JdbcClient jdbc, AuditLog audit, MemberDirectory directory,
                       ApplicationEventPublisher events) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.events = events;
    }

    /** A new publication with its original text (kept as the first revision) and details. */
    @Transactional
    public Publication create(PublicationDraft draft, Details details, String author) {
        List<FieldProblem> problems = new ArrayList<>(textProblems(new Text(draft.title(), draft.summary(), draft.body(), null)));
        problems.addAll(detailProblems(draft.kind(), details));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Publication created = publications.create(new PublicationDraft(draft.kind(), draft.language(), draft.title(), draft.summary(),
                draft.body(), details.dated() == null ? draft.dated() : details.dated(), PublicationStatus.DRAFT, null, details.tags(),
                details.organizationIds()));
        writeDetails(created.id(), details);
        keepRevision(created.id(), draft.language(), new Text(draft.title(), draft.summary(), draft.body(), null), author, null);
        if (draft.status() != null && draft.status() != PublicationStatus.DRAFT) {
            setStatus(created.id(), draft.status(), draft.publishAt());
        }
        changed(created.id());
        return publications.find(created.id()).orElseThrow();
    }

    @Transactional
    public Publication updateDetails(long id, Details details) {
        Publication publication = existing(id);
        List<FieldProblem> problems = detailProblems(publication.kind(), details);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        writeDetails(id, details);
        audit.record("publication.update", "publication", id, publication.slug());
        changed(id);
        return publications.find(id).orElseThrow();
    }

    @Transactional
    public void setCoverImage(long id, String image) {
        existing(id);
        jdbc.sql("UPDATE publication SET cover_image = :image, updated_at = now() WHERE id = :id")
                .param("image", image).param("id", id).update();
        changed(id);
    }

    /** Adds or changes one language's text; every save keeps a revision. A new translation starts as a draft. */
    @Transactional
    public Translation saveTranslation(long id, String language, Text text, String author) {
        existing(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (!Languages.isSupported(language)) {
            problems.add(new FieldProblem("language", "publishing.editor.error.language",
                    "The network does not publish in this language: choose one of its languages."));
        }
        problems.addAll(textProblems(text));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        writeTranslation(id, language, text);
        keepRevision(id, language, text, author, null);
        audit.record("publication.translation.save", "publication", id, language);
        changed(id);
        return publications.translation(id, language).orElseThrow();
    }

    /**
     * Moves the publication through the workflow. Publishing publishes the original language too; a
     * publication time in the future schedules it (it becomes public at that time, with nobody acting),
     * a time already past is refused.
     */
    @Transactional
    public Publication setStatus(long id, PublicationStatus status, Instant publishAt) {
        Publication publication = existing(id);
        if (status == null) {
            throw new InvalidInputException("status", "publishing.error.status", "Choose a status.");
        }
        if (publishAt != null && status == PublicationStatus.PUBLISHED && publishAt.isBefore(Instant.now().minus(SCHEDULE_GRACE))
                && !publishAt.equals(publication.publishAt())) {
            throw new InvalidInputException("publishAt", "publishing.editor.error.schedule-past",
                    "This time has already passed: choose a later time, or leave it empty to publish now.");
        }
        boolean publish = status == PublicationStatus.PUBLISHED;
        jdbc.sql("""
                        UPDATE publication SET status = :status, publish_at = :publishAt,
                            published_at = CASE WHEN :publish THEN coalesce(published_at, CAST(:publishAt AS timestamptz), now()) ELSE published_at END,
                            updated_at = now()
                        WHERE id = :id""")
                .param("status", status.name()).param("publishAt", publish && publishAt != null ? Timestamp.from(publishAt) : null)
                .param("publish", publish).param("id", id).update();
        if (publish) {
            setTranslationStatus(id, publication.originalLanguage(), PublicationStatus.PUBLISHED);
        }
        audit.record("publication.status", "publication", id, status.name());
        changed(id);
        return publications.find(id).orElseThrow();
    }

    @Transactional
    public Translation setTranslationStatus(long id, String language, PublicationStatus status) {
        existing(id);
        if (status == null) {
            throw new InvalidInputException("status", "publishing.error.status", "Choose a status.");
        }
        int updated = jdbc.sql("""
                        UPDATE publication_translation SET status = :status,
                            published_at = CASE WHEN :status = 'PUBLISHED' THEN coalesce(published_at, now()) ELSE published_at END
                        WHERE publication_id = :id AND language = :language""")
                .param("status", status.name()).param("id", id).param("language", language).update();
        if (updated == 0) {
            throw new NotFoundException("This publication has no text in that language.");
        }
        changed(id);
        return publications.translation(id, language).orElseThrow();
    }

    /** Every revision of a publication, the latest first. */
    public List<Revision> revisions(long id) {
        return jdbc.sql("SELECT * FROM publication_revision WHERE publication_id = :id ORDER BY id DESC")
                .param("id", id).query(PublicationEditing::mapRevision).list();
    }

    /** A revision of this publication; 404 for a revision of another one. */
    public Revision revision(long id, long revisionId) {
        return jdbc.sql("SELECT * FROM publication_revision WHERE publication_id = :id AND id = :revision")
                .param("id", id).param("revision", revisionId).query(PublicationEditing::mapRevision).optional()
                .orElseThrow(() -> new NotFoundException("This publication has no such revision."));
    }

    /** Brings an older revision's text back, as a new revision. */
    @Transactional
    public Translation restore(long id, long revisionId, String author) {
        Revision old = revision(id, revisionId);
        Text text = new Text(old.title(), old.summary(), old.body(), old.translator());
        writeTranslation(id, old.language(), text);
        keepRevision(id, old.language(), text, author, old.id());
        audit.record("publication.revision.restore", "publication", id, Long.toString(revisionId));
        changed(id);
        return publications.translation(id, old.language()).orElseThrow();
    }

    private Publication existing(long id) {
        return publications.find(id).orElseThrow(() -> new NotFoundException("There is no publication with this id."));
    }

    private void writeTranslation(long id, String language, Text text) {
        jdbc.sql("""
                        INSERT INTO publication_translation (publication_id, language, title, summary, body, translator)
                        VALUES (:id, :language, :title, :summary, :body, :translator)
                        ON CONFLICT (publication_id, language) DO UPDATE SET title = excluded.title, summary = excluded.summary,
                            body = excluded.body, translator = excluded.translator, updated_at = now()""")
                .param("id", id).param("language", language).param("title", text.title().strip())
                .param("summary", blankToEmpty(text.summary())).param("body", text.body() == null ? "" : text.body())
                .param("translator", text.translator() == null || text.translator().isBlank() ? null : text.translator().strip())
                .update();
        jdbc.sql("UPDATE publication SET updated_at = now() WHERE id = :id").param("id", id).update();
    }

    private void keepRevision(long id, String language, Text text, String author, Long restoredFrom) {
        jdbc.sql("""
                        INSERT INTO publication_revision (publication_id, language, title, summary, body, translator, author, restored_from)
                        VALUES (:id, :language, :title, :summary, :body, :translator, :author, CAST(:restoredFrom AS bigint))""")
                .param("id", id).param("language", language).param("title", text.title().strip())
                .param("summary", blankToEmpty(text.summary())).param("body", text.body() == null ? "" : text.body())
                .param("translator", text.translator()).param("author", author == null ? "?" : author)
                .param("restoredFrom", restoredFrom).update();
    }

    private void writeDetails(long id, Details d) {
        jdbc.sql("""
                        UPDATE publication SET dated = coalesce(:dated, dated), tags = CAST(:tags AS text[]),
                            organization_ids = CAST(:orgs AS bigint[]), campaign_id = :campaign, event_id = :event,
                            category = :category, region_id = :region, country = :country, updated_at = now()
                        WHERE id = :id""")
                .param("dated", d.dated()).param("tags", arrayLiteral(d.tags())).param("orgs", arrayLiteral(d.organizationIds()))
                .param("campaign", d.campaignId()).param("event", d.eventId()).param("category", d.category())
                .param("region", d.regionId()).param("country", d.country()).param("id", id).update();
        jdbc.sql("DELETE FROM publication_signatory WHERE publication_id = :id").param("id", id).update();
        int position = 0;
        for (Signatory s : d.signatories()) {
            jdbc.sql("INSERT INTO publication_signatory (publication_id, position, name, role) VALUES (:id, :position, :name, :role)")
                    .param("id", id).param("position", position++).param("name", s.name()).param("role", s.role()).update();
        }
    }

    private static List<FieldProblem> textProblems(Text text) {
        List<FieldProblem> problems = new ArrayList<>();
        if (text.title() == null || text.title().isBlank()) {
            problems.add(new FieldProblem("title", "publishing.error.title-required", "A title is required."));
        } else if (text.title().strip().length() > 300) {
            problems.add(new FieldProblem("title", "publishing.error.title-too-long", "The title is longer than 300 characters."));
        }
        if (text.summary() != null && text.summary().strip().length() > MAX_SUMMARY) {
            problems.add(new FieldProblem("summary", "publishing.editor.error.summary-too-long",
                    "The summary is longer than 1,000 characters."));
        }
        if (text.body() != null && text.body().length() > MAX_BODY) {
            problems.add(new FieldProblem("body", "publishing.error.body-too-long", "The text is longer than 200,000 characters."));
        }
        if (text.translator() != null && text.translator().length() > 200) {
            problems.add(new FieldProblem("translator", "publishing.editor.error.translator", "The translator's name is too long."));
        }
        return problems;
    }

    private List<FieldProblem> detailProblems(PublicationKind kind, Details d) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Long org : d.organizationIds()) {
            if (org == null || directory.organization(org).isEmpty()) {
                problems.add(new FieldProblem("organizationIds", "publishing.editor.error.organization",
                        "Choose member organizations of the network."));
                break;
            }
        }
        if (d.category() != null && !NewsCategory.isOne(d.category())) {
            problems.add(new FieldProblem("category", "publishing.editor.error.category", "Choose one of the categories."));
        }
        if (d.country() != null && !d.country().matches("[A-Z]{2}")) {
            problems.add(new FieldProblem("country", "publishing.editor.error.country", "Give the country as a two-letter code."));
        }
        if (d.regionId() != null && directory.regions().stream().noneMatch(r -> r.id() == d.regionId())) {
            problems.add(new FieldProblem("regionId", "publishing.editor.error.region", "Choose one of the network's regions."));
        }
        if (d.tags().size() > 20 || d.tags().stream().anyMatch(t -> t.length() > 50)) {
            problems.add(new FieldProblem("tags", "publishing.editor.error.tags", "At most 20 tags of at most 50 characters each."));
        }
        if (d.signatories().size() > 100 || d.signatories().stream().anyMatch(s -> s.name().length() > 200 || s.role().length() > 200)) {
            problems.add(new FieldProblem("signatories", "publishing.editor.error.signatories",
                    "At most 100 signatories, each name and role at most 200 characters."));
        }
        return problems;
    }

    private void changed(long id) {
        events.publishEvent(new PublicationChanged(id));
    }

    /** What a member of staff may edit, the latest first: everything for network admins, else their organization's news. */
    public List<Publication> editableBy(Long organizationId, boolean networkAdmin) {
        List<Long> ids = networkAdmin
                ? jdbc.sql("SELECT id FROM publication ORDER BY updated_at DESC, id DESC LIMIT 300").query(Long.class).list()
                : jdbc.sql("""
                        SELECT id FROM publication WHERE kind = 'NEWS' AND organization_ids = ARRAY[CAST(:org AS bigint)]
                        ORDER BY updated_at DESC, id DESC LIMIT 300""").param("org", organizationId).query(Long.class).list();
        return ids.stream().map(publications::find).flatMap(Optional::stream).toList();
    }

    Optional<Publication> find(long id) {
        return publications.find(id);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String arrayLiteral(List<?> values) {
        return "{" + String.join(",", values.stream()
                .map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }

    private static Revision mapRevision(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Revision(rs.getLong("id"), rs.getLong("publication_id"), rs.getString("language"), rs.getString("title"),
                rs.getString("summary"), rs.getString("body"), rs.getString("translator"), rs.getString("author"),
                rs.getObject("restored_from", Long.class), rs.getTimestamp("created_at").toInstant());
    }
}
