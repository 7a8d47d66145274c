package org.programmeledger.ledger.proof;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.programmeledger.ledger.hashing.Sha256;

/**
 * Ed25519 keys for signing checkpoints, with the JDK's own EdDSA. Public keys travel as base64 of their
 * X.509 encoding, private keys as base64 of PKCS#8; a key's id is the first 8 hex characters of
 * SHA-256 over the public key's X.509 encoding.
 */
public final class CheckpointKeys {

    public static final String ALGORITHM = "Ed25519";

    private CheckpointKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 15+ runtime has Ed25519", e);
        }
    }

    public static String keyId(PublicKey publicKey) {
        return Sha256.hexOf(publicKey.getEncoded()).substring(0, 8);
    }

    public static String publicKeyText(PublicKey publicKey) {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public static PublicKey parsePublicKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (base64 of X.509): " + e.getMessage(), e);
        }
    }

    public static String privateKeyText(PrivateKey privateKey) {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    public static PrivateKey parsePrivateKey(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key (base64 of PKCS#8): " + e.getMessage(), e);
        }
    }
}
