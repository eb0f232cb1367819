package org.convene.campaigns.gallery;

import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.directory.MemberDirectory;
import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The day-of-action report: for staff at any time; for everyone once the campaign is closed (then
 * with the public actions only). A print stylesheet makes "Print to PDF" give a clean document.
 */
@Controller
class ReportController {

    /** A point of the static map (labelled with its country code): equirectangular, x = longitude + 180, y = 90 - latitude, in a 360 x 180 box. */
    public record MapPoint(double x, double y, String country) {
        public double labelX() {
            return round(x + 3);
        }

        public double labelY() {
            return round(y - 2);
        }
    }

    public record CountRow(String name, int count) {
    }

    public record ActionRow(String title, String type, String city, String when) {
    }

    private final Campaigns campaigns;
    private final DayOfActionReport report;
    private final MemberDirectory directory;
    private final FootageViews views;

    ReportController(Campaigns campaigns, DayOfActionReport report, MemberDirectory directory, FootageViews views) {
        this.campaigns = campaigns;
        this.report = report;
        this.directory = directory;
        this.views = views;
    }

    @PreAuthorize("@galleryAccess.isStaff()")
    @GetMapping("/admin/campaigns/{slug}/report")
    String staffReport(@PathVariable String slug, Model model, Locale locale) {
        Campaign campaign = campaigns.findBySlug(slug).orElseThrow(() -> new NotFoundException("No such campaign"));
        return show(campaign, false, model, locale);
    }

    @PermitAll
    @GetMapping("/campaigns/{slug}/report")
    String publicReport(@PathVariable String slug, Model model, Locale locale) {
        Campaign campaign = campaigns.findBySlug(slug).filter(c -> c.status() == CampaignStatus.CLOSED)
                .orElseThrow(() -> new NotFoundException("No such report"));
        return show(campaign, true, model, locale);
    }

    private String show(Campaign campaign, boolean publicOnly, Model model, Locale locale) {
        DayOfActionReport.Figures figures = report.figures(campaign, publicOnly);
        Map<Long, String> regionNames = directory.regions().stream()
                .collect(Collectors.toMap(MemberDirectory.DirectoryRegion::id, r -> r.name().in(locale)));
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        Map<String, List<ActionRow>> actionsByCountry = new LinkedHashMap<>();
        figures.actionsByCountry().forEach((country, actions) -> actionsByCountry.put(countryName(country, locale),
                actions.stream().map(a -> new ActionRow(a.title(), a.actionType(), a.city(),
                        time.format(a.startsAt().atZone(java.time.ZoneId.of(a.timeZone()))))).toList()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("campaignTitleLang", campaign.title().languageShownFor(locale));
        model.addAttribute("days", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(campaign.firstDay())
                + (campaign.lastDay().equals(campaign.firstDay()) ? ""
                : " – " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(campaign.lastDay())));
        model.addAttribute("figures", figures);
        model.addAttribute("byCountry", figures.byCountry().stream()
                .map(c -> new CountRow(countryName(c.key(), locale), c.count())).toList());
        model.addAttribute("byRegion", figures.byRegion().stream()
                .map(c -> new CountRow(c.key() == null ? null : regionNames.getOrDefault(c.key(), "#" + c.key()), c.count())).toList());
        model.addAttribute("actionsByCountry", actionsByCountry);
        model.addAttribute("featured", views.of(figures.featured(), campaign, locale));
        model.addAttribute("points", figures.positioned().stream()
                .map(a -> new MapPoint(round(a.longitude() + 180), round(90 - a.latitude()), a.country())).toList());
        model.addAttribute("publicReport", publicOnly);
        return "campaigns/report-day";
    }

    static String countryName(String code, Locale locale) {
        String name = Locale.of("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
