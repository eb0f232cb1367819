package org.convene.events.internal;

import java.util.ArrayList;
import java.util.List;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Collects the reasons to refuse some input, as message codes with their text in the reader's language. */
@Component
public class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    public Collector collect() {
        return new Collector();
    }

    /** The message in the reader's language; pass arguments only to messages that take some (they are MessageFormat patterns). */
    public String text(String code, Object... args) {
        return messages.getMessage(code, args.length == 0 ? null : args, code, LocaleContextHolder.getLocale());
    }

    /** Reasons found so far; {@link #throwIfAny()} refuses the input when there are some. */
    public final class Collector {
        private final List<FieldProblem> problems = new ArrayList<>();

        public Collector add(String field, String code) {
            problems.add(new FieldProblem(field, code, text(code)));
            return this;
        }

        public boolean has(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
    }
}
