package org.convene.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tokens for personal links sent by e-mail (confirm a subscription, manage preferences, withdraw a
 * submission): the id of what the link stands for, optionally an expiry time, and an HMAC-SHA256
 * over a purpose label, the id and the expiry (truncated to 128 bits). The key lives in the
 * database, so every node accepts every link, and nothing has to be stored per link. A token made
 * for one purpose never verifies for another; a changed character anywhere fails.
 */
@Component
public class SignedLinks {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private volatile byte[] key;

    SignedLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token that does not expire (e.g. an unsubscribe link, which must keep working in old mails). */
    public String token(String purpose, long id) {
        return ENCODER.encodeToString(ByteBuffer.allocate(8 + MAC_BYTES).putLong(id).put(mac(purpose, id, 0)).array());
    }

    /** A token that stops verifying after the given time. */
    public String token(String purpose, long id, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return ENCODER.encodeToString(ByteBuffer.allocate(16 + MAC_BYTES).putLong(id).putLong(expiry).put(mac(purpose, id, expiry)).array());
    }

    /**
     * The id a token stands for, or empty when it is malformed, made for another purpose, its
     * signature is wrong or it has expired.
     */
    public OptionalLong verify(String purpose, String token, Instant now) {
        if (token == null || !(token.matches("[A-Za-z0-9_-]{32}") || token.matches("[A-Za-z0-9_-]{43}"))) {
            return OptionalLong.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException malformed) {
            return OptionalLong.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long id = buffer.getLong();
        long expiry = bytes.length == 16 + MAC_BYTES ? buffer.getLong() : 0;
        byte[] given = Arrays.copyOfRange(bytes, buffer.position(), bytes.length);
        if (given.length != MAC_BYTES || !MessageDigest.isEqual(given, mac(purpose, id, expiry))) {
            return OptionalLong.empty();
        }
        if (expiry != 0 && now.getEpochSecond() > expiry) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(id);
    }

    private byte[] mac(String purpose, long id, long expiry) {
        byte[] label = purpose.getBytes(StandardCharsets.UTF_8);
        byte[] message = ByteBuffer.allocate(4 + label.length + 16).putInt(label.length).put(label).putLong(id).putLong(expiry).array();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(message), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO signed_link_key (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING").param("secret", fresh).update();
            k = jdbc.sql("SELECT secret FROM signed_link_key WHERE id = 1").query(byte[].class).single();
            key = k;
        }
        return k;
    }
}
