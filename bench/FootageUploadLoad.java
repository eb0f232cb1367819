import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of bench/footage-upload. Sends files through the resumable upload protocol:
 * POST /api/v1/campaigns/{slug}/uploads, PUT .../chunks/{i} (each chunk streamed from the file as
 * the raw body), POST .../complete. Transfer (start and chunks) and completion
 * (GroundMedia's checks and clean copy, the footage row, the mail) are timed apart, each phase with
 * all files at once (one virtual thread per file).
 *
 * Usage: java FootageUploadLoad.java BASE SLUG FILES_LIST_FILE (one path a line) [COMPLETE]
 * COMPLETE: how many of the transferred uploads are completed (all by default); the others are
 * discarded with DELETE, so that a large transfer does not wait for as many re-encodings.
 * Prints: files= bytes= transfer_seconds= transfer_mb_s= (as soon as the transfer is over), then
 * completed= complete_seconds= discarded= failed=
 */
public class FootageUploadLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--photos")) {
            photos(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        String base = args[0];
        String slug = args[1];
        List<Path> files = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).map(Path::of).toList();
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        AtomicLong failed = new AtomicLong();
        String[] ids = new String[files.size()];
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int n = i;
                all.add(pool.submit(() -> {
                    try {
                        ids[n] = transfer(base, slug, files.get(n));
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println("transfer failed: " + e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        double transfer = (System.nanoTime() - t0) / 1e9;
        System.out.printf("files=%d%nbytes=%d%ntransfer_seconds=%.2f%ntransfer_mb_s=%.1f%n", files.size(), bytes, transfer,
                bytes / 1048576.0 / transfer);
        System.out.flush();
        int completing = args.length > 3 ? Math.min(Integer.parseInt(args[3]), files.size()) : files.size();
        int discarded = 0;
        for (int i = completing; i < files.size(); i++) {
            if (ids[i] != null) {
                HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/" + ids[i])).DELETE().build(), HttpResponse.BodyHandlers.discarding());
                ids[i] = null;
                discarded++;
            }
        }
        long t1 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int n = i;
                if (ids[n] == null) {
                    continue;
                }
                all.add(pool.submit(() -> {
                    try {
                        complete(base, ids[n], n);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println("complete failed: " + e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        double complete = (System.nanoTime() - t1) / 1e9;
        System.out.printf("completed=%d%ncomplete_seconds=%.2f%ndiscarded=%d%nfailed=%d%n", completing, complete, discarded, failed.get());
    }

    /**
     * Writes COUNT distinct JPEGs of about TARGET bytes (colour noise over a gradient, which compresses
     * poorly), unless they are there already: photo-0.jpg, photo-1.jpg...
     */
    static void photos(Path dir, int count, long target) throws IOException {
        Files.createDirectories(dir);
        // about 0.53 bytes a pixel at the default JPEG quality for this noise, in a 4:3 frame
        int width = (int) Math.sqrt(target / 0.53 * 4 / 3);
        int height = width * 3 / 4;
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve("photo-" + i + ".jpg");
            if (Files.exists(file)) {
                continue;
            }
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.util.SplittableRandom random = new java.util.SplittableRandom(i);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int r = (x * 255 / width + random.nextInt(120)) & 0xff;
                    int g = (y * 255 / height + random.nextInt(120)) & 0xff;
                    image.setRGB(x, y, r << 16 | g << 8 | random.nextInt(256));
                }
            }
            javax.imageio.ImageIO.write(image, "jpeg", file.toFile());
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += Files.size(dir.resolve("photo-" + i + ".jpg"));
        }
        System.out.printf("   %d photos of %dx%d, %.1f MB on average%n", count, width, height, total / 1e6 / count);
    }

    static String transfer(String base, String slug, Path file) throws IOException, InterruptedException {
        long size = Files.size(file);
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns/" + slug + "/uploads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fileName\":\"" + file.getFileName() + "\",\"size\":" + size + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 201) {
            throw new IOException("start " + started.statusCode() + " " + started.body());
        }
        String id = field(started.body(), "id");
        int chunk = Integer.parseInt(field(started.body(), "chunkSize"));
        for (int index = 0; (long) index * chunk < size; index++) {
            long offset = (long) index * chunk;
            long length = Math.min(chunk, size - offset);
            // streamed from the file, so the client holds no chunk in memory either
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> part(file, offset, length)), length);
            HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/" + id + "/chunks/" + index))
                    .header("Content-Type", "application/octet-stream").PUT(body).build(), HttpResponse.BodyHandlers.ofString());
            if (sent.statusCode() != 200) {
                throw new IOException("chunk " + index + ": " + sent.statusCode() + " " + sent.body());
            }
        }
        return id;
    }

    static InputStream part(Path file, long offset, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return new InputStream() {
                long left = length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 1 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = in.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void complete(String base, String id, int n) throws IOException, InterruptedException {
        HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/" + id + "/complete"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(8))
                .POST(HttpRequest.BodyPublishers.ofString("{\"caption\":\"Bench " + n + "\",\"email\":\"bench-" + n
                        + "@example.net\",\"consent\":true}")).build(), HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 201) {
            throw new IOException("complete " + done.statusCode() + " " + done.body());
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }
}
