package org.convene.campaigns.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.convene.accounts.AuditLog;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.convene.platform.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and finds campaigns. */
@Service
public class Campaigns {

    static final String COLUMNS = "id, slug, title, call_text, first_day, last_day, time_zone, status";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Campaigns(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Campaign create(CampaignDraft draft) {
        check(draft);
        long id = jdbc.sql("""
                        INSERT INTO campaign (slug, title, call_text, first_day, last_day, time_zone, status)
                        VALUES (:slug, :title, :call, :first, :last, :zone, :status) RETURNING id""")
                .param("slug", slugFor(draft.title()))
                .param("title", TranslatedTextJdbcConversions.jsonb(draft.title()))
                .param("call", TranslatedTextJdbcConversions.jsonb(draft.call()))
                .param("first", draft.firstDay()).param("last", draft.lastDay())
                .param("zone", draft.timeZone()).param("status", draft.status().name())
                .query(Long.class).single();
        audit.record("campaign.create", "campaign", id, draft.title().in(draft.title().fallback()));
        return find(id).orElseThrow();
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE id = :id").param("id", id).query(Campaigns::map).optional();
    }

    public Optional<Campaign> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE slug = :slug").param("slug", slug).query(Campaigns::map).optional();
    }

    private static void check(CampaignDraft draft) {
        java.util.List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        if (draft.title() == null || draft.title().isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("title", "campaigns.error.title-required", "A title is required."));
        }
        if (draft.firstDay() == null) {
            problems.add(new InvalidInputException.FieldProblem("firstDay", "campaigns.error.first-day-required", "The first day of action is required."));
        } else if (draft.lastDay() != null && draft.lastDay().isBefore(draft.firstDay())) {
            problems.add(new InvalidInputException.FieldProblem("lastDay", "campaigns.error.days-in-order", "The last day cannot come before the first."));
        }
        try {
            ZoneId.of(draft.timeZone() == null ? "" : draft.timeZone());
        } catch (DateTimeException e) {
            problems.add(new InvalidInputException.FieldProblem("timeZone", "campaigns.error.time-zone", "Choose a time zone from the list."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static String slugFor(TranslatedText title) {
        String base = Normalizer.normalize(title.in(title.fallback()), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        String suffix = Long.toString(RANDOM.nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        return (base.isEmpty() ? "campaign" : base) + "-" + suffix;
    }

    static Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("slug"),
                TranslatedTextJdbcConversions.fromJson(rs.getString("title")),
                TranslatedTextJdbcConversions.fromJson(rs.getString("call_text")),
                rs.getObject("first_day", java.time.LocalDate.class), rs.getObject("last_day", java.time.LocalDate.class),
                ZoneId.of(rs.getString("time_zone")), CampaignStatus.valueOf(rs.getString("status")));
    }
}
