package org.convene.accounts.web;

import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in staff member (or null) into every page's model as {@code staff}. */
@ControllerAdvice
class StaffModel {

    @ModelAttribute("staff")
    StaffMember staff() {
        return CurrentStaff.get().orElse(null);
    }
}
