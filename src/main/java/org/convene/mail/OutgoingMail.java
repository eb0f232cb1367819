package org.convene.mail;

import java.util.Map;

/**
 * One e-mail to one recipient.
 *
 * @param headers extra headers, such as {@code List-Unsubscribe}
 */
public record OutgoingMail(String to, String subject, String text, Map<String, String> headers) {

    public OutgoingMail {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, Map.of());
    }
}
