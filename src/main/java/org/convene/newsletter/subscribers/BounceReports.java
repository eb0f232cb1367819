package org.convene.newsletter.subscribers;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads bounce reports out of mail: delivery status notifications (RFC 3464,
 * {@code multipart/report; report-type=delivery-status}: each {@code Final-Recipient} with a
 * {@code Status} 5.x.x is a hard bounce, 4.x.x a soft one) and abuse feedback reports (RFC 5965,
 * {@code report-type=feedback-report}: a complaint about {@code Original-Rcpt-To} or, failing
 * that, the reported message's {@code To}). Anything else yields nothing.
 */
final class BounceReports {

    record Bounce(String email, Bounces.Kind kind, String detail) {
    }

    private static final Pattern ADDRESS = Pattern.compile("([^\\s<>;\"]+@[^\\s<>;\"]+)");
    private static final int MAX_PART_BYTES = 256 * 1024;

    private BounceReports() {
    }

    static List<Bounce> read(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return List.of();
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        Multipart parts = (Multipart) message.getContent();
        if ("delivery-status".equalsIgnoreCase(reportType)) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                    return deliveryStatus(text(part));
                }
            }
        } else if ("feedback-report".equalsIgnoreCase(reportType)) {
            String recipient = null;
            String feedbackType = "abuse";
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("message/feedback-report")) {
                    Map<String, String> fields = fields(text(part)).getFirst();
                    recipient = address(fields.get("original-rcpt-to"));
                    feedbackType = fields.getOrDefault("feedback-type", feedbackType);
                } else if (recipient == null && (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers"))) {
                    Map<String, String> headers = fields(text(part)).getFirst();
                    recipient = address(headers.get("to"));
                }
            }
            if (recipient != null) {
                return List.of(new Bounce(recipient, Bounces.Kind.COMPLAINT, "Complaint (" + feedbackType + ")"));
            }
        }
        return List.of();
    }

    /** The per-recipient groups of a delivery-status part (the first group describes the message). */
    static List<Bounce> deliveryStatus(String text) {
        List<Bounce> bounces = new ArrayList<>();
        List<Map<String, String>> groups = fields(text);
        for (Map<String, String> group : groups) {
            String recipient = address(group.get("final-recipient"));
            String status = group.getOrDefault("status", "").strip();
            if (recipient == null || status.isEmpty()) {
                continue;
            }
            String detail = "Status " + status + (group.containsKey("diagnostic-code") ? ": " + group.get("diagnostic-code") : "");
            if (status.startsWith("5.")) {
                bounces.add(new Bounce(recipient, Bounces.Kind.HARD, detail));
            } else if (status.startsWith("4.")) {
                bounces.add(new Bounce(recipient, Bounces.Kind.SOFT, detail));
            }
        }
        return bounces;
    }

    /** Header-style fields in blank-line separated groups; names lower-cased, folded lines joined. */
    private static List<Map<String, String>> fields(String text) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> group = new LinkedHashMap<>();
        String last = null;
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (!group.isEmpty()) {
                    groups.add(group);
                    group = new LinkedHashMap<>();
                }
                last = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                group.put(last, group.get(last) + " " + line.strip());
            } else if (line.indexOf(':') > 0) {
                last = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                group.putIfAbsent(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        if (groups.isEmpty()) {
            groups.add(Map.of());
        }
        return groups;
    }

    /** The address in {@code rfc822; someone@example.org} or {@code Someone <someone@example.org>}. */
    private static String address(String value) {
        if (value == null) {
            return null;
        }
        String v = value.contains(";") ? value.substring(value.indexOf(';') + 1) : value;
        Matcher m = ADDRESS.matcher(v);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage embedded) {
            StringBuilder headers = new StringBuilder();
            for (var e = embedded.getAllHeaderLines(); e.hasMoreElements(); ) {
                headers.append(e.nextElement()).append('\n');
            }
            return headers.toString();
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_PART_BYTES), StandardCharsets.UTF_8);
        }
    }
}
