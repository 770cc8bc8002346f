package org.provkit.sign;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle JCA provider, registered on first use only. Signing, verifying and key
 * generation use the JDK's own providers (SunEC, SunRsaSign) through BouncyCastle's CMS classes;
 * the provider is needed only to encrypt and decrypt password-protected PEM keys, and building its
 * algorithm tables costs about 120 ms of start-up that {@code verify} and unencrypted signing skip.
 */
final class BouncyCastle {

    private BouncyCastle() {
    }

    private static final class Holder {
        static final Provider PROVIDER = register();

        private static Provider register() {
            Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
            if (existing != null) {
                return existing;
            }
            Provider provider = new BouncyCastleProvider();
            Security.addProvider(provider);
            return provider;
        }
    }

    static Provider provider() {
        return Holder.PROVIDER;
    }
}
