package org.convene.newsletter.editions;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The editions tests' application: its own database and a GreenMail SMTP server in the test JVM,
 * so that test sends are really delivered (the shared test application holds mail instead).
 * Every editions test class names this initializer, so they share one application context.
 */
public class EditionsMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail smtp;

    static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        return smtp;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "convene.database.embedded.data-dir=target/test-postgres-editions",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtp().getSmtp().getPort(),
                "convene.mail.delivery-interval=1s",
                "convene.jobs.polling-interval=500ms");
    }

    /** The mails GreenMail received for an address, waiting up to 30 seconds for at least one. */
    static List<MimeMessage> receivedBy(String address) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            List<MimeMessage> mine = Arrays.stream(smtp().getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).toList();
            if (!mine.isEmpty()) {
                return mine;
            }
            Thread.sleep(200);
        }
        return List.of();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
