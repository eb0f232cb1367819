package org.convene.campaigns.footage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resumable upload protocol as a client speaks it, for tests. */
final class FootageApi {

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    FootageApi(int port) {
        this.port = port;
    }

    HttpResponse<String> start(String slug, String fileName, long size) {
        return send(HttpRequest.newBuilder(uri("/api/v1/campaigns/" + slug + "/uploads")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"" + fileName + "\",\"size\":" + size + "}")));
    }

    /** Starts an upload and answers its id (failing the test when it is refused). */
    String started(String slug, String fileName, long size) {
        HttpResponse<String> response = start(slug, fileName, size);
        if (response.statusCode() != 201) {
            throw new AssertionError("Start refused: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "id");
    }

    HttpResponse<String> chunk(String id, int index, byte[] bytes) {
        return send(HttpRequest.newBuilder(uri("/api/v1/uploads/" + id + "/chunks/" + index)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Chunk {@code index} of a file cut into chunks of {@code chunkSize}. */
    HttpResponse<String> chunk(String id, int index, byte[] file, int chunkSize) {
        return chunk(id, index, Arrays.copyOfRange(file, index * chunkSize, Math.min(file.length, (index + 1) * chunkSize)));
    }

    HttpResponse<String> show(String id) {
        return send(HttpRequest.newBuilder(uri("/api/v1/uploads/" + id)).GET());
    }

    HttpResponse<String> delete(String id) {
        return send(HttpRequest.newBuilder(uri("/api/v1/uploads/" + id)).DELETE());
    }

    HttpResponse<String> head(String id) {
        return send(HttpRequest.newBuilder(uri("/api/v1/uploads/" + id)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> complete(String id, String json) {
        return send(HttpRequest.newBuilder(uri("/api/v1/uploads/" + id + "/complete")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String completion(String email) {
        return "{\"caption\":\"River bank clean-up at dawn\",\"place\":\"Porto Velho\",\"credit\":\"Lina Moreau\",\"email\":\"" + email
                + "\",\"consent\":true}";
    }

    /** Sends every chunk in order and completes; answers the completion's response. */
    HttpResponse<String> upload(String slug, String fileName, byte[] file, int chunkSize, String email) {
        String id = started(slug, fileName, file.length);
        for (int i = 0; i * chunkSize < file.length; i++) {
            HttpResponse<String> chunk = chunk(id, i, file, chunkSize);
            if (chunk.statusCode() != 200) {
                return chunk;
            }
        }
        return complete(id, completion(email));
    }

    /**
     * A chunk whose connection drops half-way: the request announces the whole chunk's length, sends
     * half of it and closes the socket.
     */
    void dropHalfWay(String id, int index, byte[] chunk) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/uploads/" + id + "/chunks/" + index + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + chunk.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk, 0, chunk.length / 2);
            out.flush();
            Thread.sleep(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
            if (headers.length > 0) {
                request.headers(headers);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A string or number field of a flat JSON answer. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\\s*(\"([^\"]*)\"|([-0-9.]+|null|true|false))").matcher(json);
        if (!m.find()) {
            throw new AssertionError("No " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }
}
