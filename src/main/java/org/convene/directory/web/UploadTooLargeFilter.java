package org.convene.directory.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A file larger than the multipart limit breaks the request's parameters, so the CSRF check (which
 * reads the token from them) would fail with an error before any controller runs. For the directory's
 * admin forms this filter, placed before security, reads the upload first and, when it is too large,
 * sends the browser back to the form, which then says so next to the file field.
 */
class UploadTooLargeFilter extends OncePerRequestFilter {

    /** Registers the filter for the directory's admin pages, ahead of Spring Security's filters (order -100). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<UploadTooLargeFilter> uploadTooLargeFilterRegistration() {
            FilterRegistrationBean<UploadTooLargeFilter> registration = new FilterRegistrationBean<>(new UploadTooLargeFilter());
            registration.addUrlPatterns("/admin/directory/*");
            registration.setOrder(-200);
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/form-data");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | IOException | ServletException e) {
            if (isSizeLimit(e) && request.getRequestURI().matches("/admin/directory/[a-z0-9/]+")) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getRequestURI() + "?tooLarge");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.equals("SizeException")) {
                return true;
            }
        }
        return false;
    }
}
