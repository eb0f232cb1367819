package org.convene.newsletter.sending;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One long-lived SMTP connection (a Jakarta Mail {@link Transport}) reused for many messages. It
 * reconnects after a failure and after sitting idle (servers close idle connections).
 */
final class SmtpConnection implements AutoCloseable {

    /** A message the server refused or could not take; {@code permanent} for a 5xx reply. */
    static final class Refused extends Exception {
        final boolean permanent;

        Refused(String reply, boolean permanent, Throwable cause) {
            super(reply, cause);
            this.permanent = permanent;
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
    private Transport transport;
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
            try {
                Transport t = settings.getSession().getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
                String user = settings.getUsername();
                t.connect(settings.getHost(), settings.getPort(), user == null || user.isEmpty() ? null : user,
                        user == null || user.isEmpty() ? null : settings.getPassword());
                transport = t;
            } catch (MessagingException | RuntimeException e) {
                throw new Unavailable(e);
            }
        }
        lastUse = System.nanoTime();
    }

    /** Sends one message; returns normally only on the server's 250 to DATA. */
    void send(MimeMessage message) throws Refused {
        try {
            transport.sendMessage(message, message.getAllRecipients());
            lastUse = System.nanoTime();
        } catch (MessagingException | RuntimeException e) {
            int code = replyCode(e);
            // after a refusal the session is reset by Jakarta Mail; after anything else start afresh
            if (code == 0) {
                close();
            }
            throw new Refused(describe(e, code), code >= 500, e);
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

    /**
     * The SMTP reply code in the exception (RCPT or DATA refused), 0 for connection problems. Angus
     * Mail's SMTPAddressFailedException and SMTPSendFailedException carry it ({@code getReturnCode()});
     * they are read reflectively as Angus Mail is only on the runtime class path.
     */
    static int replyCode(Throwable e) {
        Throwable carrier = carrier(e);
        if (carrier == null) {
            return 0;
        }
        try {
            return (Integer) carrier.getClass().getMethod("getReturnCode").invoke(carrier);
        } catch (ReflectiveOperationException | ClassCastException ex) {
            return 0;
        }
    }

    private static Throwable carrier(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("SMTPAddressFailedException") || name.equals("SMTPSendFailedException")) {
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

    private static String describe(Throwable e, int code) {
        Throwable carrier = carrier(e);
        String text = code == 0 || carrier == null ? e.getClass().getSimpleName() + ": " + e.getMessage() : carrier.getMessage();
        text = text == null ? "" : text.strip();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
