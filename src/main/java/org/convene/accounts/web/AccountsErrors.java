package org.convene.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Links that do not work get a page that says so plainly (status 404), not a bare error. */
@ControllerAdvice(basePackageClasses = AccountsErrors.class)
class AccountsErrors {

    @ExceptionHandler(LinkNotValidException.class)
    String linkNotValid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "accounts/link-not-valid";
    }
}
