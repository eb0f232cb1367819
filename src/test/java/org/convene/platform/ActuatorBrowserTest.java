package org.convene.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.convene.accounts.StaffRole;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health is public and tells only the status; metrics are for network admins. */
class ActuatorBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsPublicAndShowsOnlyTheStatus() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details")
                .doesNotContain("db");
    }

    @Test
    void anonymousCallersGetNoMetrics() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isIn(302, 401);
            if (response.statusCode() == 302) {
                assertThat(response.headers().firstValue("location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
            }
            assertThat(response.body()).doesNotContain("jvm_");
        }
    }

    @Test
    void networkAdminsReadPrometheusMetrics() {
        login(staff.networkAdmin());
        APIResponse response = page.request().get(url("/actuator/prometheus"), RequestOptions.create().setMaxRedirects(0));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("text/plain");
        assertThat(response.text()).contains("# TYPE").contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void organizationStaffGetNoMetrics() {
        login(staff.create(StaffRole.ORG_EDITOR, 4243L));
        APIResponse response = page.request().get(url("/actuator/prometheus"), RequestOptions.create().setMaxRedirects(0));
        assertThat(response.status()).isEqualTo(403);
    }

    private void login(TestStaff.Login login) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(login.email());
        page.getByLabel("Password").fill(login.password());
        page.locator("main button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
