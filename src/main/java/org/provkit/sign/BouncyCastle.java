package org.provkit.sign;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle JCA provider, registered on first use only: commands that never sign or verify
 * (bundle --no-sign, inspect, --help) do not pay for building its algorithm tables.
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
