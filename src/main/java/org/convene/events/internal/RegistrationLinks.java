package org.convene.events.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.convene.platform.PlatformProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The personal link of a registrant: {@code /registrations/{token}} where the token is the
 * registration id followed by an HMAC-SHA256 of it (truncated to 128 bits). The key lives in the
 * database, so every node accepts every link and a link can be written again into later e-mails.
 * A changed character anywhere gives a token that does not verify.
 * <p>
 * The join link of an online registrant ({@code /join/{token}}) is built alike, but its MAC covers
 * a purpose byte before the id: a personal-page token is no join token and the other way round.
 */
@Component
public class RegistrationLinks {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final PlatformProperties platform;
    private volatile byte[] key;

    RegistrationLinks(JdbcClient jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.platform = platform;
    }

    private static final byte[] PERSONAL = {};
    private static final byte[] JOIN = {'J'};

    public String token(long registrationId) {
        return token(PERSONAL, registrationId);
    }

    public String joinToken(long registrationId) {
        return token(JOIN, registrationId);
    }

    /** The absolute join link of an online registrant. */
    public String joinLink(long registrationId) {
        return platform.link("/join/" + joinToken(registrationId));
    }

    /** The registration a join token stands for, or empty when it is malformed, its signature wrong or it is a personal-page token. */
    public OptionalLong verifyJoin(String token) {
        return verify(JOIN, token);
    }

    private String token(byte[] purpose, long registrationId) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + MAC_BYTES);
        buffer.putLong(registrationId).put(mac(purpose, registrationId));
        return ENCODER.encodeToString(buffer.array());
    }

    public String path(long registrationId) {
        return "/registrations/" + token(registrationId);
    }

    public String link(long registrationId) {
        return platform.link(path(registrationId));
    }

    /** The registration a token stands for, or empty when it is malformed or its signature is wrong. */
    public OptionalLong verify(String token) {
        return verify(PERSONAL, token);
    }

    private OptionalLong verify(byte[] purpose, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
            return OptionalLong.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException malformed) {
            return OptionalLong.empty();
        }
        if (bytes.length != 8 + MAC_BYTES) {
            return OptionalLong.empty();
        }
        long id = ByteBuffer.wrap(bytes).getLong();
        byte[] given = Arrays.copyOfRange(bytes, 8, bytes.length);
        return MessageDigest.isEqual(given, mac(purpose, id)) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private byte[] mac(byte[] purpose, long id) {
        return sign(ByteBuffer.allocate(purpose.length + 8).put(purpose).putLong(id).array());
    }

    /**
     * The truncated HMAC of a message under the shared key. Other signed links sign a purpose
     * label before the id, so their messages are never 8 bytes long like a registration id.
     */
    byte[] sign(byte[] message) {
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
            jdbc.sql("INSERT INTO registration_link_key (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                    .param("secret", fresh).update();
            k = jdbc.sql("SELECT secret FROM registration_link_key WHERE id = 1").query(byte[].class).single();
            key = k;
        }
        return k;
    }
}
