package org.convene.mail.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail delivery. The SMTP server itself is Spring Boot's {@code spring.mail.host}, {@code port},
 * {@code username}, {@code password}; without a host, mails are held for the Outbox page.
 *
 * @param from             the sender of every mail
 * @param maxAttempts      delivery attempts before a mail is marked failed
 * @param retryDelay       wait after the first failed attempt; it doubles after each further failure
 * @param deliveryInterval how often the delivery job looks for mails to send
 * @param batchSize        at most this many mails per run of the delivery job
 */
@ConfigurationProperties("convene.mail")
public record MailProperties(
        @DefaultValue("Convene <convene@localhost>") String from,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration retryDelay,
        @DefaultValue("5s") Duration deliveryInterval,
        @DefaultValue("50") int batchSize) {
}
