package org.convene.newsletter.sending;

import jakarta.mail.MessagingException;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One long-lived SMTP connection reused for many messages, which commits each message's release
 * before the final dot of DATA (see {@link ReleasingTransport}). It reconnects after a failure and
 * after sitting idle (servers close idle connections).
 */
final class SmtpConnection implements AutoCloseable {

    /** A message the server refused or could not take; {@code permanent} for a 5xx reply; {@code released} if the dot had been sent. */
    static final class Refused extends Exception {
        final boolean permanent;
        final boolean released;

        Refused(String reply, boolean permanent, boolean released, Throwable cause) {
            super(reply, cause);
            this.permanent = permanent;
            this.released = released;
        }
    }

    /** The connection could not be opened: nothing was handed to the server. */
    static final class Unavailable extends Exception {
        Unavailable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final Duration MAX_IDLE = Duration.ofSeconds(20);

    private final JavaMailSenderImpl settings;
    private ReleasingTransport transport;
    private long lastUse;

    SmtpConnection(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    /** Opens the connection if it is not open (or was idle too long). */
    void open() throws Unavailable {
        if (transport != null && System.nanoTime() - lastUse > MAX_IDLE.toNanos()) {
            close();
        }
        if (transport == null) {
            String user = settings.getUsername() == null || settings.getUsername().isEmpty() ? null : settings.getUsername();
            String password = user == null ? null : settings.getPassword();
            boolean ssl = "smtps".equals(settings.getProtocol());
            ReleasingTransport t = new ReleasingTransport(settings.getSession(),
                    new URLName(ssl ? "smtps" : "smtp", settings.getHost(), settings.getPort(), null, user, password), ssl);
            try {
                t.connect(settings.getHost(), settings.getPort(), user, password);
            } catch (MessagingException | RuntimeException e) {
                throw new Unavailable(e);
            }
            transport = t;
        }
        lastUse = System.nanoTime();
    }

    /**
     * Sends one message, committing {@code release} just before the final dot; returns normally only
     * on the server's 250. A {@link ReleasingTransport.NotReleased} means the release could not be
     * committed and the message was not sent.
     */
    void send(MimeMessage message, ReleasingTransport.Release release) throws Refused, ReleasingTransport.NotReleased {
        boolean[] released = {false};
        transport.releaseWith(() -> {
            release.commit();
            released[0] = true;
        });
        try {
            transport.sendMessage(message, message.getAllRecipients());
            lastUse = System.nanoTime();
        } catch (MessagingException | RuntimeException e) {
            int code = replyCode(e);
            // after a refusal Jakarta Mail resets the session; after anything else start afresh
            if (code == 0) {
                close();
            }
            ReleasingTransport.NotReleased notReleased = notReleased(e);
            if (notReleased != null) {
                throw notReleased;
            }
            throw new Refused(describe(e), code >= 500, released[0], e);
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // the connection is gone either way
            }
            transport = null;
        }
    }

    /** The SMTP reply code in the exception (MAIL, RCPT or DATA refused), 0 for connection problems. */
    static int replyCode(Throwable e) {
        Throwable carrier = carrier(e);
        if (carrier instanceof SMTPAddressFailedException f) {
            return f.getReturnCode();
        }
        if (carrier instanceof SMTPSendFailedException f) {
            return f.getReturnCode();
        }
        return 0;
    }

    private static Throwable carrier(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException) {
                return t;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
                Throwable nested = carrier(m.getNextException());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static ReleasingTransport.NotReleased notReleased(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReleasingTransport.NotReleased n) {
                return n;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
                ReleasingTransport.NotReleased nested = notReleased(m.getNextException());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        Throwable carrier = carrier(e);
        String text = carrier == null ? e.getClass().getSimpleName() + ": " + e.getMessage() : carrier.getMessage();
        text = text == null ? "" : text.strip();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
