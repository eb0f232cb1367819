package org.convene.campaigns.gallery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.convene.campaigns.internal.Campaign;
import org.convene.directory.MemberDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of a campaign's day(s) of action: its published local actions (for the public report
 * only the public ones) by country and by region (the organizing organization's region), and its
 * approved footage.
 */
@Service
public class DayOfActionReport {

    public static final int FEATURED_LIMIT = 12;

    /** A published action as the report lists and plots it (never the contact or an unpublished address). */
    public record ReportAction(long id, String title, String actionType, String country, String city, Instant startsAt,
                               String timeZone, Double latitude, Double longitude, Long regionId) {
    }

    /** A count under a key: a country code or a region id ({@code null} for actions without a region). */
    public record Count<K>(K key, int count) {
    }

    public record Figures(int actions, int countries, int regions, int footageApproved, int photos, int videos,
                          List<Count<String>> byCountry, List<Count<Long>> byRegion,
                          Map<String, List<ReportAction>> actionsByCountry, List<FootageItem> featured,
                          List<ReportAction> positioned) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory directory;

    DayOfActionReport(JdbcClient jdbc, MemberDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** @param publicOnly leave out actions visible to staff only (the public report of a closed campaign) */
    public Figures figures(Campaign campaign, boolean publicOnly) {
        Map<Long, Optional<Long>> regionOf = new java.util.HashMap<>();
        List<ReportAction> actions = jdbc.sql("""
                        SELECT id, title, action_type, country, city, starts_at, time_zone, latitude, longitude, organization_id
                          FROM local_action
                         WHERE campaign_id = :campaign AND status = 'PUBLISHED' AND (NOT :publicOnly OR visibility = 'PUBLIC')
                         ORDER BY country, starts_at, id""")
                .param("campaign", campaign.id()).param("publicOnly", publicOnly)
                .query((rs, row) -> {
                    Long organization = rs.getObject("organization_id", Long.class);
                    Long region = organization == null ? null : regionOf.computeIfAbsent(organization,
                            id -> directory.organization(id).map(MemberDirectory.MemberOrganization::regionId)).orElse(null);
                    return new ReportAction(rs.getLong("id"), rs.getString("title"), rs.getString("action_type"),
                            rs.getString("country"), rs.getString("city"),
                            rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("time_zone"),
                            rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class), region);
                }).list();
        Map<String, List<ReportAction>> byCountry = new TreeMap<>();
        Map<Long, Integer> byRegion = new LinkedHashMap<>();
        for (ReportAction action : actions) {
            byCountry.computeIfAbsent(action.country(), c -> new ArrayList<>()).add(action);
            byRegion.merge(action.regionId(), 1, Integer::sum);
        }
        List<Count<String>> countryCounts = byCountry.entrySet().stream()
                .map(e -> new Count<>(e.getKey(), e.getValue().size()))
                .sorted(Comparator.comparingInt((Count<String> c) -> -c.count()).thenComparing(Count::key)).toList();
        List<Count<Long>> regionCounts = byRegion.entrySet().stream().map(e -> new Count<>(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((Count<Long> c) -> -c.count())).toList();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, count(*) AS n FROM footage WHERE campaign_id = :campaign AND status = 'APPROVED' GROUP BY kind")
                .param("campaign", campaign.id())
                .query(rs -> {
                    kinds.put(rs.getString("kind"), rs.getInt("n"));
                });
        int photos = kinds.getOrDefault("PHOTO", 0);
        int videos = kinds.getOrDefault("VIDEO", 0);
        List<FootageItem> featured = jdbc.sql(FootageItem.SELECT + """
                         WHERE f.campaign_id = :campaign AND f.status = 'APPROVED' AND f.featured AND f.kind = 'PHOTO'
                         ORDER BY f.submitted_at DESC, f.id DESC LIMIT :limit""")
                .param("campaign", campaign.id()).param("limit", FEATURED_LIMIT).query(FootageItem::map).list();
        int regions = (int) byRegion.keySet().stream().filter(java.util.Objects::nonNull).count();
        return new Figures(actions.size(), byCountry.size(), regions, photos + videos, photos, videos, countryCounts,
                regionCounts, byCountry, featured,
                actions.stream().filter(a -> a.latitude() != null && a.longitude() != null).toList());
    }
}
