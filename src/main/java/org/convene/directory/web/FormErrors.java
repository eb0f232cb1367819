package org.convene.directory.web;

import java.util.List;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** Puts a service's field problems next to the fields of an HTML form; logo problems go to {@code logoError}. */
final class FormErrors {

    private FormErrors() {
    }

    static void add(BindingResult errors, Model model, List<FieldProblem> problems) {
        for (FieldProblem p : problems) {
            if (p.field().equals("logo")) {
                model.addAttribute("logoError", p.code());
            } else if (!errors.hasFieldErrors(p.field()) || !p.code().equals("NotBlank")) {
                errors.rejectValue(p.field(), p.code(), p.message());
            }
        }
    }

    static void add(BindingResult errors, Model model, InvalidInputException e) {
        add(errors, model, e.errors());
    }
}
