package org.convene.media.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.convene.media.CleanMedia;
import org.convene.media.GroundMediaProperties;
import org.convene.media.MediaKind;
import org.convene.media.RefusedMediaException;
import org.convene.media.RefusedMediaException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Videos keep their picture and sound as they are, but lose what the container says about them:
 * ffmpeg copies only the video and audio streams (no data tracks, which is where some cameras keep
 * GPS, no subtitles, no chapters) into a new container without global or per-stream metadata.
 * ffprobe first checks that the file is a whole video, and afterwards that no location is left.
 * When that cannot be done (ffmpeg missing or failing on an unusual file), the video is kept as
 * sent and flagged for the moderator.
 */
public final class Videos {

    private static final Logger log = LoggerFactory.getLogger(Videos.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Tags that may remain in a clean file: they describe the streams, not the person or the place. */
    private static final List<String> HARMLESS_TAGS = List.of("major_brand", "minor_version", "compatible_brands", "language",
            "handler_name", "vendor_id", "encoder", "duration", "creation_time");
    private static final int MAX_OUTPUT = 1 << 20;

    private final GroundMediaProperties properties;
    private final Photos photos;

    public Videos(GroundMediaProperties properties, Photos photos) {
        this.properties = properties;
        this.photos = photos;
    }

    public CleanMedia store(Path received, Path dir, String name, long size) throws IOException {
        java.util.Optional<Result> probed = run(probeCommand(received));
        if (probed.isEmpty()) {
            return keptAsSent(received, dir, name);
        }
        if (probed.get().exit != 0) {
            throw new RefusedMediaException(Reason.DAMAGED, "The video could not be read; it may be damaged or cut short.");
        }
        JsonNode probe = JSON.readTree(probed.get().output);
        JsonNode video = videoStream(probe);
        if (video == null) {
            throw new RefusedMediaException(Reason.DAMAGED, "The file has no video picture in it.");
        }
        Container container = Container.of(probe.path("format").path("format_name").asString(""),
                probe.path("format").path("tags").path("major_brand").asString(""), matroskaDocType(received));
        Path clean = dir.resolve(name + "." + container.extension);
        Path thumbnail = dir.resolve(name + "-thumb.jpg");
        try {
            String flagged = null;
            if (!remux(received, clean, container)) {
                flagged = "The video's metadata could not be stripped; it is kept as sent. Check it before publishing.";
                Files.deleteIfExists(clean);
                Files.copy(received, clean);
            } else {
                String left = probe(clean).map(Videos::leftoverTags).orElse("the cleaned file could not be read back");
                if (!left.isEmpty()) {
                    flagged = "The video may still carry metadata (" + left + "). Check it before publishing.";
                }
            }
            boolean hasThumbnail = thumbnail(clean, thumbnail);
            return new CleanMedia(MediaKind.VIDEO, clean.getFileName().toString(),
                    hasThumbnail ? thumbnail.getFileName().toString() : null, container.contentType, Files.size(clean),
                    positive(video.path("width").asInt(0)), positive(video.path("height").asInt(0)), flagged);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(clean);
            Files.deleteIfExists(thumbnail);
            throw e;
        }
    }

    /** The DocType of a Matroska file's EBML header ("webm" or "matroska"); ffprobe names both alike. */
    private static String matroskaDocType(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.contains("webm") ? "webm" : "matroska";
    }

    private static Integer positive(int value) {
        return value > 0 ? value : null;
    }

    private record Container(String extension, String contentType, String muxer) {
        static Container of(String formatName, String brand, String docType) {
            if (formatName.contains("matroska")) {
                return docType.equals("webm") ? new Container("webm", "video/webm", "webm")
                        : new Container("mkv", "video/x-matroska", "matroska");
            }
            return brand.trim().equals("qt") ? new Container("mov", "video/quicktime", "mov") : new Container("mp4", "video/mp4", "mp4");
        }
    }

    private boolean remux(Path in, Path out, Container container) {
        List<String> command = new ArrayList<>(List.of(properties.ffmpeg(), "-v", "error", "-nostdin", "-y", "-i", in.toString(),
                "-map", "0:v", "-map", "0:a?", "-dn", "-sn", "-map_metadata", "-1", "-map_metadata:s", "-1",
                "-map_chapters", "-1", "-c", "copy", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
                "-f", container.muxer, out.toString()));
        return run(command).map(result -> result.exit == 0 && Files.isRegularFile(out)).orElse(false);
    }

    /** A frame a second in (or the first, for shorter videos), as a JPEG written by the photo code. */
    private boolean thumbnail(Path video, Path thumbnail) throws IOException {
        Path frame = thumbnail.resolveSibling(thumbnail.getFileName() + ".frame.png");
        try {
            for (String at : List.of("1", "0")) {
                Files.deleteIfExists(frame);
                boolean made = run(List.of(properties.ffmpeg(), "-v", "error", "-nostdin", "-y", "-ss", at, "-i", video.toString(),
                        "-frames:v", "1", "-f", "image2", "-c:v", "png", frame.toString()))
                        .map(r -> r.exit == 0).orElse(false);
                if (made && Files.isRegularFile(frame) && Files.size(frame) > 0) {
                    photos.writeThumbnail(Photos.readTrusted(frame), thumbnail);
                    return true;
                }
            }
            return false;
        } finally {
            Files.deleteIfExists(frame);
        }
    }

    /** Without ffprobe (or when it runs too long) nothing can be checked: the video is kept as sent, for the moderator. */
    private static CleanMedia keptAsSent(Path received, Path dir, String name) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(received)) {
            in.readNBytes(magic, 0, 4);
        }
        boolean matroska = magic[0] == 0x1A && magic[1] == 0x45 && (magic[2] & 0xff) == 0xDF && (magic[3] & 0xff) == 0xA3;
        Path kept = dir.resolve(name + (matroska ? ".mkv" : ".mp4"));
        Files.copy(received, kept);
        return new CleanMedia(MediaKind.VIDEO, kept.getFileName().toString(), null, matroska ? "video/x-matroska" : "video/mp4",
                Files.size(kept), null, null, "The video could not be checked or its metadata stripped (ffprobe/ffmpeg unavailable); it is kept as sent. Check it before publishing.");
    }

    private List<String> probeCommand(Path file) {
        return List.of(properties.ffprobe(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString());
    }

    private java.util.Optional<JsonNode> probe(Path file) {
        return run(probeCommand(file))
                .filter(result -> result.exit == 0)
                .map(result -> JSON.readTree(result.output));
    }

    private static JsonNode videoStream(JsonNode probe) {
        for (JsonNode stream : probe.path("streams")) {
            if ("video".equals(stream.path("codec_type").asString("")) && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
                return stream;
            }
        }
        return null;
    }

    /** The names of tags left in a probed file that could say who or where; empty when none. */
    private static String leftoverTags(JsonNode probe) {
        List<String> left = new ArrayList<>();
        collectTags(probe.path("format").path("tags"), left);
        for (JsonNode stream : probe.path("streams")) {
            collectTags(stream.path("tags"), left);
        }
        return String.join(", ", left);
    }

    private static void collectTags(JsonNode tags, List<String> left) {
        for (Map.Entry<String, JsonNode> tag : tags.properties()) {
            if (!HARMLESS_TAGS.contains(tag.getKey().toLowerCase(Locale.ROOT))) {
                left.add(tag.getKey());
            }
        }
    }

    private record Result(int exit, String output) {
    }

    /** Runs a program with a time limit; empty when it cannot be started or runs too long. */
    private java.util.Optional<Result> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        if (output.size() < MAX_OUTPUT) {
                            output.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            if (!process.waitFor(properties.videoTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                log.warn("{} ran longer than {} and was stopped", command.getFirst(), properties.videoTimeout());
                return java.util.Optional.empty();
            }
            reader.join(5_000);
            return java.util.Optional.of(new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            log.warn("Could not run {}: {}", command.getFirst(), e.getMessage());
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
