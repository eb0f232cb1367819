package org.convene.mail;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One e-mail to one recipient.
 *
 * @param headers extra headers, such as {@code List-Unsubscribe}; names are header tokens and
 *                values a single line, so no header can be smuggled into the message
 */
public record OutgoingMail(String to, String subject, String text, Map<String, String> headers) {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");

    public OutgoingMail {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (to == null || to.isBlank() || to.contains("\r") || to.contains("\n")) {
            throw new IllegalArgumentException("A mail needs one recipient address on one line");
        }
        if (subject == null || text == null) {
            throw new IllegalArgumentException("A mail needs a subject and a text");
        }
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches() || value.contains("\r") || value.contains("\n")) {
                throw new IllegalArgumentException("Invalid mail header: " + name);
            }
        });
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, Map.of());
    }
}
