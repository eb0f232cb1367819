package org.convene.platform.web;

import java.util.List;

/**
 * Input a service refuses, with the field each reason belongs to. Web controllers put the reasons
 * next to their fields; the API answers them as a 400 problem.
 */
public class InvalidInputException extends RuntimeException {

    public record FieldProblem(String field, String code, String message) {
    }

    private final List<FieldProblem> errors;

    public InvalidInputException(List<FieldProblem> errors) {
        super(errors.isEmpty() ? "Invalid input" : errors.getFirst().message());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String code, String message) {
        this(List.of(new FieldProblem(field, code, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
