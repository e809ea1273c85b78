package org.denoiser.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker key and self-signed certificate for 127.0.0.1, made with the JDK's keytool: the key
 * store for the broker's TLS listener and the certificate in PEM for the clients' trust store.
 */
record SelfSignedCertificate(Path keyStore, String password, Path pemFile, String pem) {

    static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException {
        Path keyStore = dir.resolve("broker.p12");
        Path pem = dir.resolve("broker.pem");
        String password = "test-only-" + System.nanoTime();
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", password,
                "-file", pem.toString());
        return new SelfSignedCertificate(keyStore, password, pem, Files.readString(pem));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
