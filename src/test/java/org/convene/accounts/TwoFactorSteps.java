package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Enrolment in two-factor authentication through the web pages, and codes as an authenticator app computes them. */
final class TwoFactorSteps {

    record Enrolment(String secret, List<String> recoveryCodes, long step) {
    }

    private TwoFactorSteps() {
    }

    static long currentStep() {
        return Math.floorDiv(System.currentTimeMillis() / 1000, 30);
    }

    static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void confirm(WebClient web, String password) {
        HttpResponse<String> confirmed = web.post("/account/security/confirm", Map.of("password", password));
        assertThat(WebClient.location(confirmed)).endsWith("/account/security");
    }

    /** Enrols the signed-in account; the code used is the current step's. */
    static Enrolment enrol(WebClient web, String password) {
        confirm(web, password);
        assertThat(WebClient.location(web.post("/account/security/two-factor/start", Map.of()))).endsWith("/account/security/two-factor");
        String page = web.get("/account/security/two-factor").body();
        assertThat(page).contains("src=\"data:image/png;base64,");
        Matcher secret = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).as("secret shown as text").isTrue();
        long step = currentStep();
        HttpResponse<String> done = web.post("/account/security/two-factor", Map.of("code", code(secret.group(1), step)));
        assertThat(done.statusCode()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("<code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</code>").matcher(done.body());
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).hasSize(10);
        return new Enrolment(secret.group(1), codes, step);
    }
}
