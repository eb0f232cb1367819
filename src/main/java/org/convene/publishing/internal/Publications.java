package org.convene.publishing.internal;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convene.accounts.AuditLog;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds statements and news posts and their translations. */
@Service
public class Publications {

    static final String COLUMNS = """
            id, kind, slug, original_language, status, publish_at, published_at, dated, cover_image, tags, campaign_id,
            event_id, organization_ids, category, region_id, country""";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Publications(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Publication create(PublicationDraft draft) {
        check(draft);
        boolean published = draft.status() == PublicationStatus.PUBLISHED;
        long id = jdbc.sql("""
                        INSERT INTO publication (kind, slug, original_language, status, publish_at, published_at, dated, tags,
                            organization_ids)
                        VALUES (:kind, :slug, :language, :status, :publishAt, :publishedAt, :dated, CAST(:tags AS text[]),
                            CAST(:orgs AS bigint[]))
                        RETURNING id""")
                .param("kind", draft.kind().name()).param("slug", slugFor(draft.title()))
                .param("language", draft.language()).param("status", draft.status().name())
                .param("publishAt", timestamp(draft.publishAt()))
                .param("publishedAt", published ? timestamp(draft.publishAt() == null ? Instant.now() : draft.publishAt()) : null)
                .param("dated", draft.dated())
                .param("tags", arrayLiteral(draft.tags() == null ? List.of() : draft.tags()))
                .param("orgs", arrayLiteral(draft.organizationIds() == null ? List.of() : draft.organizationIds()))
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO publication_translation (publication_id, language, title, summary, body, status, published_at)
                        VALUES (:id, :language, :title, :summary, :body, :status, CASE WHEN :status = 'PUBLISHED' THEN now() END)""")
                .param("id", id).param("language", draft.language()).param("title", draft.title().strip())
                .param("summary", draft.summary() == null ? "" : draft.summary().strip())
                .param("body", draft.body() == null ? "" : draft.body())
                .param("status", draft.status().name())
                .update();
        audit.record("publication.create", "publication", id, draft.title());
        return find(id).orElseThrow();
    }

    public Optional<Publication> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publication WHERE id = :id").param("id", id).query(Publications::map).optional();
    }

    public Optional<Publication> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publication WHERE slug = :slug").param("slug", slug)
                .query(Publications::map).optional();
    }

    /** Every translation of a publication, the original language first. */
    public List<Translation> translations(long publicationId) {
        return jdbc.sql("""
                        SELECT t.publication_id, t.language, t.title, t.summary, t.body, t.status, t.translator, t.published_at,
                               t.updated_at
                        FROM publication_translation t JOIN publication p ON p.id = t.publication_id
                        WHERE t.publication_id = :id
                        ORDER BY (t.language = p.original_language) DESC, t.language""")
                .param("id", publicationId).query(Publications::mapTranslation).list();
    }

    private static void check(PublicationDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.kind() == null) {
            problems.add(new FieldProblem("kind", "publishing.error.kind", "Choose a statement or a news post."));
        }
        if (draft.language() == null || !Languages.isSupported(draft.language())) {
            problems.add(new FieldProblem("language", "publishing.error.language", "Choose one of the network's languages."));
        }
        if (draft.title() == null || draft.title().isBlank()) {
            problems.add(new FieldProblem("title", "publishing.error.title-required", "A title is required."));
        } else if (draft.title().strip().length() > 300) {
            problems.add(new FieldProblem("title", "publishing.error.title-too-long", "The title is longer than 300 characters."));
        }
        if (draft.body() != null && draft.body().length() > 200_000) {
            problems.add(new FieldProblem("body", "publishing.error.body-too-long", "The text is longer than 200,000 characters."));
        }
        if (draft.dated() == null) {
            problems.add(new FieldProblem("dated", "publishing.error.date-required", "A date is required."));
        }
        if (draft.status() == null) {
            problems.add(new FieldProblem("status", "publishing.error.status", "Choose a status."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static String slugFor(String title) {
        String base = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        String suffix = Long.toString(RANDOM.nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        return (base.isEmpty() ? "publication" : base) + "-" + suffix;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String arrayLiteral(List<?> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }

    static Publication map(ResultSet rs, int row) throws SQLException {
        return new Publication(rs.getLong("id"), PublicationKind.valueOf(rs.getString("kind")), rs.getString("slug"),
                rs.getString("original_language"), PublicationStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("publish_at")), instant(rs.getTimestamp("published_at")),
                rs.getObject("dated", java.time.LocalDate.class), rs.getString("cover_image"),
                strings(rs.getArray("tags")), rs.getObject("campaign_id", Long.class), rs.getObject("event_id", Long.class),
                longs(rs.getArray("organization_ids")), rs.getString("category"), rs.getObject("region_id", Long.class),
                rs.getString("country"));
    }

    static Translation mapTranslation(ResultSet rs, int row) throws SQLException {
        return new Translation(rs.getLong("publication_id"), rs.getString("language"), rs.getString("title"),
                rs.getString("summary"), rs.getString("body"), PublicationStatus.valueOf(rs.getString("status")),
                rs.getString("translator"), instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }
}
