package org.convene.newsletter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who an edition goes to: subscribers in any of the languages, regions, topics and member
 * organizations listed (an empty list does not narrow). Stored as JSON in {@code edition.segment}.
 * Suppressed addresses and subscribers who are not SUBSCRIBED are never in a segment.
 */
public record Segment(List<String> languages, List<Long> regionIds, List<String> topics, List<Long> organizationIds) {

    public Segment {
        languages = languages == null ? List.of() : List.copyOf(languages);
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
        topics = topics == null ? List.of() : List.copyOf(topics);
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
    }

    public static Segment everyone() {
        return new Segment(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The condition on {@code subscriber s} for this segment, with its parameters: use as
     * {@code SELECT ... FROM subscriber s WHERE } + {@code where()}.
     */
    public String where() {
        List<String> conditions = new ArrayList<>(List.of("s.status = 'SUBSCRIBED'",
                "NOT EXISTS (SELECT 1 FROM suppression x WHERE x.email = lower(s.email))"));
        if (!languages.isEmpty()) {
            conditions.add("s.language = ANY (CAST(:segmentLanguages AS text[]))");
        }
        if (!regionIds.isEmpty()) {
            conditions.add("s.region_id = ANY (CAST(:segmentRegions AS bigint[]))");
        }
        if (!topics.isEmpty()) {
            conditions.add("s.topics && CAST(:segmentTopics AS text[])");
        }
        if (!organizationIds.isEmpty()) {
            conditions.add("s.organization_id = ANY (CAST(:segmentOrganizations AS bigint[]))");
        }
        return String.join(" AND ", conditions);
    }

    /** The parameters {@link #where()} names. */
    public Map<String, Object> params() {
        return Map.of("segmentLanguages", array(languages), "segmentRegions", array(regionIds), "segmentTopics", array(topics),
                "segmentOrganizations", array(organizationIds));
    }

    private static String array(List<?> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }
}
