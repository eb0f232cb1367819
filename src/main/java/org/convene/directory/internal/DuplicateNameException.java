package org.convene.directory.internal;

import java.util.List;
import org.convene.platform.web.InvalidInputException;

/** A name another record of the same kind already has (names are unique, ignoring case). Answered with 409 by the API. */
public class DuplicateNameException extends InvalidInputException {
    public DuplicateNameException(List<FieldProblem> problems) {
        super(problems);
    }

    public static DuplicateNameException of(String field) {
        return new DuplicateNameException(List.of(new FieldProblem(field, "directory.name.taken", "This name is already taken.")));
    }
}
