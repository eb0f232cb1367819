package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A wrong token is refused with a 401 problem; the API never falls back to a session. */
@ConveneTest
class ApiTokenTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;

    @Test
    void invalidTokenIsA401Problem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/anything"))
                        .header("Authorization", "Bearer cvn_forged").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void truncatesClientAddresses() {
        assertThat(AuditLog.truncate("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(AuditLog.truncate("2001:db8:abcd:12:1:2:3:4")).isEqualTo("2001:db8:abcd:0:0:0:0:0");
        assertThat(AuditLog.truncate("evil.example")).isNull();
    }
}
