package org.convene.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.apache.tika.Tika;
import org.convene.media.RefusedMediaException.Reason;
import org.convene.media.internal.Photos;
import org.convene.media.internal.Polyglots;
import org.convene.media.internal.RandomNames;
import org.convene.media.internal.Videos;
import org.springframework.stereotype.Service;

/**
 * Checks photos and videos sent from the ground and stores clean copies. The kind comes from the
 * content, never from a name or a declared type. Photos are decoded (after checking the pixel count
 * the header declares) and re-encoded with their orientation applied, which leaves every piece of
 * metadata behind; videos keep their streams but are remuxed by ffmpeg without metadata, data
 * tracks or chapters (and flagged for the moderator where that fails). Files that are also another
 * kind of file (a photo that is a ZIP archive or an HTML page as well) are refused.
 */
@Service
public class GroundMedia {

    private static final Tika TIKA = new Tika();
    private static final Set<String> PHOTOS = Set.of("image/jpeg", "image/png", "image/webp");
    private static final Set<String> VIDEOS = Set.of("video/quicktime", "video/mp4", "application/mp4", "video/x-m4v",
            "application/x-matroska", "video/x-matroska", "video/webm");
    private static final List<String> REFUSED_ON_PURPOSE = List.of("svg", "html", "xml", "javascript", "executable",
            "msdownload", "dosexec", "mach-o", "sharedlib", "elf", "x-sh", "zip", "archive", "compressed", "pdf", "java");
    private static final int HEAD_BYTES = 64 * 1024;

    private final GroundMediaProperties properties;
    private final Semaphore processing;
    private final Photos photos;
    private final Videos videos;

    public GroundMedia(GroundMediaProperties properties) {
        this.properties = properties;
        this.processing = new Semaphore(Math.max(1, properties.processingThreads()), true);
        this.photos = new Photos(properties);
        this.videos = new Videos(properties, photos);
    }

    /**
     * The kind the first bytes of a file show (pass at least the first 64 KiB, or the whole file if
     * smaller), to refuse an upload from its first chunk.
     *
     * @throws RefusedMediaException for anything that is not an accepted photo or video
     */
    public MediaKind sniff(byte[] head) {
        if (head.length == 0) {
            throw new RefusedMediaException(Reason.EMPTY, "The file is empty.");
        }
        String type = TIKA.detect(head);
        if (PHOTOS.contains(type)) {
            return MediaKind.PHOTO;
        }
        if (VIDEOS.contains(type)) {
            return MediaKind.VIDEO;
        }
        if (REFUSED_ON_PURPOSE.stream().anyMatch(type::contains)) {
            throw new RefusedMediaException(Reason.NOT_ALLOWED, "Files of type " + type + " are not accepted.");
        }
        throw new RefusedMediaException(Reason.UNKNOWN_TYPE,
                "Only JPEG, PNG and WebP photos and MP4, MOV, WebM and MKV videos are accepted, not " + type + ".");
    }

    /** The largest accepted file of that kind, in bytes. */
    public long maxBytes(MediaKind kind) {
        return kind == MediaKind.PHOTO ? properties.maxPhotoBytes() : properties.maxVideoBytes();
    }

    /**
     * Checks the whole received file by its content and writes a clean copy plus a thumbnail into
     * the directory under new server-made names (32 hex digits; the thumbnail ends in
     * {@code -thumb.jpg}). The received file is left for the caller to delete. On refusal nothing
     * is left in the directory.
     *
     * @throws RefusedMediaException when the file is not stored, with the reason
     */
    public CleanMedia store(Path received, Path dir) {
        try {
            long size = Files.size(received);
            if (size == 0) {
                throw new RefusedMediaException(Reason.EMPTY, "The file is empty.");
            }
            MediaKind kind = sniff(head(received));
            if (size > maxBytes(kind)) {
                throw new RefusedMediaException(Reason.TOO_LARGE,
                        "The " + kind.name().toLowerCase() + " is " + size + " bytes; at most " + maxBytes(kind) + " are accepted.");
            }
            Polyglots.refuseIfAlsoAnotherKind(received, size);
            Files.createDirectories(dir);
            String name = RandomNames.next();
            processing.acquireUninterruptibly();
            try {
                return kind == MediaKind.PHOTO ? photos.store(received, dir, name, size) : videos.store(received, dir, name, size);
            } finally {
                processing.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }
}
