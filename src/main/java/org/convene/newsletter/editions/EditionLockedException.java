package org.convene.newsletter.editions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change to an edition that has started sending (or a schedule change it no longer allows): answered 409. */
public class EditionLockedException extends ErrorResponseException {

    private final EditionStatus status;

    public EditionLockedException(EditionStatus status) {
        super(HttpStatus.CONFLICT, problem(status), null);
        this.status = status;
    }

    private static ProblemDetail problem(EditionStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The edition is " + status + " and can no longer be changed.");
        problem.setTitle("Edition locked");
        problem.setProperty("status", status.name());
        return problem;
    }

    public EditionStatus status() {
        return status;
    }
}
