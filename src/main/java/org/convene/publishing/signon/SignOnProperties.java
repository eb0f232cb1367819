package org.convene.publishing.signon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param submissionsPerMinute anonymous sign-on submissions (forms and API) accepted per client address and minute on each node
 * @param confirmationLinksLast how long an individual's e-mail confirmation link works
 */
@ConfigurationProperties("convene.publishing.sign-on")
public record SignOnProperties(@DefaultValue("10") int submissionsPerMinute, @DefaultValue("P7D") Duration confirmationLinksLast) {
}
