package org.convene.newsletter.sending;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.convene.newsletter.internal.RenderedEdition;

/**
 * One recipient's copy of an edition: multipart/alternative (text, then HTML), the one-click
 * unsubscribe headers of RFC 8058, {@code Precedence: bulk} and a Message-ID fixed by edition and
 * subscriber, so a copy sent again after a crash carries the same Message-ID as the first.
 */
final class NewsletterMessage extends MimeMessage {

    private final String messageId;

    private NewsletterMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    static String messageId(long editionId, long subscriberId, String host) {
        return "<edition-" + editionId + ".subscriber-" + subscriberId + "@" + host + ">";
    }

    static NewsletterMessage of(Session session, InternetAddress from, String to, long editionId, long subscriberId, String host,
                                RenderedEdition mail, String unsubscribeUrl) throws MessagingException {
        NewsletterMessage message = new NewsletterMessage(session, messageId(editionId, subscriberId, host));
        message.setFrom(from);
        message.setRecipient(RecipientType.TO, new InternetAddress(to, false));
        message.setSubject(mail.subject(), "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        // named up front, so Jakarta Mail does not scan each part to choose an encoding
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        html.setHeader("Content-Transfer-Encoding", "quoted-printable");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("Precedence", "bulk");
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }

    /**
     * Encodes the message into memory first and hands it to the SMTP stream in one write: Jakarta
     * Mail's encoders write byte by byte, and each byte written to the transport's stream takes its
     * lock (most of the engine's CPU in a profile).
     */
    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        Bytes bytes = new Bytes();
        super.writeTo(bytes, ignoreList);
        os.write(bytes.buffer, 0, bytes.size);
    }

    /** A growing byte array without locks (one thread writes each message). */
    private static final class Bytes extends OutputStream {
        byte[] buffer = new byte[16384];
        int size;

        @Override
        public void write(int b) {
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, size * 2);
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(size * 2, size + len));
            }
            System.arraycopy(b, off, buffer, size, len);
            size += len;
        }
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
