package org.convene.campaigns.internal;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.convene.accounts.AuditLog;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Creates, changes and finds campaigns. */
@Service
public class Campaigns {

    static final String COLUMNS = "id, slug, title, call_text, first_day, last_day, time_zone, status, background, slogans, "
            + "action_types, hashtags, social_handles, contact_email, cover_image";
    /** At most this many slogans, hashtags, handles and links per action type. */
    public static final int MAX_SLOGANS = 20;
    public static final int MAX_HASHTAGS = 10;
    public static final int MAX_HANDLES = 10;
    public static final int MAX_LINKS = 10;
    private static final int MAX_TITLE = 200;
    private static final int MAX_TEXT = 20_000;
    private static final int MAX_SLOGAN = 300;
    private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{N}_]{1,100}");
    private static final Pattern HANDLE = Pattern.compile("[^\\s<>\"]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\".]+(\\.[^@\\s<>\".]+)+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                        INSERT INTO campaign (slug, title, call_text, first_day, last_day, time_zone, status, background, slogans,
                                              action_types, hashtags, social_handles, contact_email)
                        VALUES (:slug, :title, :call, :first, :last, :zone, :status, :background, :slogans, :actionTypes,
                                :hashtags, :handles, :contact) RETURNING id""")
                .param("slug", slugFor(draft.title()))
                .params(values(draft))
                .query(Long.class).single();
        audit.record("campaign.create", "campaign", id, draft.title().in(draft.title().fallback()));
        return find(id).orElseThrow();
    }

    /** Changes everything staff write; the slug (and so the campaign's address) stays. */
    @Transactional
    public Campaign update(long id, CampaignDraft draft) {
        check(draft);
        int changed = jdbc.sql("""
                        UPDATE campaign SET title = :title, call_text = :call, first_day = :first, last_day = :last,
                               time_zone = :zone, status = :status, background = :background, slogans = :slogans,
                               action_types = :actionTypes, hashtags = :hashtags, social_handles = :handles,
                               contact_email = :contact, updated_at = now()
                        WHERE id = :id""")
                .params(values(draft)).param("id", id).update();
        if (changed == 0) {
            throw new org.convene.platform.web.NotFoundException("No such campaign");
        }
        audit.record("campaign.update", "campaign", id, draft.title().in(draft.title().fallback()));
        return find(id).orElseThrow();
    }

    /** Sets (or with null removes) the cover picture, a name media's {@code Images} gave out. */
    @Transactional
    public void setCoverImage(long id, String imageName) {
        jdbc.sql("UPDATE campaign SET cover_image = :cover, updated_at = now() WHERE id = :id")
                .param("cover", imageName).param("id", id).update();
        audit.record(imageName == null ? "campaign.cover.remove" : "campaign.cover.set", "campaign", id, imageName);
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE id = :id").param("id", id).query(Campaigns::map).optional();
    }

    public Optional<Campaign> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE slug = :slug").param("slug", slug).query(Campaigns::map).optional();
    }

    /** Campaigns, the latest day of action first; drafts only when asked (for network staff). */
    public List<Campaign> list(boolean withDrafts) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE status <> 'DRAFT' OR :drafts ORDER BY first_day DESC, id DESC")
                .param("drafts", withDrafts).query(Campaigns::map).list();
    }

    private static Map<String, Object> values(CampaignDraft draft) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", TranslatedTextJdbcConversions.jsonb(draft.title()));
        values.put("call", TranslatedTextJdbcConversions.jsonb(draft.call() == null ? TranslatedText.empty() : draft.call()));
        values.put("first", draft.firstDay());
        values.put("last", draft.lastDay() == null ? draft.firstDay() : draft.lastDay());
        values.put("zone", draft.timeZone().strip());
        values.put("status", (draft.status() == null ? CampaignStatus.DRAFT : draft.status()).name());
        values.put("background", TranslatedTextJdbcConversions.jsonb(draft.background()));
        values.put("slogans", jsonb(draft.slogans().stream().map(Campaigns::textDocument).toList()));
        values.put("actionTypes", jsonb(draft.actionTypes().stream().map(a -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("type", a.type().name());
            doc.put("guidance", textDocument(a.guidance()));
            doc.put("links", a.links().stream().map(l -> Map.of("title", l.title(), "url", l.url())).toList());
            return doc;
        }).toList()));
        values.put("hashtags", draft.hashtags().toArray(String[]::new));
        values.put("handles", draft.socialHandles().toArray(String[]::new));
        values.put("contact", draft.contactEmail());
        return values;
    }

    /** All the reasons a draft is refused, each with its field ({@code actionTypes.RALLY.links} for one type's links). */
    private static void check(CampaignDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.title() == null || draft.title().isEmpty()) {
            problems.add(new FieldProblem("title", "campaigns.error.title-required", "A title is required."));
        } else if (longest(draft.title()) > MAX_TITLE) {
            problems.add(new FieldProblem("title", "campaign.error.title-long", "The title is longer than 200 characters."));
        }
        if (draft.call() != null && longest(draft.call()) > MAX_TEXT) {
            problems.add(new FieldProblem("call", "campaign.error.text-long", "The text is longer than 20,000 characters."));
        }
        if (longest(draft.background()) > MAX_TEXT) {
            problems.add(new FieldProblem("background", "campaign.error.text-long", "The text is longer than 20,000 characters."));
        }
        if (draft.firstDay() == null) {
            problems.add(new FieldProblem("firstDay", "campaigns.error.first-day-required", "The first day of action is required."));
        } else if (draft.lastDay() != null && draft.lastDay().isBefore(draft.firstDay())) {
            problems.add(new FieldProblem("lastDay", "campaigns.error.days-in-order", "The last day cannot come before the first."));
        }
        try {
            ZoneId.of(draft.timeZone() == null ? "" : draft.timeZone().strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "campaigns.error.time-zone", "Choose a time zone from the list."));
        }
        if (draft.slogans().size() > MAX_SLOGANS) {
            problems.add(new FieldProblem("slogans", "campaign.error.slogans-many", "At most 20 slogans."));
        } else if (draft.slogans().stream().anyMatch(s -> longest(s) > MAX_SLOGAN)) {
            problems.add(new FieldProblem("slogans", "campaign.error.slogan-long", "A slogan is longer than 300 characters."));
        }
        Set<ActionType> seen = new HashSet<>();
        for (Campaign.SuggestedAction action : draft.actionTypes()) {
            String field = "actionTypes." + (action.type() == null ? "null" : action.type().name());
            if (action.type() == null || !seen.add(action.type())) {
                problems.add(new FieldProblem("actionTypes", "campaign.error.action-type", "Each action type once, from the list."));
                continue;
            }
            if (longest(action.guidance()) > MAX_TEXT) {
                problems.add(new FieldProblem(field + ".guidance", "campaign.error.text-long", "The text is longer than 20,000 characters."));
            }
            if (action.links().size() > MAX_LINKS) {
                problems.add(new FieldProblem(field + ".links", "campaign.error.links-many", "At most 10 links per action type."));
            } else if (action.links().stream().anyMatch(l -> !isWebAddress(l.url()))) {
                problems.add(new FieldProblem(field + ".links", "campaign.error.link-url",
                        "A toolkit link must be a web address starting with http:// or https://."));
            } else if (action.links().stream().anyMatch(l -> l.title() == null || l.title().isBlank() || l.title().length() > MAX_TITLE)) {
                problems.add(new FieldProblem(field + ".links", "campaign.error.link-title", "Each link needs a title of at most 200 characters."));
            }
        }
        if (draft.hashtags().size() > MAX_HASHTAGS) {
            problems.add(new FieldProblem("hashtags", "campaign.error.hashtags-many", "At most 10 hashtags."));
        } else if (draft.hashtags().stream().anyMatch(h -> !HASHTAG.matcher(h).matches())) {
            problems.add(new FieldProblem("hashtags", "campaign.error.hashtag",
                    "A hashtag has letters, digits and underscores only (no spaces), one per line."));
        }
        if (draft.socialHandles().size() > MAX_HANDLES) {
            problems.add(new FieldProblem("socialHandles", "campaign.error.handles-many", "At most 10 social handles."));
        } else if (draft.socialHandles().stream().anyMatch(h -> !HANDLE.matcher(h).matches())) {
            problems.add(new FieldProblem("socialHandles", "campaign.error.handle", "A handle has no spaces and at most 100 characters, one per line."));
        }
        if (draft.contactEmail() != null && (draft.contactEmail().length() > 254 || !EMAIL.matcher(draft.contactEmail()).matches())) {
            problems.add(new FieldProblem("contactEmail", "campaign.error.contact", "Enter an e-mail address such as team@example.org."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** An absolute http(s) address with a host. */
    public static boolean isWebAddress(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int longest(TranslatedText text) {
        return text == null ? 0 : text.values().values().stream().mapToInt(String::length).max().orElse(0);
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

    private static Map<String, Object> textDocument(TranslatedText text) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("fallback", text.fallback());
        doc.put("values", text.values());
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static TranslatedText text(Object doc) {
        if (!(doc instanceof Map<?, ?> map)) {
            return TranslatedText.empty();
        }
        return new TranslatedText((String) map.get("fallback"), (Map<String, String>) map.get("values"));
    }

    private static PGobject jsonb(Object value) {
        try {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(JSON.writeValueAsString(value));
            return object;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    @SuppressWarnings("unchecked")
    static Campaign map(ResultSet rs, int row) throws SQLException {
        List<Object> slogans = JSON.readValue(rs.getString("slogans"), new TypeReference<List<Object>>() { });
        List<Map<String, Object>> actions = JSON.readValue(rs.getString("action_types"), new TypeReference<List<Map<String, Object>>>() { });
        return new Campaign(rs.getLong("id"), rs.getString("slug"),
                TranslatedTextJdbcConversions.fromJson(rs.getString("title")),
                TranslatedTextJdbcConversions.fromJson(rs.getString("call_text")),
                rs.getObject("first_day", java.time.LocalDate.class), rs.getObject("last_day", java.time.LocalDate.class),
                ZoneId.of(rs.getString("time_zone")), CampaignStatus.valueOf(rs.getString("status")),
                TranslatedTextJdbcConversions.fromJson(rs.getString("background")),
                slogans.stream().map(Campaigns::text).toList(),
                actions.stream().map(a -> new Campaign.SuggestedAction(ActionType.valueOf((String) a.get("type")), text(a.get("guidance")),
                        ((List<Map<String, String>>) a.getOrDefault("links", List.of())).stream()
                                .map(l -> new Campaign.ToolkitLink(l.get("title"), l.get("url"))).toList())).toList(),
                strings(rs.getArray("hashtags")), strings(rs.getArray("social_handles")), rs.getString("contact_email"),
                rs.getString("cover_image"));
    }
}
