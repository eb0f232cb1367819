package org.convene.campaigns.actions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.directory.MemberDirectory;
import org.convene.platform.web.NotFoundException;
import org.springframework.stereotype.Component;

/** What the pages show of actions and figures: dates in the action's time zone, names in the reader's language. */
@Component
class ActionViews {

    record ActionView(LocalAction action, String when, String whenIso, String countryName, String organization) {
    }

    record NamedCount(String name, long count) {
    }

    record FiguresView(long total, int countries, List<NamedCount> byCountry, List<NamedCount> byRegion, long noRegion) {
    }

    private final Countries countries;
    private final MemberDirectory directory;
    private final Campaigns campaigns;

    ActionViews(Countries countries, MemberDirectory directory, Campaigns campaigns) {
        this.countries = countries;
        this.directory = directory;
        this.campaigns = campaigns;
    }

    /** A campaign the public may see: not a draft. */
    Campaign publicCampaign(String slug) {
        return campaigns.findBySlug(slug).filter(c -> c.status() != CampaignStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("No such campaign"));
    }

    Campaign campaign(String slug) {
        return campaigns.findBySlug(slug).orElseThrow(() -> new NotFoundException("No such campaign"));
    }

    boolean isDayOfAction(Campaign campaign) {
        return campaign.isDayOfAction(LocalDate.now(campaign.zone()));
    }

    ActionView view(LocalAction action, Locale locale) {
        var at = action.startsAt().atZone(action.zone());
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(at.toLocalDateTime()) + " (" + action.zone().getId() + ")";
        String organization = action.organizationId() == null ? null
                : directory.organization(action.organizationId()).map(MemberDirectory.MemberOrganization::name).orElse(null);
        return new ActionView(action, when, at.toOffsetDateTime().toString(), countries.name(action.country(), locale), organization);
    }

    List<ActionView> views(List<LocalAction> actions, Locale locale) {
        return actions.stream().map(a -> view(a, locale)).toList();
    }

    FiguresView figures(ActionMap.Figures figures, Locale locale) {
        Map<Long, String> regionNames = directory.regions().stream()
                .collect(Collectors.toMap(MemberDirectory.DirectoryRegion::id, r -> r.name().in(locale)));
        List<NamedCount> byCountry = figures.byCountry().stream()
                .map(c -> new NamedCount(countries.name(c.key(), locale), c.count())).toList();
        List<NamedCount> byRegion = new ArrayList<>();
        figures.byRegion().forEach((id, n) -> byRegion.add(new NamedCount(regionNames.getOrDefault(id, "#" + id), n)));
        byRegion.sort(java.util.Comparator.comparingLong(NamedCount::count).reversed().thenComparing(NamedCount::name));
        return new FiguresView(figures.total(), figures.countries(), byCountry, byRegion, figures.noRegion());
    }

    List<Countries.Country> countryChoices(Locale locale) {
        return countries.all(locale);
    }

    List<MemberDirectory.DirectoryRegion> regions() {
        return directory.regions();
    }

    MemberDirectory directory() {
        return directory;
    }

    List<MemberDirectory.MemberOrganization> organizations() {
        return directory.organizations();
    }
}
