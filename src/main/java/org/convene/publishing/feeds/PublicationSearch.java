package org.convene.publishing.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.platform.i18n.Languages;
import org.convene.platform.text.RichText;
import org.convene.publishing.internal.PublicationKind;
import org.convene.search.SearchDocument;
import org.convene.search.SearchIndex;
import org.convene.search.SearchKind;
import org.convene.search.SearchSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps public statements and news in the search index, one document per published translation.
 * Rather than hooking into every change of the editing code, a job reconciles every few seconds
 * (see {@link FeedsJobs}): it re-indexes the publications changed since its last run (which also
 * catches scheduled publications whose time has come) and removes what is no longer public.
 */
@Component
class PublicationSearch implements SearchSource {

    static final String MARK = "publications";
    /** Changes committed while the previous run was reading are picked up by the next one. */
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private final PublishedTexts texts;
    private final SearchIndex index;
    private final JdbcClient jdbc;

    PublicationSearch(PublishedTexts texts, SearchIndex index, JdbcClient jdbc) {
        this.texts = texts;
        this.index = index;
        this.jdbc = jdbc;
    }

    /** Brings what changed since the last run into the index; returns how many publications it looked at. */
    @Transactional
    public int sync() {
        // One run at a time (the job on any node, a startup reindex, a test): they would lock the same rows.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('publication-search-sync'))").query(Object.class).list();
        Instant started = jdbc.sql("SELECT now()").query(java.sql.Timestamp.class).single().toInstant();
        Instant since = index.mark(MARK).map(m -> m.minus(OVERLAP)).orElse(Instant.EPOCH);
        List<Long> changed = texts.changedSince(since);
        changed.forEach(this::index);
        removeWithdrawn();
        index.setMark(MARK, started);
        return changed.size();
    }

    private void index(long publicationId) {
        List<PublishedTexts.Text> published = texts.of(publicationId);
        if (published.isEmpty()) {
            index.remove(SearchKind.STATEMENT, publicationId);
            index.remove(SearchKind.NEWS, publicationId);
            return;
        }
        SearchKind kind = kind(published.getFirst().kind());
        index.replace(kind, publicationId, published.stream().filter(t -> Languages.isSupported(t.language())).map(PublicationSearch::document).toList());
    }

    /** Removes the documents of publications or translations that are no longer public (or no longer exist). */
    private void removeWithdrawn() {
        Map<SearchKind, Map<Long, Set<String>>> public_ = new HashMap<>();
        public_.put(SearchKind.STATEMENT, new HashMap<>());
        public_.put(SearchKind.NEWS, new HashMap<>());
        jdbc.sql("SELECT p.id, p.kind, t.language FROM publication p JOIN publication_translation t ON t.publication_id = p.id WHERE "
                        + PublishedTexts.PUBLIC)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> public_
                        .get(kind(PublicationKind.valueOf(rs.getString("kind"))))
                        .computeIfAbsent(rs.getLong("id"), id -> new HashSet<>()).add(rs.getString("language")));
        public_.forEach(index::retainOnly);
    }

    static SearchDocument document(PublishedTexts.Text t) {
        String text = (t.summary() == null || t.summary().isBlank() ? "" : t.summary() + "\n") + RichText.toPlainText(t.body());
        return new SearchDocument(kind(t.kind()), t.id(), t.language(), t.title(), text, t.path(), t.regionId(), t.country(),
                t.organizationId(), t.published());
    }

    static SearchKind kind(PublicationKind kind) {
        return kind == PublicationKind.NEWS ? SearchKind.NEWS : SearchKind.STATEMENT;
    }

    @Override
    public String name() {
        return "statements and news";
    }

    /** At startup: everything again, from the beginning. */
    @Override
    @Transactional
    public void reindex(SearchIndex into) {
        index.setMark(MARK, Instant.EPOCH.plus(OVERLAP));
        sync();
    }
}
