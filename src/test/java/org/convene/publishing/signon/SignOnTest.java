package org.convene.publishing.signon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.convene.accounts.StaffRole;
import org.convene.events.MemberNetworkFixtures;
import org.convene.publishing.PublicationFixtures;
import org.convene.publishing.internal.Publication;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-on through the service, the pages and the API, and each kind of bad input it refuses. */
@ConveneTest
class SignOnTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    PublicationFixtures publications;
    @Autowired
    SignOn signOn;
    @Autowired
    SignOnLinks links;
    @Autowired
    MemberNetworkFixtures network;
    @Autowired
    TestStaff staff;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Publication openStatement(boolean individuals) {
        Publication statement = publications.publishedStatement();
        signOn.saveSettings(statement.id(), true, Instant.now().plusSeconds(86_400), "Europe/Helsinki", individuals);
        return statement;
    }

    private int count(String sql, Object... args) {
        var statement = publications.jdbc().sql(sql);
        for (Object arg : args) {
            statement = statement.param(arg);
        }
        return statement.query(Integer.class).single();
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String clientAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "203.0." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", clientAddress())
                .header("Accept-Language", "en");
    }

    private HttpResponse<String> postJson(String path, String json, String token) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static String organizationJson(String name, String country, String website, String email) {
        return """
                {"type":"ORGANIZATION","name":"%s","country":"%s","website":"%s","contactName":"Mira Holm","email":"%s"}"""
                .formatted(name, country, website, email);
    }

    private static String individualJson(String name, String country, String email) {
        return """
                {"type":"INDIVIDUAL","name":"%s","affiliation":"teacher","country":"%s","email":"%s"}""".formatted(name, country, email);
    }

    @Test
    void aMemberOrganizationEndorsesOnceAndMayWithdrawBeforeTheDeadline() {
        Publication statement = openStatement(false);
        var corner = network.corner();
        TestStaff.Login admin = staff.create(StaffRole.ORG_ADMIN, corner.member().id());
        String token = staff.apiToken(admin);
        String body = "{\"type\":\"MEMBER\",\"organizationId\":" + corner.member().id() + "}";
        assertThat(postJson("/api/v1/statements/" + statement.id() + "/endorsements", body, token).statusCode()).isEqualTo(201);
        HttpResponse<String> twice = postJson("/api/v1/statements/" + statement.id() + "/endorsements", body, token);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("has endorsed this statement already");
        assertThat(count("SELECT count(*) FROM endorsement WHERE publication_id = ? AND organization_id = ?", statement.id(),
                corner.member().id())).isEqualTo(1);

        // Another organization's admin may not speak for this one; nor may anyone without a token.
        TestStaff.Login other = staff.create(StaffRole.ORG_ADMIN, corner.outsider().id());
        assertThat(postJson("/api/v1/statements/" + statement.id() + "/endorsements",
                "{\"type\":\"MEMBER\",\"organizationId\":" + corner.partner().id() + "}", staff.apiToken(other)).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/statements/" + statement.id() + "/endorsements",
                "{\"type\":\"MEMBER\",\"organizationId\":" + corner.partner().id() + "}", null).statusCode()).isEqualTo(401);

        signOn.withdrawMember(statement.id(), corner.member().id());
        assertThat(signOn.endorsingMembers(statement.id())).isEmpty();
    }

    @Test
    void aNonMemberOrganizationTwiceByNameAndCountryOrByContactEmailWritesNoSecondRow() {
        Publication statement = openStatement(false);
        String path = "/api/v1/statements/" + statement.id() + "/endorsements";
        String name = "Harbour Solidarity Circle " + UUID.randomUUID().toString().substring(0, 6);
        String contact = email("contact");
        assertThat(postJson(path, organizationJson(name, "PT", "https://harbour.example.org", contact), null).statusCode()).isEqualTo(201);

        HttpResponse<String> sameName = postJson(path, organizationJson(name.toUpperCase(Locale.ROOT), "PT", "https://other.example.org",
                email("other")), null);
        assertThat(sameName.statusCode()).isEqualTo(409);
        assertThat(sameName.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(sameName.body()).contains("\"field\":\"name\"").contains("in this country has signed on already");

        HttpResponse<String> sameContact = postJson(path, organizationJson(name + " Two", "ES", "https://two.example.org",
                contact.toUpperCase(Locale.ROOT)), null);
        assertThat(sameContact.statusCode()).isEqualTo(409);
        assertThat(sameContact.body()).contains("\"field\":\"email\"");
        assertThat(count("SELECT count(*) FROM endorsement WHERE publication_id = ?", statement.id())).isEqualTo(1);

        // Pending: not public until staff verify it.
        assertThat(send(request("/api/v1/statements/" + statement.id() + "/endorsements").GET()).body()).doesNotContain(name);
    }

    @Test
    void anIndividualTwiceWithTheSameEmailWritesNoSecondRow() {
        Publication statement = openStatement(true);
        String path = "/api/v1/statements/" + statement.id() + "/endorsements";
        String address = email("person");
        assertThat(postJson(path, individualJson("Noor Saleh", "JO", address), null).statusCode()).isEqualTo(201);
        HttpResponse<String> twice = postJson(path, individualJson("Noor S.", "JO", address.toUpperCase(Locale.ROOT)), null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("Someone with this e-mail has signed already");
        assertThat(count("SELECT count(*) FROM endorsement WHERE publication_id = ?", statement.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", address)).isEqualTo(1);
    }

    @Test
    void nothingIsAcceptedAfterTheDeadlineOrWhileClosedOrFromIndividualsWhenNotAllowed() {
        var corner = network.corner();
        Publication past = publications.publishedStatement();
        signOn.saveSettings(past.id(), true, Instant.now().minusSeconds(60), "UTC", true);
        String path = "/api/v1/statements/" + past.id() + "/endorsements";
        HttpResponse<String> late = postJson(path, organizationJson("Late Collective", "FR", "https://late.example.org", email("late")), null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("deadline for this statement has passed");
        assertThat(postJson(path, individualJson("Late Person", "FR", email("late")), null).statusCode()).isEqualTo(409);
        assertThatThrownBy(() -> signOn.endorseAsMember(past.id(), corner.member().id(), 1, Locale.ENGLISH))
                .isInstanceOf(SignOnRefusedException.class).extracting("code").isEqualTo("signon.error.deadline");

        // A member's endorsement made in time cannot be withdrawn after the deadline.
        Publication ended = openStatement(false);
        signOn.endorseAsMember(ended.id(), corner.partner().id(), 1, Locale.ENGLISH);
        signOn.saveSettings(ended.id(), true, Instant.now().minusSeconds(1), "UTC", false);
        assertThatThrownBy(() -> signOn.withdrawMember(ended.id(), corner.partner().id()))
                .isInstanceOf(SignOnRefusedException.class).extracting("code").isEqualTo("signon.error.deadline");
        assertThat(signOn.endorsingMembers(ended.id())).containsExactly(corner.partner().id());

        Publication closed = publications.publishedStatement();
        HttpResponse<String> notOpen = postJson("/api/v1/statements/" + closed.id() + "/endorsements",
                organizationJson("Early Collective", "FR", "https://early.example.org", email("early")), null);
        assertThat(notOpen.statusCode()).isEqualTo(409);
        assertThat(notOpen.body()).contains("not open for endorsement");

        Publication organizationsOnly = openStatement(false);
        HttpResponse<String> person = postJson("/api/v1/statements/" + organizationsOnly.id() + "/endorsements",
                individualJson("Solo Person", "FR", email("solo")), null);
        assertThat(person.statusCode()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM endorsement WHERE publication_id IN (?, ?, ?)", past.id(), closed.id(),
                organizationsOnly.id())).isZero();

        // The form says so too, and keeps what was typed.
        WebForm form = WebForm.open(this, "/statements/" + past.slug() + "/sign-on");
        assertThat(form.page()).contains("Sign-on closed on").doesNotContain("id=\"org-name\"");
    }

    @Test
    void anInvalidCountryOrWebsiteIsAFieldProblem() {
        Publication statement = openStatement(false);
        HttpResponse<String> response = postJson("/api/v1/statements/" + statement.id() + "/endorsements",
                organizationJson("Valley Forum", "XX", "javascript:alert(1)", email("valley")), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"country\"").contains("\"field\":\"website\"");
        assertThat(postJson("/api/v1/statements/" + statement.id() + "/endorsements",
                organizationJson("Valley Forum", "FI", "ftp://valley.example.org", email("valley")), null).body()).contains("\"field\":\"website\"");
        assertThat(count("SELECT count(*) FROM endorsement WHERE publication_id = ?", statement.id())).isZero();

        WebForm form = WebForm.open(this, "/statements/" + statement.slug() + "/sign-on");
        HttpResponse<String> page = form.post("/statements/" + statement.slug() + "/sign-on/organizations", Map.of("name", "Valley Forum",
                "country", "ZZ", "website", "valley.example.org", "contactName", "Ana", "email", email("valley")));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"org-country-error\"").contains("Choose a country from the list.")
                .contains("id=\"org-website-error\"").contains("value=\"Valley Forum\"");
        assertThat(count("SELECT count(*) FROM endorsement WHERE publication_id = ?", statement.id())).isZero();
    }

    @Test
    void aDraftStatementHasNoSignOn() {
        Publication draft = publications.draftStatement();
        signOn.saveSettings(draft.id(), true, null, "UTC", true);
        assertThat(send(request("/api/v1/statements/" + draft.id() + "/endorsements").GET()).statusCode()).isEqualTo(404);
        assertThat(postJson("/api/v1/statements/" + draft.id() + "/endorsements",
                organizationJson("Draft Readers", "FI", "https://draft.example.org", email("draft")), null).statusCode()).isEqualTo(404);
        assertThat(send(request("/statements/" + draft.slug() + "/sign-on").GET()).statusCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM endorsement WHERE publication_id = ?", draft.id())).isZero();
    }

    @Test
    void aTamperedOrExpiredConfirmationLinkIsAClearErrorPage() {
        Publication statement = openStatement(true);
        Endorsement signature = signOn.signAsIndividual(statement.id(),
                new SignOn.IndividualSubmission("Lina Park", "", "KR", email("lina")), Locale.ENGLISH);
        String token = links.token(signature.id(), Instant.now().plusSeconds(3600));
        char middle = token.charAt(20);
        String tampered = token.substring(0, 20) + (middle == 'A' ? 'B' : 'A') + token.substring(21);
        HttpResponse<String> bad = send(request("/sign-on/confirm/" + tampered).header("Accept", "text/html").GET());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("This confirmation link is not valid");
        assertThat(send(request("/sign-on/confirm/not-a-token").GET()).statusCode()).isEqualTo(400);
        char last = token.charAt(token.length() - 1);
        String respelled = token.substring(0, token.length() - 1) + (char) (last ^ 1);
        assertThat(send(request("/sign-on/confirm/" + respelled).GET()).statusCode()).isEqualTo(400);

        HttpResponse<String> expired = send(request("/sign-on/confirm/" + links.token(signature.id(), Instant.now().minusSeconds(1))).GET());
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This confirmation link has expired");
        assertThat(signOn.find(signature.id()).orElseThrow().status()).isEqualTo(EndorsementStatus.PENDING);

        // The mailed link works.
        String mail = publications.jdbc().sql("SELECT body_text FROM mail_outbox WHERE recipient = ?").param(signature.email())
                .query(String.class).single();
        Matcher link = Pattern.compile("https?://[^/\\s]+(/sign-on/confirm/[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).isTrue();
        HttpResponse<String> confirmed = send(request(link.group(1)).GET());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Lina Park");
        assertThat(signOn.find(signature.id()).orElseThrow().status()).isEqualTo(EndorsementStatus.VERIFIED);
        assertThat(send(request("/statements/" + statement.slug() + "/sign-on/endorsements").GET()).body()).contains("Lina Park");

        // Staff hide an abusive name: it is no longer shown.
        signOn.setHidden(signature.id(), true);
        assertThat(send(request("/statements/" + statement.slug() + "/sign-on/endorsements").GET()).body()).doesNotContain("Lina Park");
        assertThat(send(request("/api/v1/statements/" + statement.id() + "/endorsements").GET()).body()).doesNotContain("Lina Park");
    }

    @Test
    void aNetworkAdminPicksTheMemberOrganizationAndAnEditorMayNotEndorse() {
        Publication statement = openStatement(false);
        var corner = network.corner();
        String path = "/statements/" + statement.slug() + "/sign-on";
        org.convene.accounts.WebClient admin = new org.convene.accounts.WebClient(port).signedIn(staff.networkAdmin().email(), TestStaff.PASSWORD);
        assertThat(admin.get(path).body()).contains("id=\"member-organization\"").contains(corner.outsider().name());
        HttpResponse<String> endorsed = admin.post(path + "/members", Map.of("organizationId", String.valueOf(corner.outsider().id())));
        assertThat(endorsed.statusCode()).isEqualTo(302);
        assertThat(admin.get(path).body()).contains(corner.outsider().name() + " has endorsed this statement.");
        assertThat(admin.post(path + "/members/" + corner.outsider().id() + "/withdraw", Map.of()).statusCode()).isEqualTo(302);
        assertThat(signOn.endorsingMembers(statement.id())).isEmpty();

        TestStaff.Login editorLogin = staff.create(StaffRole.ORG_EDITOR, corner.member().id());
        org.convene.accounts.WebClient editor = new org.convene.accounts.WebClient(port).signedIn(editorLogin.email(), editorLogin.password());
        assertThat(editor.get(path).body()).doesNotContain("id=\"endorse-member\"");
        assertThat(editor.post(path + "/members", Map.of("organizationId", String.valueOf(corner.member().id()))).statusCode()).isEqualTo(403);
        assertThat(signOn.endorsingMembers(statement.id())).isEmpty();
    }

    @Test
    void theApiIsInTheOpenApiDocument() {
        String document = send(request("/api/openapi.json").GET()).body();
        assertThat(document).contains("/api/v1/statements/{id}/endorsements").contains("/api/v1/endorsements/{id}/verification")
                .contains("/api/v1/statements/{id}/signatories.csv").contains("/api/v1/statements/{id}/sign-on");
    }

    @Test
    void anonymousSubmissionsAreLimitedPerClientAddress() {
        Publication statement = openStatement(true);
        String path = "/api/v1/statements/" + statement.id() + "/endorsements";
        String client = clientAddress();
        int created = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 11; i++) {
            last = send(request(path).header("X-Forwarded-For", client).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(individualJson("Person " + i, "NO", email("flood")))));
            if (last.statusCode() == 201) {
                created++;
            }
        }
        assertThat(created).isEqualTo(10);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(count("SELECT count(*) FROM endorsement WHERE publication_id = ?", statement.id())).isEqualTo(10);
    }

    @Test
    void theAnonymousStandalonePageWorksAndItsFormSubmits() {
        Publication statement = openStatement(true);
        WebForm form = WebForm.open(this, "/statements/" + statement.slug() + "/sign-on");
        assertThat(form.page()).contains("id=\"org-name\"").contains("id=\"person-name\"").contains("name=\"_csrf\"");
        String contact = email("meadow");
        HttpResponse<String> submitted = form.post("/statements/" + statement.slug() + "/sign-on/organizations", Map.of(
                "name", "Meadow Growers Network", "country", "KE", "website", "https://meadow.example.org", "contactName", "Wanjiru K.",
                "email", contact));
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElse("")).contains("/statements/" + statement.slug() + "/sign-on");
        assertThat(form.get(submitted.headers().firstValue("Location").orElseThrow()).body()).contains("Network staff will check");
        assertThat(signOn.queue(statement.id())).extracting(Endorsement::email).containsExactly(contact);

        // A duplicate through the form: a clear message next to the field, no second row.
        HttpResponse<String> again = form.post("/statements/" + statement.slug() + "/sign-on/organizations", Map.of(
                "name", "Meadow Growers Network", "country", "KE", "website", "", "contactName", "Someone", "email", email("meadow2")));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"org-name-error\"").contains("in this country has signed on already");
        assertThat(signOn.queue(statement.id())).hasSize(1);
    }

    @Test
    void theEmbeddedFragmentsCarryNoCsrfTokenAndNoSession() {
        Publication statement = openStatement(true);
        signOn.verify(signOn.submitOrganization(statement.id(), new SignOn.OrganizationSubmission("Orchard Alliance", "NZ",
                "https://orchard.example.org", "Tama", email("orchard")), Locale.ENGLISH).id(), true);
        for (String path : List.of("/statements/" + statement.slug() + "/sign-on/form", "/statements/" + statement.slug() + "/sign-on/endorsements")) {
            HttpResponse<String> response = send(request(path).header("Accept", "text/html").GET());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).doesNotContain("_csrf").doesNotContain("csrf\" value");
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
        String forms = send(request("/statements/" + statement.slug() + "/sign-on/form").GET()).body();
        assertThat(forms).contains("data-signon-embedded").contains("id=\"org-name\"").contains("/js/signon.js");
        assertThat(send(request("/statements/" + statement.slug() + "/sign-on/endorsements").GET()).body()).contains("Orchard Alliance");
    }

    @Test
    void staffVerifyGroupAndExport() {
        var corner = network.corner();
        Publication statement = openStatement(true);
        signOn.endorseAsMember(statement.id(), corner.member().id(), 1, Locale.ENGLISH);
        Endorsement pending = signOn.submitOrganization(statement.id(), new SignOn.OrganizationSubmission("=Fjord Friends", "AQ",
                "https://fjord.example.org", "Eira", email("fjord")), Locale.ENGLISH);
        Endorsement verified = signOn.verify(pending.id(), true);
        assertThat(verified.status()).isEqualTo(EndorsementStatus.VERIFIED);
        assertThat(publications.jdbc().sql("SELECT subject FROM mail_outbox WHERE recipient = ?").param(pending.email())
                .query(String.class).single()).startsWith("Your endorsement is shown");

        HttpResponse<String> api = send(request("/api/v1/statements/" + statement.id() + "/endorsements").GET());
        assertThat(api.body()).contains(corner.member().name()).contains(corner.north().name().in("en")).contains("=Fjord Friends")
                .doesNotContain(pending.email()).doesNotContain("Eira");

        TestStaff.Login admin = staff.networkAdmin();
        HttpResponse<String> csv = send(request("/api/v1/statements/" + statement.id() + "/signatories.csv")
                .header("Authorization", "Bearer " + staff.apiToken(admin)).GET());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("type,name,organization_or_role,country,region,website,contact_name,contact_email,verified_at")
                .contains("MEMBER," + corner.member().name()).contains("ORGANIZATION,'=Fjord Friends,,AQ,,https://fjord.example.org,Eira,"
                        + pending.email());
        assertThat(send(request("/api/v1/statements/" + statement.id() + "/signatories.csv").GET()).statusCode()).isEqualTo(401);
        TestStaff.Login orgAdmin = staff.create(StaffRole.ORG_ADMIN, corner.member().id());
        assertThat(send(request("/api/v1/statements/" + statement.id() + "/signatories.csv")
                .header("Authorization", "Bearer " + staff.apiToken(orgAdmin)).GET()).statusCode()).isEqualTo(403);

        HttpResponse<String> verification = postJson("/api/v1/endorsements/" + pending.id() + "/verification", "{\"decision\":\"REJECT\"}",
                staff.apiToken(admin));
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(signOn.find(pending.id()).orElseThrow().status()).isEqualTo(EndorsementStatus.REJECTED);
    }

    /** A browser session without a browser: GETs a page, then posts forms with that page's CSRF token. */
    record WebForm(SignOnTest test, java.net.CookieManager cookies, HttpClient client, String address, String page) {

        static WebForm open(SignOnTest test, String path) {
            java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
            WebForm form = new WebForm(test, cookies, client, clientAddress(), null);
            HttpResponse<String> response = form.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            return new WebForm(test, cookies, client, form.address(), response.body());
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + test.port + path))
                    .header("X-Forwarded-For", address).header("Accept-Language", "en").GET().build());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            Matcher csrf = CSRF.matcher(page);
            assertThat(csrf.find()).isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf.group(1));
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + test.port + path)).header("X-Forwarded-For", address)
                    .header("Accept-Language", "en").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
