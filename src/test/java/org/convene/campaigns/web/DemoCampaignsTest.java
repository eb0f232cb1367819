package org.convene.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.Campaigns;
import org.convene.directory.DemoNetworkLoaded;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo network gets one open, fictional campaign in English, Spanish and Arabic. */
@ConveneTest
class DemoCampaignsTest {

    @Autowired
    DemoCampaigns demo;
    @Autowired
    Campaigns campaigns;

    @Test
    void theDemoNetworkGetsAnOpenCampaignInThreeLanguages() throws InterruptedException {
        demo.on(new DemoNetworkLoaded(0));
        // the listener runs asynchronously, as it does after the real event
        Campaign campaign = null;
        for (int i = 0; i < 100 && campaign == null; i++) {
            campaign = campaigns.list(false).stream().filter(c -> c.title().in("en").equals("Open Libraries Day")).findFirst().orElse(null);
            if (campaign == null) {
                Thread.sleep(100);
            }
        }
        assertThat(campaign).isNotNull();
        assertThat(campaign.isOpen()).isTrue();
        assertThat(campaign.languages()).contains("en", "es", "ar");
        assertThat(campaign.slogans()).hasSize(2).allSatisfy(s -> assertThat(s.values()).containsKeys("en", "es", "ar"));
        assertThat(campaign.actionTypes()).hasSize(2);
        assertThat(CampaignView.of(campaign, Locale.forLanguageTag("ar"), java.util.List.of()).title().dir()).isEqualTo("rtl");
    }
}
