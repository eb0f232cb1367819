package org.convene.events.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Idempotency-Key of API registrations, per event: the first request with a key stores a hash of
 * what it asked and the answer it got (status and registration) for
 * {@code convene.events.idempotency-key-validity}; a retry gets that answer back without writing.
 * Only successful answers are stored: a refused request may be retried with the same key.
 */
@Service
public class RegistrationRequestKeys {

    /** What the first request with a key asked (hashed) and was answered. */
    public record Stored(String requestHash, int status, long registrationId) {
    }

    private final JdbcClient jdbc;
    private final OrganizerProperties properties;

    RegistrationRequestKeys(JdbcClient jdbc, OrganizerProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A key a client may send: 1 to 255 visible ASCII characters. */
    public static boolean isWellFormed(String key) {
        return key != null && key.matches("[\\x21-\\x7E]{1,255}");
    }

    public Optional<Stored> find(long eventId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, response_status, registration_id FROM registration_request_key
                        WHERE event_id = :event AND key = :key AND expires_at > now()""")
                .param("event", eventId).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getLong(3))).optional();
    }

    /** Stores the answer unless a live entry exists already (a concurrent first request won). */
    public void remember(long eventId, String key, String requestHash, int status, long registrationId) {
        jdbc.sql("""
                        INSERT INTO registration_request_key (event_id, key, request_hash, response_status, registration_id, expires_at)
                        VALUES (:event, :key, :hash, :status, :registration, now() + CAST(:validity AS interval))
                        ON CONFLICT (event_id, key) DO UPDATE SET request_hash = excluded.request_hash,
                            response_status = excluded.response_status, registration_id = excluded.registration_id,
                            expires_at = excluded.expires_at
                        WHERE registration_request_key.expires_at <= now()""")
                .param("event", eventId).param("key", key).param("hash", requestHash).param("status", status)
                .param("registration", registrationId).param("validity", properties.idempotencyKeyValidity().toSeconds() + " seconds")
                .update();
    }

    /** Deletes expired keys; run by the recurring job. */
    public int deleteExpired() {
        return jdbc.sql("DELETE FROM registration_request_key WHERE expires_at <= now()").update();
    }

    /** A fingerprint of a request: the SHA-256 of its parts (each null-safe, separated). */
    public static String fingerprint(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
