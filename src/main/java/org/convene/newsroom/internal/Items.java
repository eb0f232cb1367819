package org.convene.newsroom.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convene.newsroom.PartnerItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The items of partner feeds: stored once per outlet, listed with filters, picked by staff. */
@Service
public class Items implements PartnerItems {

    /** One page of items and how many match in all. */
    public record Page(List<PartnerItem> items, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private static final String SELECT = """
            select i.id, i.outlet_id, o.name as outlet_name, o.country, i.language, i.title, i.link, i.summary,
                   coalesce(i.published_at, i.fetched_at) as published, i.picked_at
            from newsroom_items i join newsroom_outlets o on o.id = i.outlet_id""";
    private static final String NEWEST_FIRST = " order by coalesce(i.published_at, i.fetched_at) desc, i.id desc";

    private final JdbcClient jdbc;

    Items(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the entries not stored yet (by GUID, else link, per outlet); returns how many were new. */
    @Transactional
    public int store(long outletId, List<FeedReader.Entry> entries) {
        int added = 0;
        for (FeedReader.Entry e : entries) {
            added += jdbc.sql("""
                            insert into newsroom_items (outlet_id, dedup_key, title, link, summary, author, published_at, language)
                            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (outlet_id, dedup_key) do nothing""")
                    .params(outletId, e.key(), e.title(), e.link(), e.summary(), e.author(),
                            e.published() == null ? null : java.sql.Timestamp.from(e.published()), e.language())
                    .update();
        }
        return added;
    }

    @Override
    public List<PartnerItem> recent(Filter filter, int limit) {
        Where where = where(filter);
        return jdbc.sql(SELECT + where.sql + NEWEST_FIRST + " limit ?")
                .params(where.params).param(Math.clamp(limit, 1, 200)).query(Items::map).list();
    }

    public Page page(Filter filter, int page, int size) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from newsroom_items i join newsroom_outlets o on o.id = i.outlet_id" + where.sql)
                .params(where.params).query(Long.class).single();
        int current = Math.max(1, page);
        List<PartnerItem> items = jdbc.sql(SELECT + where.sql + NEWEST_FIRST + " limit ? offset ?")
                .params(where.params).param(size).param((long) (current - 1) * size).query(Items::map).list();
        return new Page(items, total, current, size);
    }

    /** Items picked for the public page, newest first. */
    public List<PartnerItem> picked(String language, int limit) {
        Filter filter = new Filter(null, null, language, null, null, true);
        Where where = where(filter);
        return jdbc.sql(SELECT + where.sql + NEWEST_FIRST + " limit ?")
                .params(where.params).param(limit).query(Items::map).list();
    }

    @Override
    public List<PartnerItem> find(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PartnerItem> found = jdbc.sql(SELECT + " where i.id = any(?)").param(ids.toArray(Long[]::new))
                .query(Items::map).list().stream().collect(Collectors.toMap(PartnerItem::id, Function.identity()));
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Picks the item (or un-picks it); false if there is no such item. */
    @Transactional
    public boolean pick(long id, boolean picked) {
        return jdbc.sql("update newsroom_items set picked_at = case when ? then coalesce(picked_at, now()) end where id = ?")
                .params(picked, id).update() == 1;
    }

    /** The languages items exist in, for the filters. */
    public List<String> languages() {
        return jdbc.sql("select distinct language from newsroom_items order by language").query(String.class).list();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Filter filter) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.outletId() != null) {
            clauses.add("i.outlet_id = ?");
            params.add(filter.outletId());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            clauses.add("o.country = upper(?)");
            params.add(filter.country().strip());
        }
        if (filter.language() != null && !filter.language().isBlank()) {
            clauses.add("i.language = lower(?)");
            params.add(filter.language().strip());
        }
        if (filter.from() != null) {
            clauses.add("coalesce(i.published_at, i.fetched_at) >= ?");
            params.add(java.sql.Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            clauses.add("coalesce(i.published_at, i.fetched_at) < ?");
            params.add(java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (Boolean.TRUE.equals(filter.picked())) {
            clauses.add("i.picked_at is not null");
        } else if (Boolean.FALSE.equals(filter.picked())) {
            clauses.add("i.picked_at is null");
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    private static PartnerItem map(ResultSet rs, int row) throws SQLException {
        return new PartnerItem(rs.getLong("id"), rs.getLong("outlet_id"), rs.getString("outlet_name"), rs.getString("country"),
                rs.getString("language"), rs.getString("title"), rs.getString("link"), rs.getString("summary"),
                Outlets.instant(rs, "published"), Outlets.instant(rs, "picked_at"));
    }

}
