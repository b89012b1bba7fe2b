package io.httpd.plugin.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Map;

/**
 * The private-key forms OpenSSL wrote before PKCS#8: {@code BEGIN RSA PRIVATE KEY} (PKCS#1,
 * RFC 8017 §A.1.2) and {@code BEGIN EC PRIVATE KEY} (SEC 1 §C.4, RFC 5915).
 */
final class TraditionalKeys {
    /** Named curves by OID (RFC 5480 §2.1.1.1). */
    private static final Map<String, String> CURVES = Map.of(
            "1.2.840.10045.3.1.7", "secp256r1",
            "1.3.132.0.34", "secp384r1",
            "1.3.132.0.35", "secp521r1");

    private TraditionalKeys() {
    }

    /**
     * RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, privateExponent, prime1,
     * prime2, exponent1, exponent2, coefficient, ... }
     */
    static PrivateKey rsa(byte[] der) throws IOException, GeneralSecurityException {
        Der seq = Der.sequence(der);
        BigInteger version = seq.integer();
        if (version.signum() != 0) {
            throw new IOException("RSA PRIVATE KEY: multi-prime keys are not supported");
        }
        RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(seq.integer(), seq.integer(),
                seq.integer(), seq.integer(), seq.integer(), seq.integer(), seq.integer(),
                seq.integer());
        return KeyFactory.getInstance("RSA").generatePrivate(spec);
    }

    /**
     * ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING,
     * parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL }; the curve must
     * be named in {@code parameters} (or given by the caller, as PKCS#8 does).
     */
    static PrivateKey ec(byte[] der, String curveOid) throws IOException, GeneralSecurityException {
        Der seq = Der.sequence(der);
        if (!seq.integer().equals(BigInteger.ONE)) {
            throw new IOException("EC PRIVATE KEY: version must be 1");
        }
        BigInteger s = new BigInteger(1, seq.read(Der.OCTET_STRING));
        String oid = curveOid;
        if (seq.hasMore() && seq.peekTag() == 0xa0) {
            oid = Der.oid(Der.of(seq.read(0xa0)).read(Der.OID));
        }
        if (oid == null) {
            throw new IOException("EC PRIVATE KEY: the curve is not named");
        }
        String curve = CURVES.get(oid);
        if (curve == null) {
            throw new IOException("EC PRIVATE KEY: unsupported curve " + oid
                    + " (supported: P-256, P-384, P-521)");
        }
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, spec));
    }
}
