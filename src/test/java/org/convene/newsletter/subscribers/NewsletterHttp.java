package org.convene.newsletter.subscribers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plain HTTP without cookies or redirects, from a client address of its own, and the mails the application queued. */
final class NewsletterHttp {

    record Mail(String recipient, String subject, String text) {
        /** The path of the first link to this Convene starting with the prefix, e.g. {@code /newsletter/confirm/abc}. */
        String linkPath(String prefix) {
            Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]+)").matcher(text);
            if (!m.find()) {
                throw new AssertionError("No " + prefix + " link in: " + text);
            }
            return m.group(1);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String clientAddress;

    NewsletterHttp(int port) {
        this.base = "http://localhost:" + port;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.clientAddress = "192.0." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", clientAddress).header("Accept-Language", "en");
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    static List<Mail> mailsTo(JdbcClient jdbc, String recipient) {
        return jdbc.sql("SELECT recipient, subject, body_text FROM mail_outbox WHERE lower(recipient) = lower(:to) ORDER BY id")
                .param("to", recipient).query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
