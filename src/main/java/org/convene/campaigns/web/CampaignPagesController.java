package org.convene.campaigns.web;

import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.convene.accounts.StaffAccess;
import org.convene.campaigns.actions.CampaignPageActions;
import org.convene.campaigns.gallery.CampaignPageGallery;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.Campaigns;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public campaign pages: the list of open and closed campaigns and each campaign's page (drafts
 * only for network staff), and its toolkit files as downloads.
 */
@Controller
class CampaignPagesController {

    /** A language the campaign's page exists in, with its address. */
    public record Alternate(String lang, String name, String href) {
    }

    private final Campaigns campaigns;
    private final ToolkitFiles toolkit;
    private final StaffAccess staffAccess;
    private final PlatformProperties platform;
    private final CampaignPageActions actions;
    private final CampaignPageGallery gallery;

    CampaignPagesController(Campaigns campaigns, ToolkitFiles toolkit, StaffAccess staffAccess, PlatformProperties platform,
                            CampaignPageActions actions, CampaignPageGallery gallery) {
        this.actions = actions;
        this.gallery = gallery;
        this.campaigns = campaigns;
        this.toolkit = toolkit;
        this.staffAccess = staffAccess;
        this.platform = platform;
    }

    @PermitAll
    @GetMapping("/campaigns")
    String list(Model model, Locale locale) {
        List<CampaignView> all = campaigns.list(false).stream().map(c -> CampaignView.summary(c, locale)).toList();
        model.addAttribute("openCampaigns", all.stream().filter(v -> v.campaign().isOpen()).toList());
        model.addAttribute("closedCampaigns", all.stream().filter(v -> !v.campaign().isOpen()).toList());
        return "campaigns/campaign-list";
    }

    @PermitAll
    @GetMapping("/campaigns/{slug}")
    String page(@PathVariable String slug, Model model, Locale locale) {
        Campaign campaign = visible(slug);
        String pageUrl = platform.link("/campaigns/" + campaign.slug());
        model.addAttribute("view", CampaignView.of(campaign, locale, toolkit.of(campaign.id())));
        model.addAttribute("campaign", campaign);
        actions.addTo(model, campaign, locale);
        gallery.addTo(model, campaign, locale);
        model.addAttribute("pageUrl", pageUrl);
        model.addAttribute("coverUrl", campaign.coverImage() == null ? null : platform.link("/media/" + campaign.coverImage()));
        model.addAttribute("alternates", campaign.languages().stream()
                .map(l -> new Alternate(l, Languages.nativeName(l), pageUrl + "?lang=" + l)).toList());
        return "campaigns/campaign-page";
    }

    @PermitAll
    @GetMapping("/campaigns/{slug}/toolkit/{name}")
    ResponseEntity<Resource> toolkitFile(@PathVariable String slug, @PathVariable String name) {
        Campaign campaign = visible(slug);
        ToolkitFiles.Stored stored = toolkit.find(campaign.id(), name).orElseThrow(() -> new NotFoundException("No such file"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.file().contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(stored.file().downloadName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(new FileSystemResource(stored.path()));
    }

    /** The campaign, unless it is a draft and the reader is not network staff: then there is no such page. */
    private Campaign visible(String slug) {
        return campaigns.findBySlug(slug)
                .filter(c -> !c.isDraft() || staffAccess.isNetworkAdmin())
                .orElseThrow(() -> new NotFoundException("No such campaign"));
    }
}
