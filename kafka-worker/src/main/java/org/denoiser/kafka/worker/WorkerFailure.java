package org.denoiser.kafka.worker;

/**
 * The worker cannot start or go on: Kafka unreachable or refusing this client (TLS, SASL, ACLs),
 * another instance with the same id, a topic that cannot be set up. The message is one line
 * that names the cause; the command prints it without a stack trace and exits with code 1.
 */
public class WorkerFailure extends RuntimeException {
    public WorkerFailure(String message) {
        super(message);
    }

    public WorkerFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
