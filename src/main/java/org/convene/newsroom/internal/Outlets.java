package org.convene.newsroom.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partner outlets: registered and changed by network admins, checked before anything is written. */
@Service
public class Outlets {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    static final String COLUMNS = """
            id, name, country, languages, website, feed_url, active, poll_interval_minutes, next_poll_at, status,
            last_polled_at, last_success_at, failing_since, last_error_code, last_error, consecutive_failures""";

    private final JdbcClient jdbc;
    private final FeedAddresses addresses;
    private final NewsroomProperties properties;

    Outlets(JdbcClient jdbc, FeedAddresses addresses, NewsroomProperties properties) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.properties = properties;
    }

    public List<Outlet> all() {
        return jdbc.sql("select " + COLUMNS + " from newsroom_outlets order by lower(name), id").query(Outlets::map).list();
    }

    public Optional<Outlet> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from newsroom_outlets where id = ?").param(id).query(Outlets::map).optional();
    }

    @Transactional
    public Outlet create(Outlet.Draft draft) {
        Outlet.Draft checked = check(draft, null);
        long id = jdbc.sql("""
                        insert into newsroom_outlets (name, country, languages, website, feed_url, active, poll_interval_minutes)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(checked.name(), checked.country(), checked.languages().toArray(String[]::new), checked.website(),
                        checked.feedUrl(), checked.active(), checked.pollIntervalMinutes())
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** Changes an outlet; a new feed address starts afresh (no validators, polled soon). */
    @Transactional
    public Outlet update(long id, Outlet.Draft draft) {
        Outlet.Draft checked = check(draft, id);
        jdbc.sql("""
                        update newsroom_outlets set name = ?, country = ?, languages = ?, website = ?, active = ?, poll_interval_minutes = ?,
                          etag = case when feed_url = ? then etag end, last_modified = case when feed_url = ? then last_modified end,
                          next_poll_at = case when feed_url = ? then next_poll_at else now() end, feed_url = ?
                        where id = ?""")
                .params(checked.name(), checked.country(), checked.languages().toArray(String[]::new), checked.website(),
                        checked.active(), checked.pollIntervalMinutes(), checked.feedUrl(), checked.feedUrl(), checked.feedUrl(),
                        checked.feedUrl(), id)
                .update();
        return find(id).orElseThrow();
    }

    /** Removes the outlet and its items. */
    @Transactional
    public boolean delete(long id) {
        return jdbc.sql("delete from newsroom_outlets where id = ?").param(id).update() == 1;
    }

    private Outlet.Draft check(Outlet.Draft draft, Long id) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = strip(draft.name());
        if (name == null) {
            problems.add(new FieldProblem("name", "newsroom.outlet.name.required", "Enter the outlet's name."));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "newsroom.outlet.name.tooLong", "The name is longer than 200 characters."));
        }
        String country = strip(draft.country()) == null ? null : draft.country().strip().toUpperCase(Locale.ROOT);
        if (country == null || !COUNTRIES.contains(country)) {
            problems.add(new FieldProblem("country", "newsroom.outlet.country.invalid", "Choose a country (ISO 3166 code)."));
        }
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        for (String language : draft.languages() == null ? List.<String>of() : draft.languages()) {
            String code = strip(language) == null ? null : language.strip().toLowerCase(Locale.ROOT);
            if (code == null) {
                continue;
            }
            if (code.length() != 2 || !LANGUAGES.contains(code)) {
                problems.add(new FieldProblem("languages", "newsroom.outlet.languages.invalid",
                        "Not an ISO 639-1 language code: " + language.strip()));
            }
            languages.add(code);
        }
        if (languages.isEmpty()) {
            problems.add(new FieldProblem("languages", "newsroom.outlet.languages.required", "Enter at least one language code."));
        }
        String website = strip(draft.website());
        if (website != null && (website.length() > 500 || FeedReader.webLink(website) == null)) {
            problems.add(new FieldProblem("website", "newsroom.outlet.website.invalid", "Enter the website's http or https address."));
        }
        String feedUrl = strip(draft.feedUrl());
        if (feedUrl == null) {
            problems.add(new FieldProblem("feedUrl", "newsroom.outlet.feedUrl.required", "Enter the feed's address."));
        } else if (feedUrl.length() > 2000) {
            problems.add(new FieldProblem("feedUrl", "newsroom.outlet.feedUrl.tooLong", "The address is longer than 2000 characters."));
        } else {
            try {
                feedUrl = addresses.checkUrl(feedUrl).toString();
                addresses.resolve(FeedAddresses.host(java.net.URI.create(feedUrl)));
                Long other = jdbc.sql("select id from newsroom_outlets where lower(feed_url) = lower(?) and id <> coalesce(?, -1)")
                        .params(feedUrl, id).query(Long.class).optional().orElse(null);
                if (other != null) {
                    problems.add(new FieldProblem("feedUrl", "newsroom.outlet.feedUrl.taken", "Another outlet has this feed."));
                }
            } catch (RefusedFeedException refused) {
                problems.add(new FieldProblem("feedUrl", "newsroom.error." + refused.code(),
                        "This feed address is refused (" + refused.code() + "): " + refused.getMessage()));
            }
        }
        Integer interval = draft.pollIntervalMinutes();
        long minimum = Math.max(1, properties.minimumInterval().toMinutes());
        if (interval != null && (interval < minimum || interval > 7 * 24 * 60)) {
            problems.add(new FieldProblem("pollIntervalMinutes", "newsroom.outlet.interval.range",
                    "Between " + minimum + " and " + (7 * 24 * 60) + " minutes."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Outlet.Draft(name, country, List.copyOf(languages), website, feedUrl, draft.active(), interval);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Outlet map(ResultSet rs, int row) throws SQLException {
        Array languages = rs.getArray("languages");
        return new Outlet(rs.getLong("id"), rs.getString("name"), rs.getString("country"),
                Arrays.asList((String[]) languages.getArray()), rs.getString("website"), rs.getString("feed_url"),
                rs.getBoolean("active"), (Integer) rs.getObject("poll_interval_minutes"), instant(rs, "next_poll_at"),
                new Outlet.Health(Outlet.Status.valueOf(rs.getString("status")), instant(rs, "last_polled_at"),
                        instant(rs, "last_success_at"), instant(rs, "failing_since"), rs.getString("last_error_code"),
                        rs.getString("last_error"), rs.getInt("consecutive_failures")));
    }

    static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
