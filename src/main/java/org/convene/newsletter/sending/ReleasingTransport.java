package org.convene.newsletter.sending;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * An SMTP transport that holds back the final dot of DATA until the ledger has committed that this
 * message is being released. Before the dot, a dropped connection makes the server discard the
 * message, so a crash before that commit can safely be answered by sending again; after it, the
 * message is as good as delivered. This shrinks the "did the server take it?" window of a crash to
 * the instant between that commit and writing the dot.
 */
final class ReleasingTransport extends SMTPTransport {

    /** What must be committed before the dot; it throws to keep the message from being released. */
    interface Release {
        void commit() throws Exception;
    }

    /** The release could not be committed: the dot was not sent and the connection is dropped. */
    static final class NotReleased extends MessagingException {
        NotReleased(Exception cause) {
            super("not released: " + cause.getMessage(), cause);
        }
    }

    private Release release;

    ReleasingTransport(Session session, URLName url, boolean ssl) {
        super(session, url, ssl ? "smtps" : "smtp", ssl);
    }

    void releaseWith(Release release) {
        this.release = release;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        Release pending = release;
        release = null;
        if (pending != null) {
            try {
                pending.commit();
            } catch (Exception e) {
                throw new NotReleased(e);
            }
        }
        super.finishData();
    }
}
