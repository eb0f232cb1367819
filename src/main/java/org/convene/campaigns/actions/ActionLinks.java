package org.convene.campaigns.actions;

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
 * The link in a proposal's confirmation mail: {@code /campaigns/actions/confirm/{token}}, the token
 * being the action id and an HMAC-SHA256 of it (truncated to 128 bits) under a key kept in the
 * database (so every node accepts every link), as the events module signs registrants' links.
 */
@Component
class ActionLinks {

    private static final int MAC_BYTES = 16;
    private static final byte[] PURPOSE = {'A', 'P'};

    private final JdbcClient jdbc;
    private final PlatformProperties platform;
    private volatile byte[] key;

    ActionLinks(JdbcClient jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.platform = platform;
    }

    String token(long actionId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ByteBuffer.allocate(8 + MAC_BYTES).putLong(actionId).put(mac(actionId)).array());
    }

    String confirmLink(long actionId) {
        return platform.link("/campaigns/actions/confirm/" + token(actionId));
    }

    /** The action a token stands for, or empty when it is malformed or its signature is wrong. */
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
            jdbc.sql("INSERT INTO local_action_link_key (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                    .param("secret", fresh).update();
            k = jdbc.sql("SELECT secret FROM local_action_link_key WHERE id = 1").query(byte[].class).single();
            key = k;
        }
        return k;
    }
}
