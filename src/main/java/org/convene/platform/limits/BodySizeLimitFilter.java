package org.convene.platform.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized requests with 413 before anything else reads them: a body larger than
 * {@code convene.web.max-body-bytes} (by its Content-Length, or while reading a chunked body), and
 * a file upload over the multipart limits. API clients ({@code /api/**}) get an RFC 9457 problem,
 * browsers the friendly error page. Uploads are checked here, before the security filters, so a
 * too-large upload is answered as too large and not as a missing CSRF token.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final String errorPath;
    private final List<UploadForms> uploadForms;
    private final List<StreamedBodies> streamedBodies;

    BodySizeLimitFilter(long maxBodyBytes, String errorPath, List<UploadForms> uploadForms) {
        this(maxBodyBytes, errorPath, uploadForms, List.of());
    }

    BodySizeLimitFilter(long maxBodyBytes, String errorPath, List<UploadForms> uploadForms, List<StreamedBodies> streamedBodies) {
        this.maxBodyBytes = maxBodyBytes;
        this.errorPath = errorPath;
        this.uploadForms = List.copyOf(uploadForms);
        this.streamedBodies = List.copyOf(streamedBodies);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            if (uploadTooLarge(request)) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (uploadForms.stream().anyMatch(forms -> forms.showsUploadErrors(path))) {
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", request.getRequestURI() + "?tooLarge");
                    return;
                }
                refuse(request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        long length = request.getContentLengthLong();
        long streamed = streamedLimit(request);
        if (streamed >= 0) {
            if (length > streamed) {
                refuse(request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (length > maxBodyBytes) {
            refuse(request, response);
            return;
        }
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (chunked && !contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
            if (body.length > maxBodyBytes) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private long streamedLimit(HttpServletRequest request) {
        if (streamedBodies.isEmpty()) {
            return -1;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return streamedBodies.stream().mapToLong(bodies -> bodies.maxBytes(request.getMethod(), path)).max().orElse(-1);
    }

    /** Parses the upload now (the security filters would otherwise do it) and tells whether it broke a size limit. */
    private static boolean uploadTooLarge(HttpServletRequest request) {
        try {
            request.getParts();
            return false;
        } catch (IllegalStateException | IOException | ServletException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String name = t.getClass().getSimpleName();
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (name.contains("SizeLimit") || name.contains("SizeException") || (message.contains("size") && message.contains("exceed"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"The request is larger than this server accepts.\"}");
        } else {
            // Forwarded rather than sendError: the container's error dispatch would read the
            // oversized parameters again, and Tomcat refuses that with its own bare page.
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            response.setStatus(413);
            try {
                request.getRequestDispatcher(errorPath).forward(new ErrorPageRequest(request), response);
            } catch (ServletException e) {
                throw new IOException(e);
            }
        }
    }

    /** The refused request as the error page sees it: a GET without body or parameters. */
    private static final class ErrorPageRequest extends HttpServletRequestWrapper {

        ErrorPageRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ReadBody(this, new byte[0]).getInputStream();
        }
    }

    /** The request with its (already read, small) chunked body held in memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // The body was read into memory before this wrapper existed; asynchronous (non-blocking)
                    // reading of it is not offered, and nothing in Convene asks for it.
                    throw new UnsupportedOperationException("The body has already been read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
