package org.convene.newsletter.editions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EditionsProperties.class)
class EditionsConfiguration {
}
