package org.convene.media;

/**
 * A document upload that is not stored. The caller names the reason to the person who sent it; the
 * exception's message is a detail in English for logs and API problems.
 */
public class RefusedDocumentException extends RuntimeException {

    public enum Reason {
        /** zero bytes */
        EMPTY,
        TOO_LARGE,
        /** the content is not one of the types the caller accepts (programs, HTML, SVG, ...) */
        NOT_ALLOWED,
        /** a ZIP archive that is not an office document or e-book (or one with macros) */
        NOT_AN_OFFICE_DOCUMENT,
        /** the file is cut short or cannot be read as what it claims to be */
        DAMAGED
    }

    private final Reason reason;

    public RefusedDocumentException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
