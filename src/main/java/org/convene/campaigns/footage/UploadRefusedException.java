package org.convene.campaigns.footage;

/**
 * An upload or chunk that is not taken. {@link #code()} is a message key for people; the message
 * is the English detail for API clients; {@link #status()} the HTTP status to answer with.
 */
class UploadRefusedException extends RuntimeException {

    private final int status;
    private final String code;

    UploadRefusedException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
