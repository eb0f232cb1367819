package org.convene.campaigns.footage;

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
 * The submitter's personal link, {@code /footage/submissions/{token}}: the footage id followed by
 * a truncated HMAC-SHA256 of it (as the events' registration links), under a key kept in the
 * database so that every node accepts every link.
 */
@Component
class FootageLinks {

    private static final int MAC_BYTES = 16;
    private static final byte[] PURPOSE = {'F'};

    private final JdbcClient jdbc;
    private final PlatformProperties platform;
    private volatile byte[] key;

    FootageLinks(JdbcClient jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.platform = platform;
    }

    String token(long footageId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(8 + MAC_BYTES).putLong(footageId).put(mac(footageId)).array());
    }

    String path(long footageId) {
        return "/footage/submissions/" + token(footageId);
    }

    String link(long footageId) {
        return platform.link(path(footageId));
    }

    /** The footage a token stands for, or empty when it is malformed or its signature is wrong. */
    OptionalLong verify(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
            return OptionalLong.empty();
        }
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        long id = ByteBuffer.wrap(bytes).getLong();
        return MessageDigest.isEqual(Arrays.copyOfRange(bytes, 8, bytes.length), mac(id)) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private byte[] mac(long id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(PURPOSE.length + 8).put(PURPOSE).putLong(id).array()), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO footage_link_key (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING").param("secret", fresh).update();
            k = jdbc.sql("SELECT secret FROM footage_link_key WHERE id = 1").query(byte[].class).single();
            key = k;
        }
        return k;
    }
}
