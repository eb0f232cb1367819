package org.convene.campaigns.gallery;

import java.util.Locale;
import org.convene.campaigns.internal.Campaign;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The gallery strip on the campaign page: the attribute the {@code campaigns/gallery-fragments :: strip} fragment needs. */
@Component
public class CampaignPageGallery {

    private final Gallery gallery;
    private final FootageViews views;

    CampaignPageGallery(Gallery gallery, FootageViews views) {
        this.gallery = gallery;
        this.views = views;
    }

    public void addTo(Model model, Campaign campaign, Locale locale) {
        model.addAttribute("galleryStrip", views.of(gallery.strip(campaign.id()), campaign, locale));
    }
}
