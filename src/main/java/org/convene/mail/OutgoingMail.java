package org.convene.mail;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One e-mail to one recipient.
 *
 * @param headers     extra headers, such as {@code List-Unsubscribe}; names are header tokens and
 *                    values a single line, so no header can be smuggled into the message
 * @param attachments files sent with the text, such as a ticket's QR code (small: they are stored in the outbox)
 * @param html        an HTML alternative to the text (a newsletter), or null: the mail is then sent as
 *                    multipart/alternative with the text first
 */
public record OutgoingMail(String to, String subject, String text, Map<String, String> headers, List<Attachment> attachments,
                           String html) {

    /** A file sent with a mail; the name is plain (letters, digits, dot, dash, underscore). */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            if (fileName == null || !fileName.matches("[A-Za-z0-9._-]{1,100}") || contentType == null || content == null) {
                throw new IllegalArgumentException("An attachment needs a plain file name, a content type and content");
            }
        }
    }

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");

    public OutgoingMail {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
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

    public OutgoingMail(String to, String subject, String text, Map<String, String> headers, List<Attachment> attachments) {
        this(to, subject, text, headers, attachments, null);
    }

    /** A mail with a text and an HTML part. */
    public static OutgoingMail withHtml(String to, String subject, String text, String html, Map<String, String> headers) {
        return new OutgoingMail(to, subject, text, headers, List.of(), html);
    }

    public OutgoingMail(String to, String subject, String text, Map<String, String> headers) {
        this(to, subject, text, headers, List.of());
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, Map.of(), List.of());
    }
}
