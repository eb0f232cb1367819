package org.convene.media;

/** An upload that is not stored. {@link #messageKey()} names the reason for the person who sent it. */
public class RefusedImageException extends RuntimeException {

    public enum Reason {
        TOO_LARGE("media.tooLarge"),
        TOO_MANY_PIXELS("media.tooManyPixels"),
        NOT_AN_IMAGE("media.notAnImage");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final Reason reason;

    public RefusedImageException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey;
    }
}
