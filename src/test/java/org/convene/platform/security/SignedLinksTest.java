package org.convene.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ConveneTest
class SignedLinksTest {

    @Autowired SignedLinks links;

    @Test
    void aTokenVerifiesForItsPurposeOnly() {
        String token = links.token("newsletter-unsubscribe", 42);
        assertThat(links.verify("newsletter-unsubscribe", token, Instant.now())).hasValue(42);
        assertThat(links.verify("newsletter-preferences", token, Instant.now())).isEmpty();
    }

    @Test
    void aChangedCharacterOrAnExpiredTokenFails() {
        Instant now = Instant.now();
        String token = links.token("footage-withdraw", 7, now.plusSeconds(60));
        assertThat(links.verify("footage-withdraw", token, now)).hasValue(7);
        assertThat(links.verify("footage-withdraw", token, now.plusSeconds(61))).isEmpty();
        char last = token.charAt(token.length() - 1);
        String changed = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(links.verify("footage-withdraw", changed, now)).isEmpty();
        String otherId = links.token("footage-withdraw", 8, now.plusSeconds(60));
        assertThat(links.verify("footage-withdraw", token.substring(0, 11) + otherId.substring(11), now)).isEmpty();
        assertThat(links.verify("footage-withdraw", "not a token", now)).isEmpty();
        assertThat(links.verify("footage-withdraw", null, now)).isEmpty();
    }
}
