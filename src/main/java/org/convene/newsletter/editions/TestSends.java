package org.convene.newsletter.editions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.convene.newsletter.internal.RenderedEdition;
import org.convene.platform.PlatformProperties;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send a test": the edition in one language to at most {@value #MAX_ADDRESSES} chosen addresses,
 * the subject prefixed {@code [TEST]}, through the mail outbox with its HTML and text parts. The
 * personal links of a test point at the public archive: a test has no subscriber to unsubscribe.
 */
@Service
public class TestSends {

    public static final int MAX_ADDRESSES = 10;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;()\\[\\]]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final Editions editions;
    private final MailEditionRendering rendering;
    private final MailOutbox outbox;
    private final PlatformProperties platform;

    TestSends(Editions editions, MailEditionRendering rendering, MailOutbox outbox, PlatformProperties platform) {
        this.editions = editions;
        this.rendering = rendering;
        this.outbox = outbox;
        this.platform = platform;
    }

    /** The addresses in a text (separated by commas, semicolons, spaces or lines), checked; duplicates once. */
    public static List<String> addresses(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("addresses", "newsletter.editions.error.addressesMissing", "Enter at least one address.");
        }
        return check(List.of(text.strip().split("[,;\\s]+")));
    }

    public static List<String> check(List<String> given) {
        Set<String> addresses = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String a : given == null ? List.<String>of() : given) {
            String address = a == null ? "" : a.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
                invalid.add(address.length() > 60 ? address.substring(0, 60) + "…" : address);
            } else {
                addresses.add(address);
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInputException("addresses", "newsletter.editions.error.addressInvalid",
                    "Not a valid e-mail address: " + String.join(", ", invalid));
        }
        if (addresses.isEmpty()) {
            throw new InvalidInputException("addresses", "newsletter.editions.error.addressesMissing", "Enter at least one address.");
        }
        if (addresses.size() > MAX_ADDRESSES) {
            throw new InvalidInputException("addresses", "newsletter.editions.error.tooManyAddresses",
                    "A test goes to at most " + MAX_ADDRESSES + " addresses.");
        }
        return List.copyOf(addresses);
    }

    /** Queues the test mails; returns how many. */
    @Transactional
    public int send(long editionId, List<String> addresses, String language) {
        List<String> checked = check(addresses);
        Edition edition = editions.find(editionId).orElseThrow(() -> new NotFoundException("No such edition"));
        String archive = platform.link("/newsletter/archive");
        RenderedEdition mail = rendering.render(edition, language).personalised(archive, archive);
        for (String address : checked) {
            outbox.queue(OutgoingMail.withHtml(address, "[TEST] " + mail.subject(), mail.text(), mail.html(),
                    Map.of("X-Convene-Kind", "newsletter-test")));
        }
        return checked.size();
    }
}
