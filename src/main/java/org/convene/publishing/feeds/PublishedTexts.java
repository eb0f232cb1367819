package org.convene.publishing.feeds;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.convene.publishing.internal.PublicationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public translations of statements and news posts, as feeds, the sitemap and search read
 * them: a publication is public when published and its scheduled time has come, a translation when
 * it is published too.
 */
@Repository
class PublishedTexts {

    static final String PUBLIC = "p.status = 'PUBLISHED' AND (p.publish_at IS NULL OR p.publish_at <= now()) AND t.status = 'PUBLISHED'";

    /** One public translation. {@code published} is the publication's date, {@code updated} the later of its and the translation's change. */
    record Text(long id, PublicationKind kind, String slug, String originalLanguage, String language, String title, String summary,
                String body, List<String> tags, Long regionId, String country, Long organizationId, Instant published, Instant updated) {

        /** Where the page is: the original language at the plain address, translations with {@code ?lang=}. */
        String path() {
            String base = (kind == PublicationKind.NEWS ? "/news/" : "/statements/") + slug;
            return language.equals(originalLanguage) ? base : base + "?lang=" + language;
        }
    }

    private static final String SELECT = """
            SELECT p.id, p.kind, p.slug, p.original_language, t.language, t.title, t.summary, t.body, p.tags, p.region_id, p.country,
                   p.organization_ids[1] AS organization_id, coalesce(p.publish_at, p.published_at, p.created_at) AS published,
                   greatest(p.updated_at, t.updated_at) AS updated
            FROM publication p JOIN publication_translation t ON t.publication_id = p.id
            """;

    private final JdbcClient jdbc;

    PublishedTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest public texts of a kind in a language, newest first. */
    List<Text> latest(PublicationKind kind, String language, int limit) {
        return jdbc.sql(SELECT + " WHERE " + PUBLIC + """
                         AND p.kind = :kind AND t.language = :language
                        ORDER BY coalesce(p.publish_at, p.published_at, p.created_at) DESC, p.id DESC LIMIT :limit""")
                .param("kind", kind.name()).param("language", language).param("limit", limit).query(PublishedTexts::map).list();
    }

    /** Every public text, by publication. */
    List<Text> all(int limit) {
        return jdbc.sql(SELECT + " WHERE " + PUBLIC + " ORDER BY p.id, (t.language = p.original_language) DESC, t.language LIMIT :limit")
                .param("limit", limit).query(PublishedTexts::map).list();
    }

    /** The public texts of one publication (none when it is not public). */
    List<Text> of(long publicationId) {
        return jdbc.sql(SELECT + " WHERE " + PUBLIC + " AND p.id = :id").param("id", publicationId).query(PublishedTexts::map).list();
    }

    /**
     * The publications that may have changed since then: edited, a translation edited or published,
     * or their scheduled time come.
     */
    List<Long> changedSince(Instant since) {
        return jdbc.sql("""
                        SELECT DISTINCT p.id FROM publication p LEFT JOIN publication_translation t ON t.publication_id = p.id
                        WHERE p.updated_at > :since OR t.updated_at > :since OR t.published_at > :since OR p.published_at > :since
                           OR (p.publish_at > :since AND p.publish_at <= now())
                        ORDER BY p.id""")
                .param("since", Timestamp.from(since)).query(Long.class).list();
    }

    private static Text map(ResultSet rs, int row) throws SQLException {
        return new Text(rs.getLong("id"), PublicationKind.valueOf(rs.getString("kind")), rs.getString("slug"),
                rs.getString("original_language"), rs.getString("language"), rs.getString("title"), rs.getString("summary"),
                rs.getString("body"), strings(rs.getArray("tags")), rs.getObject("region_id", Long.class), rs.getString("country"),
                rs.getObject("organization_id", Long.class), rs.getTimestamp("published").toInstant(),
                rs.getTimestamp("updated").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
