package org.convene.campaigns.actions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.convene.directory.MemberDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The map data and figures of a campaign's published public actions, per filter: built by one query,
 * serialized once (plain and gzipped) and kept while the campaign's map version stands. Every change
 * to an action bumps that version in its own transaction, so a request costs one primary-key lookup
 * while nothing changed, on every node.
 */
@Component
public class ActionMap {

    /** Short titles on the map; the full title is on the action's page. */
    static final int SHORT_TITLE = 60;
    private static final int MAX_ENTRIES = 512;

    public record Count(String key, long count) {
    }

    /** Counts by country (ISO code) and region (directory id), largest first; actions without an organization's region in noRegion. */
    public record Figures(long total, List<Count> byCountry, Map<Long, Long> byRegion, long noRegion) {
        public int countries() {
            return byCountry.size();
        }
    }

    /** One serialized map body; the ETag names the campaign, its map version and the filter. */
    public record Body(String etag, byte[] json, byte[] gzip, Figures figures) {
    }

    private record Key(long campaignId, String filter) {
    }

    private record Entry(long version, Body body) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory directory;
    private final TransactionTemplate snapshot;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    ActionMap(JdbcClient jdbc, MemberDirectory directory, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The current version of a campaign's actions (0 before the first). */
    public long version(long campaignId) {
        return jdbc.sql("SELECT version FROM local_action_map_version WHERE campaign_id = :campaign")
                .param("campaign", campaignId).query(Long.class).optional().orElse(0L);
    }

    public Body body(long campaignId, ActionFilter filter) {
        return body(campaignId, filter, version(campaignId));
    }

    /** The body for that version: from the cache, or built (once, while other callers of the same key wait). */
    Body body(long campaignId, ActionFilter filter, long version) {
        Key key = new Key(campaignId, filter.query());
        Entry entry = cache.get(key);
        if (entry != null && entry.version() >= version) {
            return entry.body();
        }
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        return cache.compute(key, (k, old) -> old != null && old.version() >= version ? old : build(campaignId, filter)).body();
    }

    public Figures figures(long campaignId, ActionFilter filter) {
        return body(campaignId, filter).figures();
    }

    /** The version and the rows read in one snapshot, so the version names exactly these rows. */
    private Entry build(long campaignId, ActionFilter filter) {
        return snapshot.execute(status -> {
            long version = version(campaignId);
            Map<Long, Long> regionOf = new HashMap<>();
            for (MemberDirectory.MemberOrganization o : directory.organizations()) {
                if (o.regionId() != null) {
                    regionOf.put(o.id(), o.regionId());
                }
            }
            StringBuilder actions = new StringBuilder(1 << 16);
            Map<String, Long> byCountry = new TreeMap<>();
            Map<Long, Long> byRegion = new HashMap<>();
            long[] counts = new long[2]; // total, without region
            jdbc.sql("SELECT id, latitude, longitude, action_type, left(title, " + SHORT_TITLE + ") AS short_title, country, organization_id, "
                            + "address_public FROM local_action WHERE campaign_id = :campaign AND status = 'PUBLISHED' AND visibility = 'PUBLIC' "
                            + "AND latitude IS NOT NULL" + filter.sql() + " ORDER BY id")
                    .param("campaign", campaignId).params(filter.params())
                    .query(rs -> {
                        boolean exact = rs.getBoolean("address_public");
                        double lat = rs.getDouble("latitude");
                        double lon = rs.getDouble("longitude");
                        if (counts[0] > 0) {
                            actions.append(',');
                        }
                        actions.append('[').append(rs.getLong("id")).append(',')
                                .append(exact ? round5(lat) : LocalAction.roundPublic(lat)).append(',')
                                .append(exact ? round5(lon) : LocalAction.roundPublic(lon)).append(",\"")
                                .append(rs.getString("action_type")).append("\",");
                        string(actions, rs.getString("short_title"));
                        actions.append(']');
                        counts[0]++;
                        byCountry.merge(rs.getString("country"), 1L, Long::sum);
                        long organization = rs.getLong("organization_id");
                        Long region = rs.wasNull() ? null : regionOf.get(organization);
                        if (region == null) {
                            counts[1]++;
                        } else {
                            byRegion.merge(region, 1L, Long::sum);
                        }
                    });
            List<Count> countries = new ArrayList<>();
            byCountry.forEach((code, n) -> countries.add(new Count(code, n)));
            countries.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
            Figures figures = new Figures(counts[0], List.copyOf(countries), Map.copyOf(byRegion), counts[1]);
            StringBuilder json = new StringBuilder(actions.length() + 4096);
            json.append("{\"version\":").append(version).append(",\"total\":").append(figures.total())
                    .append(",\"countries\":").append(figures.countries()).append(",\"byCountry\":{");
            for (int i = 0; i < countries.size(); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(countries.get(i).key()).append("\":").append(countries.get(i).count());
            }
            json.append("},\"byRegion\":{");
            int i = 0;
            for (var region : byRegion.entrySet()) {
                json.append(i++ == 0 ? "" : ",").append('"').append(region.getKey()).append("\":").append(region.getValue());
            }
            json.append("},\"noRegion\":").append(figures.noRegion()).append(",\"actions\":[").append(actions).append("]}");
            byte[] plain = json.toString().getBytes(StandardCharsets.UTF_8);
            String etag = "\"a" + campaignId + "-" + version + "-" + Integer.toHexString(filter.query().hashCode()) + "\"";
            return new Entry(version, new Body(etag, plain, gzip(plain), figures));
        });
    }

    private static double round5(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
