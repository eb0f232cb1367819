package org.convene.events.internal;

/**
 * The event takes no registrations (or no changes) now: not yet open, closed, cancelled or over.
 * The API answers it as a 409 problem; the event page shows it above the form.
 */
public class RegistrationRefusedException extends RuntimeException {

    private final String code;

    public RegistrationRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The message code, for example {@code registration.refused.closed}. */
    public String code() {
        return code;
    }
}
