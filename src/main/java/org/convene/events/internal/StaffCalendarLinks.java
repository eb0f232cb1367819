package org.convene.events.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import org.convene.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * The private calendar feed of a staff member: {@code /events/my.ics?key=<token>}, where the token
 * is the staff id followed by an HMAC of it under the key of {@link RegistrationLinks}, signed with
 * a purpose label so that it can never pass for a registrant's link (nor the other way round).
 * Calendar programs cannot log in, so the token stands for the staff member; the feed still
 * checks that their account is active.
 */
@Component
public class StaffCalendarLinks {

    private static final byte[] PURPOSE = "convene:staff-calendar:".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 16;

    private final RegistrationLinks keys;
    private final PlatformProperties platform;

    StaffCalendarLinks(RegistrationLinks keys, PlatformProperties platform) {
        this.keys = keys;
        this.platform = platform;
    }

    public String token(long staffId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ByteBuffer.allocate(8 + MAC_BYTES).putLong(staffId).put(mac(staffId)).array());
    }

    public String link(long staffId) {
        return platform.link("/events/my.ics?key=" + token(staffId));
    }

    /** The private calendar's address of the staff member signed in, or null (for the staff pages). */
    public String forCurrentStaff() {
        return org.convene.accounts.CurrentStaff.get().map(staff -> link(staff.id())).orElse(null);
    }

    /** The staff id a token stands for, or empty when it is malformed or its signature is wrong. */
    public OptionalLong verify(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
            return OptionalLong.empty();
        }
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        long id = ByteBuffer.wrap(bytes).getLong();
        return MessageDigest.isEqual(Arrays.copyOfRange(bytes, 8, bytes.length), mac(id)) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private byte[] mac(long staffId) {
        return keys.sign(ByteBuffer.allocate(PURPOSE.length + 8).put(PURPOSE).putLong(staffId).array());
    }
}
