package org.convene.campaigns.actions;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.convene.campaigns.internal.ActionType;
import org.convene.directory.MemberDirectory;
import org.convene.platform.web.InvalidInputException.FieldProblem;

/**
 * The filters of the map, the list and the API: a type, a country and a region (the organizing
 * organization's region in the directory). Null means any.
 *
 * @param regionOrganizations the member organizations of the region (when one is chosen)
 */
public record ActionFilter(ActionType type, String country, String region, Set<Long> regionOrganizations) {

    public static final ActionFilter NONE = new ActionFilter(null, null, null, null);

    public record Parsed(ActionFilter filter, List<FieldProblem> problems) {
    }

    /** The filters as given in a query string; unknown values are problems naming the parameter. */
    public static Parsed parse(String type, String country, String region, Countries countries, MemberDirectory directory) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        ActionType chosenType = null;
        if (type != null && !type.isBlank()) {
            try {
                chosenType = ActionType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("type", "campaigns.actions.filter.unknown-type", "Unknown type of action."));
            }
        }
        String chosenCountry = null;
        if (country != null && !country.isBlank()) {
            chosenCountry = countries.code(country).orElse(null);
            if (chosenCountry == null) {
                problems.add(new FieldProblem("country", "campaigns.actions.error.country", "Choose a country from the list."));
            }
        }
        String chosenRegion = null;
        Set<Long> organizations = null;
        if (region != null && !region.isBlank()) {
            var found = directory.regions().stream().filter(r -> r.slug().equals(region.strip())).findFirst();
            if (found.isEmpty()) {
                problems.add(new FieldProblem("region", "campaigns.actions.filter.unknown-region", "Unknown region."));
            } else {
                chosenRegion = found.get().slug();
                long regionId = found.get().id();
                organizations = directory.organizations().stream().filter(o -> o.regionId() != null && o.regionId() == regionId)
                        .map(MemberDirectory.MemberOrganization::id).collect(Collectors.toUnmodifiableSet());
            }
        }
        return new Parsed(new ActionFilter(chosenType, chosenCountry, chosenRegion, organizations), problems);
    }

    /** The extra conditions, ANDed after the campaign's. */
    String sql() {
        StringBuilder sql = new StringBuilder();
        if (type != null) {
            sql.append(" AND action_type = :filterType");
        }
        if (country != null) {
            sql.append(" AND country = :filterCountry");
        }
        if (regionOrganizations != null) {
            sql.append(regionOrganizations.isEmpty() ? " AND false" : " AND organization_id IN (:filterOrganizations)");
        }
        return sql.toString();
    }

    Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            params.put("filterType", type.name());
        }
        if (country != null) {
            params.put("filterCountry", country);
        }
        if (regionOrganizations != null && !regionOrganizations.isEmpty()) {
            params.put("filterOrganizations", List.copyOf(regionOrganizations));
        }
        return params;
    }

    /** The query string of these filters ("" for none), for links and the cache. */
    public String query() {
        StringBuilder query = new StringBuilder();
        if (type != null) {
            query.append("&type=").append(type.name());
        }
        if (country != null) {
            query.append("&country=").append(country);
        }
        if (region != null) {
            query.append("&region=").append(java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8));
        }
        return query.isEmpty() ? "" : query.substring(1);
    }
}
