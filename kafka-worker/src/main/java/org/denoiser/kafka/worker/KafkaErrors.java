package org.denoiser.kafka.worker;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Turns a Kafka client failure into one line that names the cause and what to check: a TLS
 * handshake that failed, credentials refused, a broker that never answered (with the security
 * protocol in use, since a TLS client talking to a plaintext listener looks exactly like that).
 */
final class KafkaErrors {
    private KafkaErrors() {}

    /**
     * @param what what the worker was doing, e.g. "check the input topic"
     * @return a {@link WorkerFailure}, or an {@link IllegalArgumentException} for a configuration error
     */
    static RuntimeException explain(String what, Throwable error, WorkerConfig config) {
        if (error instanceof WorkerFailure || error instanceof IllegalArgumentException) {
            return (RuntimeException) error; // explained already
        }
        String at = "Kafka at " + config.bootstrapServers();
        String protocol = config.securityProtocol();
        if (error instanceof SslAuthenticationException) {
            return new WorkerFailure("the TLS handshake with " + at + " failed (" + rootMessage(error) + "); check"
                    + " kafka.ssl.truststore.* (the broker's certificate must be trusted) and that the listener speaks TLS", error);
        }
        if (error instanceof SaslAuthenticationException) {
            return new WorkerFailure(at + " refused this worker's credentials (" + error.getMessage() + "); check kafka.sasl.*",
                    error);
        }
        if (error instanceof AuthorizationException) {
            return new WorkerFailure(at + " does not allow this worker to " + what + " (" + error.getMessage()
                    + "); it needs read on the input topic and group, write and create on the output and dead-letter topics,"
                    + " and its transactional id", error);
        }
        if (error instanceof UnknownTopicOrPartitionException) {
            return new IllegalArgumentException("cannot " + what + ": a topic does not exist at " + config.bootstrapServers()
                    + " (" + error.getMessage() + ")");
        }
        if (error instanceof TimeoutException) {
            String hint = protocol.contains("SSL")
                    ? "is the broker up, and does that listener speak TLS (security.protocol " + protocol + ")?"
                    : "is the broker up, and is that listener " + protocol + " (a TLS listener needs kafka.security.protocol=SSL)?";
            return new WorkerFailure("cannot " + what + ": no answer from " + at + " within " + config.startupTimeoutSeconds()
                    + " s (startup.timeout.s); " + hint, error);
        }
        return new WorkerFailure("cannot " + what + " at " + at + ": " + rootMessage(error), error);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + ": " + root.getMessage();
    }
}
