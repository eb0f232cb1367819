package org.convene.campaigns.web;

import org.convene.platform.limits.UploadForms;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ToolkitProperties.class)
class CampaignPagesConfiguration {

    /** A too-large cover or toolkit file comes back to the campaign form with {@code ?tooLarge}. */
    @Bean
    UploadForms campaignUploadForms() {
        return path -> path.matches("/admin/campaigns/\\d+/(cover|toolkit)");
    }
}
