package org.convene.newsletter.subscribers;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Whether an address looks deliverable: plain syntax (no display names, no comments) and not a throwaway domain. */
@Component
class EmailAddresses {

    enum Verdict { OK, INVALID, DISPOSABLE }

    private static final Pattern SYNTAX = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private final SubscribersProperties properties;

    EmailAddresses(SubscribersProperties properties) {
        this.properties = properties;
    }

    Verdict check(String email) {
        if (email == null || email.length() > 254 || !SYNTAX.matcher(email).matches() || email.indexOf('@') > 64) {
            return Verdict.INVALID;
        }
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        for (String disposable : properties.disposableDomains()) {
            String d = disposable.strip().toLowerCase(Locale.ROOT);
            if (!d.isEmpty() && (domain.equals(d) || domain.endsWith("." + d))) {
                return Verdict.DISPOSABLE;
            }
        }
        return Verdict.OK;
    }
}
