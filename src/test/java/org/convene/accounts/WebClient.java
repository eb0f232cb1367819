package org.convene.accounts;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for tests of the web pages: keeps its cookies, sends the CSRF token
 * with every form, does not follow redirects, and comes from its own client address
 * ({@code X-Forwarded-For}, honoured behind the loopback proxy) so tests do not share a login allowance.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final String base;
    private final String clientAddress;

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.clientAddress = "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** Posts a form with a fresh CSRF token of this session. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrfToken());
        return postRaw(path, withToken);
    }

    HttpResponse<String> postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> login(String email, String password) {
        return post("/login", Map.of("email", email, "password", password));
    }

    /** Logs in and checks that it worked (an account without 2FA). */
    public WebClient signedIn(String email, String password) {
        HttpResponse<String> response = login(email, password);
        if (!location(response).endsWith("/admin")) {
            throw new AssertionError("Login failed: " + response.statusCode() + " " + location(response));
        }
        return this;
    }

    String csrfToken() {
        Matcher m = CSRF.matcher(get("/login").body());
        if (!m.find()) {
            throw new AssertionError("No CSRF token on the login page");
        }
        return m.group(1);
    }

    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().endsWith("convene-session"))
                .map(c -> c.getValue()).findFirst().orElse(null);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", clientAddress)
                .header("Accept", "text/html").header("Accept-Language", "en");
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
