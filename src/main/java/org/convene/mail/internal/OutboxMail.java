package org.convene.mail.internal;

import java.time.OffsetDateTime;
import java.util.Map;

/** A mail in the outbox as network admins see it; html is the HTML alternative, or null for a text-only mail. */
public record OutboxMail(long id, String recipient, String subject, String text, Map<String, String> headers,
                         String status, int attempts, String lastError, OffsetDateTime createdAt,
                         OffsetDateTime sentAt, OffsetDateTime nextAttempt, String html) {
}
