package org.convene.publishing.signon;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.convene.platform.PlatformProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The link an individual signer confirms their e-mail with: {@code /sign-on/confirm/{token}}, the
 * token being the endorsement id and the link's expiry followed by an HMAC-SHA256 of both
 * (truncated to 128 bits) under a key kept in the database, so every node accepts every link.
 */
@Component
public class SignOnLinks {

    /** What a token says: the endorsement, or why it is no good. */
    public sealed interface Check {
        record Valid(long endorsementId) implements Check {
        }

        record Invalid() implements Check {
        }

        record Expired(long endorsementId) implements Check {
        }
    }

    private static final int MAC_BYTES = 16;
    private static final byte[] PURPOSE = {'S', 'O'};

    private final JdbcClient jdbc;
    private final PlatformProperties platform;
    private final SignOnProperties properties;
    private volatile byte[] key;

    SignOnLinks(JdbcClient jdbc, PlatformProperties platform, SignOnProperties properties) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.properties = properties;
    }

    public String link(long endorsementId) {
        return platform.link("/sign-on/confirm/" + token(endorsementId, Instant.now().plus(properties.confirmationLinksLast())));
    }

    String token(long endorsementId, Instant expires) {
        long seconds = expires.getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(16 + MAC_BYTES).putLong(endorsementId).putLong(seconds).put(mac(endorsementId, seconds)).array());
    }

    public Check check(String token, Instant now) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return new Check.Invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException malformed) {
            return new Check.Invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long id = buffer.getLong();
        long seconds = buffer.getLong();
        // Only the canonical spelling: the last character's unused bits must not make another valid link.
        if (bytes.length != 16 + MAC_BYTES || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)
                || !MessageDigest.isEqual(Arrays.copyOfRange(bytes, 16, bytes.length), mac(id, seconds))) {
            return new Check.Invalid();
        }
        return now.getEpochSecond() >= seconds ? new Check.Expired(id) : new Check.Valid(id);
    }

    private byte[] mac(long id, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(PURPOSE.length + 16).put(PURPOSE).putLong(id).putLong(expires).array()),
                    MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO sign_on_link_key (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING").param("secret", fresh).update();
            k = jdbc.sql("SELECT secret FROM sign_on_link_key WHERE id = 1").query(byte[].class).single();
            key = k;
        }
        return k;
    }
}
