package org.convene.newsletter.editions;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers no partner-media items: used while no other {@link PartnerRoundupSource} (the newsroom's) is a bean. */
@Configuration(proxyBeanMethods = false)
class NoPartnerItems {

    @Bean
    @ConditionalOnMissingBean(PartnerRoundupSource.class)
    PartnerRoundupSource emptyPartnerRoundupSource() {
        return new PartnerRoundupSource() {
            @Override
            public List<PartnerItem> items(List<Long> ids) {
                return List.of();
            }

            @Override
            public List<PartnerItem> recent(int limit) {
                return List.of();
            }
        };
    }
}
