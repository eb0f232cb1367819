package org.convene.publishing.signon;

import java.text.Collator;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.directory.MemberDirectory;
import org.convene.publishing.internal.Publication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the sign-on fragments ({@code publishing/signon-fragments :: endorsements} and {@code :: forms})
 * need, as one model attribute {@code signon} (a {@link View}) plus the two form objects
 * {@code organizationForm} and {@code individualForm}. The statement page embeds them with
 * {@link #addTo}; for an anonymous reader nothing in them is personal (no CSRF token, no session).
 */
@Component
public class SignOnPages {

    public static final int INDIVIDUALS_PER_PAGE = 50;

    public record Endorser(long id, String name, String affiliation, String country, String countryName, String website,
                           Instant verifiedAt, boolean member) {
    }

    public record CountryGroup(String code, String name, List<Endorser> organizations) {
    }

    /** A region of the directory, or "other" (name null) for countries no single region claims. */
    public record RegionGroup(String name, int count, List<CountryGroup> countries) {
    }

    public record Counts(int organizations, int countries, int individuals) {
    }

    public record Option(String code, String name) {
    }

    /** An organization the signed-in staff member may endorse for, and whether it already has. */
    public record MemberChoice(long id, String name, boolean endorsed) {
    }

    /**
     * @param standalone true on the sign-on page itself (its forms carry the CSRF token); false when
     *                   embedded in the public statement page (a script fetches the token when a form is used)
     * @param order      "newest" or "name"
     */
    public record View(long statementId, String slug, String title, String titleLanguage, SignOnSettings settings, boolean accepting,
                       boolean deadlinePassed, String closesAt, List<RegionGroup> regions, Counts counts, List<Endorser> individuals,
                       int page, int pages, String order, List<Option> countries, List<MemberChoice> memberChoices, boolean standalone) {

        public boolean hasEndorsements() {
            return counts.organizations() > 0 || counts.individuals() > 0;
        }
    }

    private final SignOn signOn;
    private final MemberDirectory directory;
    private final StatementTitles titles;

    SignOnPages(SignOn signOn, MemberDirectory directory, StatementTitles titles) {
        this.signOn = signOn;
        this.directory = directory;
        this.titles = titles;
    }

    /** Puts {@code signon}, {@code organizationForm} and {@code individualForm} into the model (keeping forms already there). */
    public void addTo(Model model, Publication statement, Locale locale, String order, int page, boolean standalone) {
        model.addAttribute("signon", view(statement, locale, order, page, standalone));
        if (!model.containsAttribute("organizationForm")) {
            model.addAttribute("organizationForm", new OrganizationSignOnForm());
        }
        if (!model.containsAttribute("individualForm")) {
            model.addAttribute("individualForm", new IndividualSignOnForm());
        }
    }

    public View view(Publication statement, Locale locale, String order, int page, boolean standalone) {
        boolean byName = "name".equals(order);
        Instant now = Instant.now();
        SignOnSettings settings = signOn.settings(statement.id());
        List<Endorsement> organizations = signOn.shownOrganizations(statement.id());
        int individualCount = signOn.shownIndividualCount(statement.id());
        int pages = Math.max(1, (individualCount + INDIVIDUALS_PER_PAGE - 1) / INDIVIDUALS_PER_PAGE);
        int current = Math.min(Math.max(page, 1), pages);
        List<Endorser> individuals = signOn.shownIndividuals(statement.id(), byName, (current - 1) * INDIVIDUALS_PER_PAGE,
                INDIVIDUALS_PER_PAGE).stream().map(e -> endorser(e, locale)).toList();
        Set<String> countries = new HashSet<>();
        organizations.forEach(e -> countries.add(e.country()));
        StatementTitles.Title title = titles.of(statement, locale);
        String closesAt = settings.closesAt() == null ? null
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                        .format(settings.closesAt().atZone(settings.timeZone())) + " (" + settings.timeZone().getId() + ")";
        return new View(statement.id(), statement.slug(), title.text(), title.language(), settings, settings.accepting(now),
                settings.deadlinePassed(now), closesAt, group(organizations, locale, byName),
                new Counts(organizations.size(), countries.size(), individualCount), individuals, current, pages, byName ? "name" : "newest",
                countryOptions(locale), memberChoices(statement.id()), standalone);
    }

    /**
     * Organizations by region (in the directory's order, "other" last), then by country name. A member's
     * region is its directory region; another organization's is the region of the member organizations
     * of its country when they all share one, else "other".
     */
    List<RegionGroup> group(List<Endorsement> organizations, Locale locale, boolean byName) {
        List<MemberDirectory.MemberOrganization> members = directory.organizations();
        Map<Long, Long> memberRegion = new HashMap<>();
        Map<String, Set<Long>> countryRegions = new HashMap<>();
        for (MemberDirectory.MemberOrganization m : members) {
            if (m.regionId() != null) {
                memberRegion.put(m.id(), m.regionId());
            }
            countryRegions.computeIfAbsent(m.country(), c -> new HashSet<>()).add(m.regionId());
        }
        Map<Long, String> regionNames = new LinkedHashMap<>();
        directory.regions().forEach(r -> regionNames.put(r.id(), r.name().in(locale)));
        Collator collator = Collator.getInstance(locale);
        Map<Long, Map<String, List<Endorser>>> byRegion = new HashMap<>();
        for (Endorsement e : organizations) {
            Long region = e.kind() == EndorsementKind.MEMBER ? memberRegion.get(e.organizationId()) : null;
            if (e.kind() != EndorsementKind.MEMBER) {
                Set<Long> candidates = countryRegions.getOrDefault(e.country(), Set.of());
                region = candidates.size() == 1 ? candidates.iterator().next() : null;
            }
            if (region != null && !regionNames.containsKey(region)) {
                region = null;
            }
            byRegion.computeIfAbsent(region == null ? -1L : region, r -> new TreeMap<>())
                    .computeIfAbsent(e.country(), c -> new ArrayList<>()).add(endorser(e, locale));
        }
        List<RegionGroup> groups = new ArrayList<>();
        List<Long> order = new ArrayList<>(regionNames.keySet());
        order.add(-1L);
        for (Long region : order) {
            Map<String, List<Endorser>> countries = byRegion.get(region);
            if (countries == null) {
                continue;
            }
            List<CountryGroup> countryGroups = countries.entrySet().stream()
                    .map(c -> new CountryGroup(c.getKey(), countryName(c.getKey(), locale),
                            byName ? c.getValue().stream().sorted(Comparator.comparing(Endorser::name, collator)).toList() : c.getValue()))
                    .sorted(Comparator.comparing(CountryGroup::name, collator)).toList();
            groups.add(new RegionGroup(region == -1L ? null : regionNames.get(region),
                    countryGroups.stream().mapToInt(c -> c.organizations().size()).sum(), countryGroups));
        }
        return groups;
    }

    /** The organizations the signed-in staff member may endorse for: their own for an organization admin, any for a network admin. */
    List<MemberChoice> memberChoices(long statementId) {
        StaffMember staff = CurrentStaff.get().orElse(null);
        if (staff == null) {
            return List.of();
        }
        List<MemberDirectory.MemberOrganization> organizations;
        if (staff.isNetworkAdmin()) {
            organizations = directory.organizations();
        } else if (staff.organizationId() != null && staff.canAdministerOrganization(staff.organizationId())) {
            organizations = directory.organization(staff.organizationId()).stream().toList();
        } else {
            return List.of();
        }
        Set<Long> endorsed = signOn.endorsingMembers(statementId);
        return organizations.stream().map(o -> new MemberChoice(o.id(), o.name(), endorsed.contains(o.id()))).toList();
    }

    private static final Map<String, List<Option>> COUNTRY_OPTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every ISO 3166 country by its name in the reader's language (computed once per language). */
    static List<Option> countryOptions(Locale locale) {
        return COUNTRY_OPTIONS.computeIfAbsent(locale.getLanguage(), language -> {
            Collator collator = Collator.getInstance(locale);
            return java.util.Arrays.stream(Locale.getISOCountries()).map(c -> new Option(c, countryName(c, locale)))
                    .sorted(Comparator.comparing(Option::name, collator)).toList();
        });
    }

    static String countryName(String code, Locale locale) {
        return Locale.of("", code).getDisplayCountry(locale);
    }

    private static Endorser endorser(Endorsement e, Locale locale) {
        return new Endorser(e.id(), e.name(), e.affiliation(), e.country(), countryName(e.country(), locale), e.website(), e.verifiedAt(),
                e.kind() == EndorsementKind.MEMBER);
    }
}
