package org.convene.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import org.convene.platform.limits.UploadForms;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A logo larger than the upload limit never reaches a controller: the platform's size filter sends
 * the browser back to the directory's admin form, which says so next to the file field.
 */
@ControllerAdvice(basePackageClasses = UploadLimits.class)
class UploadLimits {

    private static final String ADMIN_FORMS = "/admin/directory/[a-z0-9/]+";

    @Bean
    static UploadForms directoryUploadForms() {
        return path -> path.matches(ADMIN_FORMS);
    }

    /** True on the form a too-large upload was sent back to. */
    @ModelAttribute("uploadTooLarge")
    boolean uploadTooLarge(HttpServletRequest request) {
        return request.getRequestURI().matches(ADMIN_FORMS) && request.getParameter("tooLarge") != null;
    }
}
