package org.convene.events.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ticket of an in-person registration: its code and the QR image that holds it. */
@Component
public class Tickets {

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Only confirmed in-person registrations have a ticket: the grouped code, else empty. */
    public Optional<String> code(Registration registration) {
        if (registration.status() != RegistrationStatus.CONFIRMED || registration.attendance() != Attendance.IN_PERSON) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT ticket_code FROM registration WHERE id = :id").param("id", registration.id())
                .query(String.class).optional().map(TicketCodes::grouped);
    }

    /** A PNG of the QR code holding the text, with a quiet zone, about {@code size} pixels wide. */
    public static byte[] qrPng(String text, int size) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
