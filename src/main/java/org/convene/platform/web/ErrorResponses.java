package org.convene.platform.web;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that no controller handled. Browsers get the friendly pages in {@code templates/error};
 * everything else (API clients) gets an RFC 9457 problem document. Neither shows a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorResponses extends BasicErrorController {

    ErrorResponses(ErrorAttributes errorAttributes, WebProperties webProperties, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, webProperties.getError(), resolvers);
    }

    @Override
    @PermitAll
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return ResponseEntity.noContent().build();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case UNAUTHORIZED -> "Authentication is required.";
            case FORBIDDEN -> "You may not do this.";
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "The request is too large.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            default -> status.is5xxServerError() ? "Something went wrong on our side." : status.getReasonPhrase();
        });
        Object path = request.getAttribute("jakarta.servlet.error.request_uri");
        if (path != null) {
            problem.put("instance", path);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
