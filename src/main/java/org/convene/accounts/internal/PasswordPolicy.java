package org.convene.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * What a staff password must be (OWASP ASVS 5, V6): long enough, not absurdly long, and not one of
 * the 100,000 most common passwords found in breaches. The list ships inside the application
 * (nbvcxz's dictionary), so no password is ever sent to a third party.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final String BREACHED_LIST = "/dictionaries/passwords.txt";

    private volatile Set<String> breached;

    /** The message key of the first rule the password breaks, if any. */
    public Optional<String> problem(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (breached().contains(lower)) {
            return Optional.of("password.common");
        }
        if (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("password.sameAsEmail");
        }
        return Optional.empty();
    }

    /**
     * Puts the password's problems on a form: the policy's next to {@code field}, a differing
     * repetition next to {@code confirmPassword}.
     */
    public void check(String password, String confirmation, String email, String field, Errors errors) {
        problem(password, email).ifPresent(code -> errors.rejectValue(field, code));
        if (password != null && !password.equals(confirmation)) {
            errors.rejectValue("confirmPassword", "password.mismatch");
        }
    }

    private Set<String> breached() {
        Set<String> set = breached;
        if (set == null) {
            synchronized (this) {
                if (breached == null) {
                    breached = load();
                }
                set = breached;
            }
        }
        return set;
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>(140_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(BREACHED_LIST)) {
            if (in == null) {
                throw new IllegalStateException("The breached-password list is missing from the classpath");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(l -> l.strip().toLowerCase(Locale.ROOT))
                    .filter(l -> !l.isEmpty())
                    .forEach(set::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
