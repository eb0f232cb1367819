package org.convene.campaigns.gallery;

import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public gallery of a campaign (open or closed, never a draft): approved footage only. */
@Controller
class GalleryController {

    private final Campaigns campaigns;
    private final Gallery gallery;
    private final FootageViews views;

    GalleryController(Campaigns campaigns, Gallery gallery, FootageViews views) {
        this.campaigns = campaigns;
        this.gallery = gallery;
        this.views = views;
    }

    @PermitAll
    @GetMapping("/campaigns/{slug}/gallery")
    String gallery(@PathVariable String slug, @RequestParam(required = false) String page,
                   @RequestParam(required = false) String action, Model model, Locale locale) {
        Campaign campaign = publicCampaign(campaigns, slug);
        Long actionId = number(action);
        Gallery.Page found = gallery.page(campaign.id(), actionId, (int) Math.min(Integer.MAX_VALUE, numberOr(page, 1)), Gallery.PAGE_SIZE);
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("campaignTitleLang", campaign.title().languageShownFor(locale));
        model.addAttribute("result", found);
        model.addAttribute("items", views.of(found.items(), campaign, locale));
        model.addAttribute("actions", gallery.actionsWithFootage(campaign.id()));
        model.addAttribute("action", actionId);
        return "campaigns/gallery-public";
    }

    @PermitAll
    @GetMapping("/campaigns/{slug}/gallery/{id}")
    String one(@PathVariable String slug, @PathVariable long id, Model model, Locale locale) {
        Campaign campaign = publicCampaign(campaigns, slug);
        FootageItem footage = gallery.approved(campaign.id(), id).orElseThrow(() -> new NotFoundException("No such footage"));
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("campaignTitleLang", campaign.title().languageShownFor(locale));
        model.addAttribute("f", views.of(footage, campaign, locale));
        return "campaigns/gallery-detail";
    }

    static Campaign publicCampaign(Campaigns campaigns, String slug) {
        return campaigns.findBySlug(slug).filter(c -> c.status() != CampaignStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("No such campaign"));
    }

    private static Long number(String value) {
        if (value == null || !value.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(value.strip());
    }

    private static long numberOr(String value, long otherwise) {
        Long number = number(value);
        return number == null ? otherwise : number;
    }
}
