package org.convene.events.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The ticket of an in-person registration: its code and the QR image that holds it. */
@Component
public class Tickets {


    /** Only confirmed in-person registrations have a ticket: the grouped code, else empty. */
    public Optional<String> code(Registration registration) {
        if (registration.status() != RegistrationStatus.CONFIRMED || registration.attendance() != Attendance.IN_PERSON) {
            return Optional.empty();
        }
        return Optional.ofNullable(registration.ticketCode()).map(TicketCodes::grouped);
    }

    /**
     * A PNG of the QR code holding the text, with a quiet zone, about {@code size} pixels wide.
     * ZXing encodes the code at one pixel per module; the modules are then drawn straight into a
     * one-bit image, because ZXing's own rasterizer (a colour lookup per pixel) cost a quarter of a
     * registration's CPU when every confirmation mail carried a ticket.
     */
    public static byte[] qrPng(String text, int size) {
        try {
            BitMatrix modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int count = modules.getWidth();
            int scale = Math.max(1, size / count);
            int side = count * scale;
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            int stride = (side + 7) / 8;
            Arrays.fill(pixels, (byte) 0xFF); // in this image type a set bit is white
            for (int y = 0; y < count; y++) {
                for (int x = 0; x < count; x++) {
                    if (!modules.get(x, y)) {
                        continue;
                    }
                    for (int dy = 0; dy < scale; dy++) {
                        int row = (y * scale + dy) * stride;
                        for (int px = x * scale; px < (x + 1) * scale; px++) {
                            pixels[row + (px >> 3)] &= (byte) ~(0x80 >> (px & 7));
                        }
                    }
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
