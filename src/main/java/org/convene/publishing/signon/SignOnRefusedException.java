package org.convene.publishing.signon;

/** Sign-on refused as a whole (closed, past the deadline, already endorsed): a message, not a field problem. */
public class SignOnRefusedException extends RuntimeException {

    private final String code;

    public SignOnRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The message key. */
    public String code() {
        return code;
    }
}
