package org.convene.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Uploads larger than the multipart limit never reach a controller. The directory's admin forms are
 * shown again with the message next to the file field; the API answers a 413 problem; anything else
 * gets the friendly 413 page. Never a 500.
 */
@ControllerAdvice
class UploadLimits {

    /** True on the form a too-large upload was sent back to, so the file field can say so. */
    @org.springframework.web.bind.annotation.ModelAttribute("uploadTooLarge")
    boolean uploadTooLarge(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/admin/directory/") && request.getParameter("tooLarge") != null;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of("type", "about:blank", "title", "Content Too Large", "status", 413,
                            "detail", "The upload is larger than this site accepts."));
        }
        if (path.startsWith("/admin/directory/") && path.matches("[/a-z0-9]+")) {
            return "redirect:" + path + "?tooLarge";
        }
        request.setAttribute("status", 413);
        return new org.springframework.web.servlet.ModelAndView("error/4xx", Map.of("status", 413), HttpStatus.CONTENT_TOO_LARGE);
    }
}
