package org.convene.campaigns.footage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.Campaigns;
import org.convene.campaigns.internal.FootageFiles;
import org.convene.media.CleanMedia;
import org.convene.media.GroundMedia;
import org.convene.media.MediaKind;
import org.convene.media.MediaProperties;
import org.convene.media.RefusedMediaException;
import org.convene.platform.i18n.Languages;
import org.convene.platform.security.SecretTokens;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.convene.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Footage arriving from the ground, by resumable upload: a session is started with the file's
 * name and size, its chunks are written straight to {@code convene.media.dir/incoming} in order
 * (the first one shows the kind of file, by its content), and completing it has {@link GroundMedia}
 * check the whole file and store a clean copy, writes the {@code footage} row (PENDING) and queues
 * the confirmation mail in one transaction. Completing is final: it stores the footage or discards
 * the upload. Every refusal deletes what was received, so nothing is left behind.
 */
@Service
public class FootageUploads {

    /** A session in progress; {@code received} bytes are on disk, in whole chunks. */
    record Upload(String tokenHash, long campaignId, String fileName, long size, int chunkSize, long received, MediaKind kind,
                  Instant updatedAt) {

        int chunks() {
            return (int) ((size + chunkSize - 1) / chunkSize);
        }

        /** The chunk to send next; {@link #chunks()} once every byte arrived. */
        int nextChunk() {
            return received == size ? chunks() : (int) (received / chunkSize);
        }
    }

    /** A started session: the token the client holds and the chunk size it must use. */
    record Started(String token, Upload upload) {
    }

    private static final Logger log = LoggerFactory.getLogger(FootageUploads.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final int BUFFER = 64 * 1024;
    private static final String COLUMNS = "token_hash, campaign_id, file_name, byte_size, chunk_size, received, kind, updated_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Campaigns campaigns;
    private final GroundMedia media;
    private final FootageFiles files;
    private final FootageMails mails;
    private final Path incoming;
    private final int chunkSize;
    /** Sessions a request is writing to or completing on this node: a second request at the same time is refused, not interleaved. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    FootageUploads(JdbcClient jdbc, TransactionTemplate transaction, Campaigns campaigns, GroundMedia media, FootageFiles files,
                   FootageMails mails, MediaProperties mediaProperties, FootageProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.campaigns = campaigns;
        this.media = media;
        this.files = files;
        this.mails = mails;
        this.incoming = mediaProperties.dir().resolve("incoming");
        this.chunkSize = (int) Math.min(Integer.MAX_VALUE, properties.chunkSize().toBytes());
    }

    int chunkSize() {
        return chunkSize;
    }

    /** The directory received bytes wait in until the upload is completed or discarded. */
    Path incomingDir() {
        return incoming;
    }

    /** The open campaign footage is sent for; a draft is unknown, a closed campaign refuses (409). */
    Campaign openCampaign(String slug) {
        Campaign campaign = campaigns.findBySlug(slug).filter(c -> c.status() != org.convene.campaigns.internal.CampaignStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("No such campaign"));
        if (!campaign.isOpen()) {
            throw closed();
        }
        return campaign;
    }

    private static UploadRefusedException closed() {
        return new UploadRefusedException(409, "footage.refused.closed", "This campaign is closed and no longer takes footage.");
    }

    Started start(Campaign campaign, String fileName, long size) {
        if (!campaign.isOpen()) {
            throw closed();
        }
        String name = fileName == null ? "" : fileName.strip().replaceAll("[\\p{Cntrl}/\\\\]", "_");
        if (name.isEmpty() || name.length() > 255) {
            throw new InvalidInputException("fileName", "footage.error.file-name", "Give the file's name (1 to 255 characters).");
        }
        if (size <= 0) {
            throw new UploadRefusedException(400, "media.refused.empty", "The file is empty (0 bytes).");
        }
        long largest = Math.max(media.maxBytes(MediaKind.PHOTO), media.maxBytes(MediaKind.VIDEO));
        if (size > largest) {
            throw tooLarge(size, largest);
        }
        String token = SecretTokens.random();
        Upload upload = jdbc.sql("INSERT INTO footage_upload (token_hash, campaign_id, file_name, byte_size, chunk_size) "
                        + "VALUES (:hash, :campaign, :name, :size, :chunk) RETURNING " + COLUMNS)
                .param("hash", SecretTokens.hash(token)).param("campaign", campaign.id()).param("name", name)
                .param("size", size).param("chunk", chunkSize).query(FootageUploads::map).single();
        return new Started(token, upload);
    }

    private static UploadRefusedException tooLarge(long size, long max) {
        return new UploadRefusedException(413, "media.refused.too-large",
                "The file is " + size + " bytes; at most " + max + " bytes are accepted for this kind of file.");
    }

    Optional<Upload> find(String token) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM footage_upload WHERE token_hash = :hash").param("hash", SecretTokens.hash(token))
                .query(FootageUploads::map).optional();
    }

    private Upload required(String token) {
        return find(token).orElseThrow(() -> new NotFoundException("No such upload (it was completed, discarded or abandoned)"));
    }

    /**
     * Writes chunk {@code index} from the body, which must hold exactly the chunk's bytes. Chunks come
     * in order: an earlier one again or a later one too soon is refused (409) without touching the
     * file. A body that ends early leaves the upload where it was (the chunk can be sent again); one
     * with more bytes than the chunk, or a first chunk that is no accepted kind of file or too large
     * for its kind, discards the upload.
     *
     * @return the bytes received so far
     */
    Upload receive(String token, int index, InputStream body) {
        Upload upload = required(token);
        claim(upload);
        try {
            if (upload.received() == upload.size()) {
                throw new UploadRefusedException(409, "footage.refused.all-received",
                        "All " + upload.size() + " bytes have arrived; complete the upload.");
            }
            int expected = (int) (upload.received() / upload.chunkSize());
            if (index < expected) {
                throw new UploadRefusedException(409, "footage.refused.chunk-repeated", "Chunk " + index
                        + " has arrived already and was not written again; the next chunk is " + expected + " (offset " + upload.received() + ").");
            }
            if (index > expected) {
                throw new UploadRefusedException(409, "footage.refused.chunk-out-of-order", "Chunk " + index
                        + " came before chunk " + expected + "; send the chunks in order, the next one is " + expected
                        + " (offset " + upload.received() + ").");
            }
            long offset = upload.received();
            long length = Math.min(upload.chunkSize(), upload.size() - offset);
            MediaKind kind = upload.kind();
            Path file = incomingFile(upload);
            long written;
            try {
                Files.createDirectories(incoming);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.position(offset);
                    if (index == 0) {
                        byte[] head = body.readNBytes((int) Math.min(SNIFF_BYTES, length));
                        if (head.length < Math.min(SNIFF_BYTES, length)) {
                            written = head.length; // cut off: too little to tell the kind, and sent again later
                        } else {
                            kind = sniff(upload, head);
                            channel.write(ByteBuffer.wrap(head));
                            written = head.length + copy(body, channel, length - head.length);
                        }
                    } else {
                        written = copy(body, channel, length);
                    }
                    if (written < length) {
                        channel.truncate(offset);
                    }
                }
            } catch (IOException e) {
                truncate(file, offset);
                throw new UploadRefusedException(400, "footage.refused.chunk-short",
                        "Chunk " + index + " was cut off before all its bytes arrived; send it again.");
            }
            if (written > length) {
                discard(upload);
                throw new UploadRefusedException(413, "footage.refused.more-than-declared", "Chunk " + index + " holds more than its "
                        + length + " bytes: the file is larger than the " + upload.size() + " bytes declared. The upload was discarded.");
            }
            if (written < length) {
                throw new UploadRefusedException(400, "footage.refused.chunk-short", "Chunk " + index + " must hold " + length
                        + " bytes but " + written + " arrived; send it again.");
            }
            return jdbc.sql("UPDATE footage_upload SET received = :received, kind = :kind, updated_at = now() "
                            + "WHERE token_hash = :hash AND received = :before RETURNING " + COLUMNS)
                    .param("received", offset + length).param("kind", kind.name()).param("hash", upload.tokenHash())
                    .param("before", offset).query(FootageUploads::map).optional()
                    .orElseThrow(() -> new UploadRefusedException(409, "footage.refused.chunk-busy",
                            "Another request changed this upload at the same time; ask for the offset and go on from there."));
        } finally {
            release(upload);
        }
    }

    private MediaKind sniff(Upload upload, byte[] head) {
        MediaKind kind;
        try {
            kind = media.sniff(head);
        } catch (RefusedMediaException refused) {
            discard(upload);
            throw refused;
        }
        long max = media.maxBytes(kind);
        if (upload.size() > max) {
            discard(upload);
            throw tooLarge(upload.size(), max);
        }
        return kind;
    }

    /** Copies at most {@code length + 1} bytes (one more shows that the body is too long). */
    private static long copy(InputStream body, FileChannel channel, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        while (copied <= length) {
            int n = body.read(buffer, 0, (int) Math.min(buffer.length, length + 1 - copied));
            if (n < 0) {
                break;
            }
            if (copied + n > length) {
                return copied + n;
            }
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
            copied += n;
        }
        return copied;
    }

    /**
     * Completes an upload: checks the campaign (still open), the submission, that every byte arrived and
     * (through {@link GroundMedia}) the file itself; stores the clean copy, the footage row and the
     * confirmation mail. Whatever the outcome, the upload session and its received bytes are gone afterwards.
     *
     * @return the footage's id
     */
    long complete(String token, Submission submission, Locale locale) {
        Upload upload = required(token);
        claim(upload);
        try {
            Campaign campaign = campaigns.find(upload.campaignId()).orElseThrow();
            if (!campaign.isOpen()) {
                throw closed();
            }
            check(campaign, submission);
            if (upload.received() < upload.size()) {
                throw new UploadRefusedException(409, "footage.refused.incomplete", "Only " + upload.received() + " of the "
                        + upload.size() + " bytes arrived before the upload was completed; it was discarded. Send the file again.");
            }
            CleanMedia clean = media.store(incomingFile(upload), files.dir());
            String language = Languages.isSupported(submission.language()) ? submission.language() : locale.getLanguage();
            try {
                return transaction.execute(status -> {
                    long id = jdbc.sql("""
                                    INSERT INTO footage (campaign_id, local_action_id, kind, stored_name, thumbnail_name, content_type, byte_size,
                                                         width, height, caption, place, credit, consent_at, submitter_email, language, flagged_reason)
                                    VALUES (:campaign, :action, :kind, :stored, :thumb, :type, :bytes, :width, :height, :caption, :place, :credit,
                                            now(), :email, :language, :flagged) RETURNING id""")
                            .param("campaign", campaign.id()).param("action", submission.actionId())
                            .param("kind", clean.kind().name()).param("stored", clean.storedName()).param("thumb", clean.thumbnailName())
                            .param("type", clean.contentType()).param("bytes", clean.byteSize())
                            .param("width", clean.width()).param("height", clean.height())
                            .param("caption", strip(submission.caption())).param("place", strip(submission.place()))
                            .param("credit", strip(submission.credit())).param("email", submission.email().strip())
                            .param("language", language).param("flagged", clean.flaggedReason())
                            .query(Long.class).single();
                    jdbc.sql("DELETE FROM footage_upload WHERE token_hash = :hash").param("hash", upload.tokenHash()).update();
                    mails.received(campaign, id, submission.email().strip(), clean.kind().name(), upload.fileName(), Locale.forLanguageTag(language));
                    return id;
                });
            } catch (RuntimeException e) {
                deleteQuietly(files.dir().resolve(clean.storedName()));
                if (clean.thumbnailName() != null) {
                    deleteQuietly(files.dir().resolve(clean.thumbnailName()));
                }
                throw e;
            }
        } finally {
            discard(upload);
            release(upload);
        }
    }

    /** The problems of a submission, by field; none for a valid one. */
    List<FieldProblem> problems(Campaign campaign, Submission s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!s.consent()) {
            problems.add(new FieldProblem("consent", "footage.error.consent-required",
                    "Confirm the consent statement: without it the footage cannot be accepted."));
        }
        String email = s.email() == null ? "" : s.email().strip();
        if (email.isEmpty()) {
            problems.add(new FieldProblem("email", "footage.error.email-required", "An e-mail address is required for the confirmation."));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "footage.error.email", "Enter a valid e-mail address, like name@example.org."));
        }
        tooLong(problems, "caption", s.caption(), 1000);
        tooLong(problems, "place", s.place(), 200);
        tooLong(problems, "credit", s.credit(), 200);
        if (s.actionId() != null && action(campaign.id(), s.actionId()).isEmpty()) {
            problems.add(new FieldProblem("actionId", "footage.error.action", "Choose one of this campaign's actions, or none."));
        }
        return problems;
    }

    private void check(Campaign campaign, Submission submission) {
        List<FieldProblem> problems = problems(campaign, submission);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, "footage.error.too-long", "Use at most " + max + " characters."));
        }
    }

    /** One of a campaign's published actions, for the form's list. */
    public record ActionChoice(long id, String title, String city, String country) {
    }

    /** At most this many actions are offered in the form's list; beyond, footage is sent for an action from its own link. */
    static final int ACTIONS_LISTED = 300;

    List<ActionChoice> actions(long campaignId) {
        return jdbc.sql("""
                        SELECT id, title, city, country FROM local_action
                        WHERE campaign_id = :campaign AND status = 'PUBLISHED' AND visibility = 'PUBLIC'
                        ORDER BY title, id LIMIT :limit""")
                .param("campaign", campaignId).param("limit", ACTIONS_LISTED + 1)
                .query((rs, n) -> new ActionChoice(rs.getLong("id"), rs.getString("title"), rs.getString("city"), rs.getString("country")))
                .list();
    }

    Optional<ActionChoice> action(long campaignId, long actionId) {
        return jdbc.sql("SELECT id, title, city, country FROM local_action WHERE id = :id AND campaign_id = :campaign AND status = 'PUBLISHED'")
                .param("id", actionId).param("campaign", campaignId)
                .query((rs, n) -> new ActionChoice(rs.getLong("id"), rs.getString("title"), rs.getString("city"), rs.getString("country")))
                .optional();
    }

    /** Drops an upload on the client's request (or after a refusal): its row and its received bytes. */
    void discard(String token) {
        Upload upload = required(token);
        claim(upload);
        try {
            discard(upload);
        } finally {
            release(upload);
        }
    }

    private void discard(Upload upload) {
        jdbc.sql("DELETE FROM footage_upload WHERE token_hash = :hash").param("hash", upload.tokenHash()).update();
        deleteQuietly(incomingFile(upload));
    }

    /** Deletes uploads that received nothing for {@code convene.campaigns.footage.abandon-after}, and their bytes. */
    int deleteAbandoned(java.time.Duration after) {
        List<String> gone = jdbc.sql("DELETE FROM footage_upload WHERE updated_at < now() - CAST(:after AS interval) RETURNING token_hash")
                .param("after", after.toSeconds() + " seconds").query(String.class).list();
        gone.forEach(hash -> deleteQuietly(incoming.resolve(hash + ".part")));
        if (!gone.isEmpty()) {
            log.info("Deleted {} abandoned footage uploads", gone.size());
        }
        return gone.size();
    }

    private Path incomingFile(Upload upload) {
        return incoming.resolve(upload.tokenHash() + ".part");
    }

    private void claim(Upload upload) {
        if (!busy.add(upload.tokenHash())) {
            throw new UploadRefusedException(409, "footage.refused.chunk-busy",
                    "Another request is working on this upload right now; wait for it, then ask for the offset.");
        }
    }

    private void release(Upload upload) {
        busy.remove(upload.tokenHash());
    }

    private static void truncate(Path file, long size) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        } catch (IOException e) {
            log.warn("Could not cut {} back to {} bytes", file, size, e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static Upload map(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        return new Upload(rs.getString("token_hash"), rs.getLong("campaign_id"), rs.getString("file_name"), rs.getLong("byte_size"),
                rs.getInt("chunk_size"), rs.getLong("received"), kind == null ? null : MediaKind.valueOf(kind),
                rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
    }
}
