package org.convene.events;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Registration is rate-limited per client address: past the allowance the API answers 429 with
 * Retry-After and the form says so, and nothing is written. Its own application context (on the
 * suite's database) with an allowance of 3 a minute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "convene.events.registrations-per-minute=3")
@ActiveProfiles("test")
class RegistrationLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;

    @Test
    void tooManyRegistrationsFromOneAddressAreRefused() {
        Event event = fixtures.published(EventFormat.HYBRID, 10);
        String path = "/api/v1/events/" + event.id() + "/registrations";
        for (int i = 0; i < 3; i++) {
            assertThat(fixtures.postJson(port, path, registrationJson("Allowed " + i, uniqueEmail("allowed"), "IN_PERSON")).statusCode())
                    .isEqualTo(201);
        }
        String refusedEmail = uniqueEmail("refused");
        HttpResponse<String> refused = fixtures.postJson(port, path, registrationJson("One Too Many", refusedEmail, "IN_PERSON"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE lower(email) = lower(?)", refusedEmail)).isZero();

        try (BrowserContext context = BrowserTest.browser().newContext()) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/events/" + event.slug());
            page.locator("#name").fill("Form Too Many");
            String formEmail = uniqueEmail("form-refused");
            page.locator("#email").fill(formEmail);
            page.locator(".registration-form button[type=submit]").click();
            assertThat(page.locator("main [role=alert]")).containsText("Too many registrations");
            assertThat(page.locator("#name")).hasValue("Form Too Many");
            assertThat(fixtures.count("SELECT count(*) FROM registration WHERE lower(email) = lower(?)", formEmail)).isZero();
        }
    }
}
