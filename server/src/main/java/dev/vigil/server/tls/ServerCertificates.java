package dev.vigil.server.tls;

import dev.vigil.iot.endpoint.tls.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the server's one certificate setting: a PKCS#12 (or JKS) key store, or PEM — the
 * certificate chain and the private key in one file, or the key in a file of its own. PEM keys may
 * be PKCS#8 or the traditional RSA/EC forms, encrypted or not (the password opens them).
 */
public final class ServerCertificates {
    private ServerCertificates() {
    }

    /**
     * @param certificate the key store, or the PEM file holding the chain (and the key, unless {@code key} is given)
     * @param password the key store's password, or the PEM key's if it is encrypted; may be empty
     */
    public static TlsIdentity load(Path certificate, Optional<Path> key, String password) {
        if (!Files.isRegularFile(certificate)) {
            throw new IllegalStateException("the TLS certificate " + certificate + " does not exist or is not a file");
        }
        if (!isPem(certificate)) {
            if (key.isPresent()) {
                throw new IllegalStateException("--tls-key goes with a PEM certificate; " + certificate + " is a key store, which holds its key");
            }
            return TlsIdentity.fromKeyStore(certificate, password);
        }
        List<X509Certificate> chain = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        readPem(certificate, password, chain, keys);
        if (key.isPresent()) {
            readPem(key.get(), password, new ArrayList<>(), keys);
        }
        if (chain.isEmpty()) {
            throw new IllegalStateException("no certificate in " + certificate + " (expected '-----BEGIN CERTIFICATE-----')");
        }
        if (keys.size() != 1) {
            throw new IllegalStateException((keys.isEmpty() ? "no private key" : keys.size() + " private keys") + " in "
                    + key.orElse(certificate) + ": give exactly one, in the certificate's file or with --tls-key");
        }
        try {
            char[] storePassword = randomPassword();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("vigil", keys.get(0), storePassword, chain.toArray(Certificate[]::new));
            return new TlsIdentity(store, storePassword);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the key in " + key.orElse(certificate) + " does not go with its certificate: " + e.getMessage(), e);
        }
    }

    private static boolean isPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the TLS certificate " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readPem(Path file, String password, List<X509Certificate> chain, List<PrivateKey> keys) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else if (item instanceof PEMKeyPair pair) {
                    keys.add(converter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (item instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (item instanceof PEMEncryptedKeyPair encrypted) {
                    keys.add(converter.getPrivateKey(encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().build(password(file, password))).getPrivateKeyInfo()));
                } else if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    keys.add(converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().build(password(file, password)))));
                }
            }
        } catch (IOException | GeneralSecurityException | OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("cannot read the PEM file " + file + ": " + e.getMessage(), e);
        }
    }

    private static char[] password(Path file, String password) {
        if (password.isEmpty()) {
            throw new IllegalStateException("the private key in " + file + " is encrypted: give its password with --tls-password or VIGIL_TLS_PASSWORD");
        }
        return password.toCharArray();
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }
}
