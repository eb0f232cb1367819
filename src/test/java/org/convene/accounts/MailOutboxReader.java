package org.convene.accounts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the mails the application queued in the outbox, and the links in them. */
final class MailOutboxReader {

    record Mail(String recipient, String subject, String text) {
        /** The path of the first link to this Convene in the mail, e.g. {@code /password-reset/abc}. */
        String linkPath(String prefix) {
            Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]+)").matcher(text);
            if (!m.find()) {
                throw new AssertionError("No " + prefix + " link in: " + text);
            }
            return m.group(1);
        }
    }

    private MailOutboxReader() {
    }

    static java.util.List<Mail> to(JdbcClient jdbc, String recipient) {
        return jdbc.sql("SELECT recipient, subject, body_text FROM mail_outbox WHERE lower(recipient) = lower(:to) ORDER BY id")
                .param("to", recipient)
                .query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    static Mail last(JdbcClient jdbc, String recipient) {
        var mails = to(jdbc, recipient);
        if (mails.isEmpty()) {
            throw new AssertionError("No mail to " + recipient);
        }
        return mails.getLast();
    }
}
