package org.convene.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records what staff do, on which record. Call it in the transaction of the change it describes.
 * The client address is truncated (IPv4 /24, IPv6 /48) and then hashed with a key that lives only in
 * memory and changes with every start, so the log can tell requests of one session apart but never
 * gives away where an activist was.
 */
@Service
public class AuditLog {

    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String action, String recordType, Object recordId, String detail) {
        StaffMember actor = CurrentStaff.get().orElse(null);
        jdbc.sql("""
                        INSERT INTO audit_entry (actor_id, actor_email, action, record_type, record_id, detail, client_hash)
                        VALUES (:actor, :email, :action, :type, :id, :detail, :client)""")
                .param("actor", actor == null ? null : actor.id())
                .param("email", actor == null ? null : actor.email())
                .param("action", action)
                .param("type", recordType)
                .param("id", recordId == null ? null : String.valueOf(recordId))
                .param("detail", detail)
                .param("client", clientHash())
                .update();
    }

    private static String clientHash() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        return hash(truncate(request.getRemoteAddr()));
    }

    /** The network an address belongs to, not the address: IPv4 to /24, IPv6 to /48. */
    public static String truncate(String address) {
        if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            // a literal address: getByName parses it without any DNS lookup
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static String hash(String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
