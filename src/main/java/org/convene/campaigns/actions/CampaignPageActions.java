package org.convene.campaigns.actions;

import java.util.Locale;
import org.convene.campaigns.internal.Campaign;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The map and figures of a campaign's actions on the campaign page: the model attributes the
 * {@code campaigns/actions-map :: figures} fragment and the map element need.
 */
@Component
public class CampaignPageActions {

    private final ActionMap map;
    private final ActionViews views;
    private final CampaignMapProperties mapProperties;

    CampaignPageActions(ActionMap map, ActionViews views, CampaignMapProperties mapProperties) {
        this.map = map;
        this.views = views;
        this.mapProperties = mapProperties;
    }

    public void addTo(Model model, Campaign campaign, Locale locale) {
        String base = "/campaigns/" + campaign.slug() + "/actions";
        model.addAttribute("figures", views.figures(map.figures(campaign.id(), ActionFilter.NONE), locale));
        model.addAttribute("mapUrl", base + "/map.json");
        model.addAttribute("figuresUrl", base + "/figures");
        model.addAttribute("tileUrl", mapProperties.hasTiles() ? mapProperties.tileUrl().strip() : "");
        model.addAttribute("attribution", mapProperties.attribution());
        model.addAttribute("refreshSeconds", views.isDayOfAction(campaign) ? Math.max(5, mapProperties.refresh().toSeconds()) : 0);
    }
}
