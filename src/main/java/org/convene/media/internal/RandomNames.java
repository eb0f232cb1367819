package org.convene.media.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** File names the server makes: 32 random hex digits, never derived from what was uploaded. */
public final class RandomNames {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomNames() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
