package org.convene.publishing.resources;

import java.util.ArrayList;
import java.util.List;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Reasons to refuse a resource, as message codes with their text in the reader's language. */
final class Refusals {

    private final MessageSource messages;
    private final List<FieldProblem> problems = new ArrayList<>();

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    Refusals add(String field, String code) {
        problems.add(new FieldProblem(field, code, messages.getMessage(code, null, code, LocaleContextHolder.getLocale())));
        return this;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
