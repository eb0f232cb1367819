package org.convene.events.internal;

import java.util.Locale;

/**
 * Ticket codes as people type and scanners read them: 10 characters of Crockford base32, shown
 * grouped as {@code ABCD-EFGH-JK}. Reading forgives what door staff and scanners add: lower case,
 * spaces and hyphens, and the look-alikes O (zero) and I, L (one). The codes themselves come from
 * the database ({@code events_ticket_code()}).
 */
public final class TicketCodes {

    public static final int LENGTH = 10;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private TicketCodes() {
    }

    /** The code in its stored form, or null when it cannot be a ticket code. */
    public static String normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return null;
            }
            code.append(read);
        }
        return code.length() == LENGTH ? code.toString() : null;
    }

    /** {@code ABCDEFGHJK} as {@code ABCD-EFGH-JK}. */
    public static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }
}
