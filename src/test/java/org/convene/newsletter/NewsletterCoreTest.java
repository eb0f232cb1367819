package org.convene.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.convene.newsletter.internal.EditionRendering;
import org.convene.newsletter.internal.NewsletterLinks;
import org.convene.newsletter.internal.RenderedEdition;
import org.convene.newsletter.internal.Segment;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ConveneTest
class NewsletterCoreTest {

    @Autowired NewsletterFixtures fixtures;
    @Autowired EditionRendering rendering;
    @Autowired NewsletterLinks links;

    @Test
    void anEditionIsRenderedInTheReadersLanguageWithPersonalLinks() {
        long edition = fixtures.edition("Assembly news");
        RenderedEdition spanish = rendering.render(edition, "es");
        assertThat(spanish.subject()).startsWith("Edición ").endsWith("Assembly news (es)");
        assertThat(spanish.text()).contains("La inscripción para la asamblea está abierta.", RenderedEdition.UNSUBSCRIBE_URL);
        RenderedEdition mine = spanish.personalised(links.unsubscribeUrl(5), links.preferencesUrl(5));
        assertThat(mine.html()).doesNotContain("{{").contains("/newsletter/unsubscribe/").contains("Darse de baja");
        String token = mine.text().replaceAll("(?s).*/newsletter/unsubscribe/([A-Za-z0-9_-]+).*", "$1");
        assertThat(links.verifyUnsubscribe(token, Instant.now())).hasValue(5);
        assertThat(links.verifyPreferences(token, Instant.now())).isEmpty();
    }

    @Test
    void aSegmentLeavesOutOtherLanguagesUnconfirmedAndSuppressedAddresses() {
        String tag = "seg" + System.nanoTime();
        long spanish = fixtures.subscriber(NewsletterFixtures.uniqueEmail(tag), "es", "SUBSCRIBED", null, List.of(tag));
        fixtures.subscriber(NewsletterFixtures.uniqueEmail(tag), "fr", "SUBSCRIBED", null, List.of(tag));
        fixtures.subscriber(NewsletterFixtures.uniqueEmail(tag), "es", "PENDING", null, List.of(tag));
        String suppressed = NewsletterFixtures.uniqueEmail(tag);
        fixtures.subscriber(suppressed, "es", "SUBSCRIBED", null, List.of(tag));
        fixtures.jdbc().sql("INSERT INTO suppression (email, reason) VALUES (lower(:email), 'HARD_BOUNCE')").param("email", suppressed).update();

        Segment segment = new Segment(List.of("es"), List.of(), List.of(tag), List.of());
        List<Long> ids = fixtures.jdbc().sql("SELECT s.id FROM subscriber s WHERE " + segment.where()).params(segment.params())
                .query(Long.class).list();
        assertThat(ids).containsExactly(spanish);
    }
}
