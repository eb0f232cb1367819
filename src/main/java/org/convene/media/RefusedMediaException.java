package org.convene.media;

import java.util.Locale;

/**
 * A file from the ground that is not stored. {@link #messageKey()} names the reason for the person
 * who sent it ({@code media.refused.*} in the {@code messages/media} bundle); the exception's
 * message is a detail in English for logs and API problems.
 */
public class RefusedMediaException extends RuntimeException {

    public enum Reason {
        /** zero bytes */
        EMPTY,
        /** the content is no photo or video we accept */
        UNKNOWN_TYPE,
        /** the content is a type we refuse on purpose: SVG, HTML, programs, archives */
        NOT_ALLOWED,
        /** the content is also another kind of file (a photo that is also a ZIP or HTML page) */
        POLYGLOT,
        TOO_LARGE,
        /** the image declares more pixels than may be decoded */
        TOO_MANY_PIXELS,
        /** the file is cut short or broken */
        DAMAGED
    }

    private final Reason reason;

    public RefusedMediaException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "media.refused." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
