package org.convene.accounts.internal;

import org.convene.platform.security.SecretTokens;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.convene.platform.PlatformProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor authentication (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of clock
 * drift either way). Each time step is accepted once: the last step used is stored and a code of
 * that step or an earlier one is refused. Ten recovery codes, stored hashed, each also work once.
 */
@Service
public class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final int PERIOD_SECONDS = 30;

    private final JdbcClient jdbc;
    private final PlatformProperties platform;
    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    TwoFactor(JdbcClient jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.platform = platform;
    }

    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The QR code an authenticator app scans, as a PNG {@code data:} URI. */
    public String qrCode(String secret, String email) {
        String issuer = java.net.URI.create(platform.baseUrl()).getHost();
        QrData data = new QrData.Builder().label(email).secret(secret).issuer(issuer == null ? "Convene" : "Convene " + issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            png.setImageSize(240);
            return Utils.getDataUriForImage(png.generate(data), png.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isEnabled(long accountId) {
        return jdbc.sql("SELECT totp_secret IS NOT NULL FROM staff_account WHERE id = :id").param("id", accountId)
                .query(Boolean.class).optional().orElse(false);
    }

    /**
     * Turns 2FA on when the code matches the new secret. Returns the recovery codes to show once,
     * or an empty list when the code is wrong.
     */
    @Transactional
    public List<String> enable(long accountId, String secret, String code) {
        long step = matchingStep(secret, code, -1);
        if (step < 0) {
            return List.of();
        }
        jdbc.sql("UPDATE staff_account SET totp_secret = :secret, totp_last_step = :step, updated_at = now() WHERE id = :id")
                .param("secret", secret).param("step", step).param("id", accountId).update();
        return newRecoveryCodes(accountId);
    }

    @Transactional
    public void disable(long accountId) {
        jdbc.sql("UPDATE staff_account SET totp_secret = NULL, totp_last_step = NULL, updated_at = now() WHERE id = :id")
                .param("id", accountId).update();
        jdbc.sql("DELETE FROM recovery_code WHERE account_id = :id").param("id", accountId).update();
    }

    @Transactional
    public List<String> newRecoveryCodes(long accountId) {
        jdbc.sql("DELETE FROM recovery_code WHERE account_id = :id").param("id", accountId).update();
        List<String> codes = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String code : codes) {
            jdbc.sql("INSERT INTO recovery_code (account_id, code_hash) VALUES (:id, :hash)")
                    .param("id", accountId).param("hash", SecretTokens.hash(normalizeRecovery(code))).update();
        }
        return codes;
    }

    /**
     * Checks a code from the authenticator app, or a recovery code, and spends it. Safe against
     * two requests with the same code at once: the step is claimed with a conditional update.
     */
    @Transactional
    public boolean verify(long accountId, String code) {
        if (code == null) {
            return false;
        }
        String trimmed = code.replace(" ", "").strip();
        if (trimmed.matches("\\d{6}")) {
            record State(String secret, Long lastStep) {
            }
            State state = jdbc.sql("SELECT totp_secret, totp_last_step FROM staff_account WHERE id = :id")
                    .param("id", accountId)
                    .query((rs, n) -> new State(rs.getString(1), (Long) rs.getObject(2))).optional().orElse(null);
            if (state == null || state.secret() == null) {
                return false;
            }
            long step = matchingStep(state.secret(), trimmed, state.lastStep() == null ? -1 : state.lastStep());
            return step >= 0 && jdbc.sql("""
                            UPDATE staff_account SET totp_last_step = :step
                            WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                    .param("step", step).param("id", accountId).update() == 1;
        }
        String recovery = normalizeRecovery(trimmed);
        if (recovery.length() < 16 || recovery.length() > 40) {
            return false;
        }
        return jdbc.sql("UPDATE recovery_code SET used_at = now() WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL")
                .param("id", accountId).param("hash", SecretTokens.hash(recovery)).update() == 1;
    }

    public int unusedRecoveryCodes(long accountId) {
        return jdbc.sql("SELECT count(*) FROM recovery_code WHERE account_id = :id AND used_at IS NULL")
                .param("id", accountId).query(Integer.class).single();
    }

    /** The time step (now, one before or one after) whose code this is and that is later than {@code after}; -1 if none. */
    private long matchingStep(String secret, String code, long after) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return -1;
        }
        long now = Math.floorDiv(System.currentTimeMillis() / 1000, PERIOD_SECONDS);
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > after && constantTimeEquals(codeAt(secret, step), code.strip())) {
                return step;
            }
        }
        return -1;
    }

    private String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String normalizeRecovery(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
