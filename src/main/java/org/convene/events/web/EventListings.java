package org.convene.events.web;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.convene.directory.MemberDirectory;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.Events;
import org.convene.events.internal.Readership;
import org.convene.events.internal.Refusals;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The filters of the public list and of the API's list, as given in the query string. Each value
 * that means nothing (an unknown region, a month that is not YYYY-MM) becomes a problem for its
 * field: the page shows it beside the field and lists without that filter, the API refuses it.
 */
@Component
class EventListings {

    /** The query string as given; blank means no filter. */
    record Filters(String when, String region, String organization, String format, String month, String page) {

        Filters {
            when = clean(when);
            region = clean(region);
            organization = clean(organization);
            format = clean(format);
            month = clean(month);
            page = clean(page);
        }

        private static String clean(String value) {
            return value == null ? "" : value.strip();
        }

        boolean past() {
            return "past".equalsIgnoreCase(when);
        }
    }

    /** One page of the list; {@code more} when a next page exists. */
    record Page(List<Event> events, int number, boolean more, List<FieldProblem> problems, Long organizationId) {

        /** The problem's message per field, for the page. */
        Map<String, String> errors() {
            return problems.stream().collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a));
        }
    }

    private final Events events;
    private final MemberDirectory directory;
    private final Refusals refusals;

    EventListings(Events events, MemberDirectory directory, Refusals refusals) {
        this.events = events;
        this.directory = directory;
        this.refusals = refusals;
    }

    /** The page of events these filters select for this reader, leaving out the filters that have problems. */
    Page find(Filters filters, Readership readership, int pageSize) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!filters.when().isEmpty() && !filters.past() && !"upcoming".equalsIgnoreCase(filters.when())) {
            problems.add(problem("when", "events.filter.when.unknown"));
        }
        Set<Long> regionOrganizations = null;
        if (!filters.region().isEmpty()) {
            Optional<MemberDirectory.DirectoryRegion> region = directory.regions().stream()
                    .filter(r -> r.slug().equalsIgnoreCase(filters.region())).findFirst();
            if (region.isEmpty()) {
                problems.add(problem("region", "events.filter.region.unknown"));
            } else {
                long regionId = region.get().id();
                regionOrganizations = directory.organizations().stream().filter(o -> Long.valueOf(regionId).equals(o.regionId()))
                        .map(MemberDirectory.MemberOrganization::id).collect(Collectors.toSet());
            }
        }
        Long organizationId = null;
        if (!filters.organization().isEmpty()) {
            Optional<MemberDirectory.MemberOrganization> organization = filters.organization().matches("\\d{1,18}")
                    ? directory.organization(Long.parseLong(filters.organization()))
                    : directory.organizationBySlug(filters.organization().toLowerCase(Locale.ROOT));
            if (organization.isEmpty()) {
                problems.add(problem("organization", "events.filter.organization.unknown"));
            } else {
                organizationId = organization.get().id();
            }
        }
        EventFormat format = null;
        if (!filters.format().isEmpty()) {
            try {
                format = EventFormat.valueOf(filters.format().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException unknown) {
                problems.add(problem("format", "events.filter.format.unknown"));
            }
        }
        YearMonth month = null;
        if (!filters.month().isEmpty()) {
            month = month(filters.month());
            if (month == null) {
                problems.add(problem("month", "events.filter.month.invalid"));
            }
        }
        int page = 1;
        if (!filters.page().isEmpty()) {
            if (filters.page().matches("\\d{1,4}") && Integer.parseInt(filters.page()) >= 1) {
                page = Integer.parseInt(filters.page());
            } else {
                problems.add(problem("page", "events.filter.page.invalid"));
            }
        }
        List<Event> found = events.list(new Events.Listing(filters.past(), regionOrganizations, organizationId, format, month,
                readership, (page - 1) * pageSize, pageSize + 1));
        boolean more = found.size() > pageSize;
        return new Page(more ? found.subList(0, pageSize) : found, page, more, problems, organizationId);
    }

    /** A month written YYYY-MM between the years 1900 and 2999, or null. */
    static YearMonth month(String value) {
        if (!value.matches("(19|2\\d)\\d\\d-\\d\\d")) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private FieldProblem problem(String field, String code) {
        return new FieldProblem(field, code, refusals.text(code));
    }
}
