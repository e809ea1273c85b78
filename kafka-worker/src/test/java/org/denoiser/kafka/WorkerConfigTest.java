package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.denoiser.cli.DenoiserCommand;
import org.denoiser.kafka.worker.ClientSettings;
import org.denoiser.kafka.worker.WorkerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WorkerConfigTest {
    @TempDir
    Path dir;

    @Test
    void optionsOverrideEnvironmentWhichOverridesTheFile() throws Exception {
        Path file = dir.resolve("worker.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\ninput.topic=in\noutput.topic=out\nthreads=3\nmodel=denoise/file\n");
        Map<String, String> env = Map.of("DENOISER_THREADS", "5", "DENOISER_MODEL", "denoise/env", "DENOISER_HOME", "/elsewhere",
                "DENOISER_KAFKA_SECURITY_PROTOCOL", "SSL");
        Map<String, String> options = new HashMap<>();
        options.put("model", "denoise/option");
        options.put("dlq.topic", null);
        WorkerConfig config = WorkerConfig.load(file, env, options);
        assertEquals("file:9092", config.bootstrapServers());
        assertEquals(5, config.threads(), "environment beats the file");
        assertEquals("denoise/option", config.model(), "options beat the environment");
        assertEquals("in.dlq", config.dlqTopic(), "dead-letter topic derived from the input");
        assertEquals(WorkerConfig.DEFAULT_MAX_RECORD_BYTES, config.maxRecordBytes());
        assertEquals("SSL", ClientSettings.consumer(config).get("security.protocol"), "kafka.* reaches the clients");
        assertEquals("SSL", ClientSettings.producer(config).get("security.protocol"));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerConfig.load(null, Map.of(),
                Map.of("input.topic", "in", "threads", "many", "max.record.bytes", "10", "colour", "blue")));
        String message = e.getMessage();
        assertTrue(message.contains("missing bootstrap.servers (--bootstrap, DENOISER_BOOTSTRAP_SERVERS"), message);
        assertTrue(message.contains("missing output.topic"), message);
        assertTrue(message.contains("Invalid value many for configuration threads"), message);
        assertTrue(message.contains("max.record.bytes: Value must be at least 1024"), message);
        assertTrue(message.contains("unknown setting 'colour'"), message);
    }

    @Test
    void aMisspelledKeyIsAnErrorWithTheKeyItProbablyMeant() throws Exception {
        Path file = dir.resolve("worker.properties");
        Files.writeString(file, "bootstrap.servers=b:1\ninput.topic=in\noutput.topic=out\nthreads=2x\n"
                + "kafka.securty.protocol=SSL\nconsumer.sesion.timeout.ms=10000\ninput.topik=x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerConfig.load(file, Map.of(), Map.of()));
        String message = e.getMessage();
        assertTrue(message.contains("unknown setting 'kafka.securty.protocol'; did you mean 'kafka.security.protocol'?"), message);
        assertTrue(message.contains("unknown setting 'consumer.sesion.timeout.ms'; did you mean 'consumer.session.timeout.ms'?"),
                message);
        assertTrue(message.contains("unknown setting 'input.topik'; did you mean 'input.topic'?"), message);
        assertTrue(message.contains("Invalid value 2x for configuration threads"), "the bad number too: " + message);
    }

    @Test
    void clientValuesAreCheckedByTheClientsAndExactlyOnceSettingsAreNotOverridable() {
        Map<String, String> settings = new HashMap<>(Map.of("bootstrap.servers", "b:1", "input.topic", "in", "output.topic", "out"));
        settings.put("kafka.security.protocol", "SSLL");
        settings.put("consumer.session.timeout.ms", "soon");
        settings.put("consumer.enable.auto.commit", "true");
        settings.put("producer.linger.ms", "20");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerConfig.load(null, Map.of(), settings));
        String message = e.getMessage();
        assertTrue(message.contains("kafka.security.protocol: Invalid value SSLL"), message);
        assertTrue(message.contains("consumer.session.timeout.ms: Invalid value soon"), message);
        assertTrue(message.contains("consumer.enable.auto.commit cannot be set"), message);
        assertTrue(!message.contains("linger"), "a good client setting is no problem: " + message);
        assertEquals(4, message.split("\n").length, "a heading and three problems, each named once: " + message);
    }

    @Test
    void aBadConfigurationExitsWithCode2AndNoStackTrace() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "bootstrap.servers=b:1\ninput.topic=in\noutput.topic=out\nthreads=-1\nkafka.securty.protocol=SSL\n");
        StringWriter err = new StringWriter();
        CommandLine cli = DenoiserCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("worker", "--config", file.toString());
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("threads: Value must be at least 1"), err.toString());
        assertTrue(err.toString().contains("did you mean 'kafka.security.protocol'"), err.toString());
        assertTrue(!err.toString().contains("internal error") && !err.toString().contains("\tat ")
                && !err.toString().contains("    at "), err.toString());
    }

    @Test
    void everySettingIsDocumented() {
        StringWriter out = new StringWriter();
        CommandLine cli = DenoiserCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("worker", "--settings"));
        for (String key : WorkerConfig.keys()) {
            assertTrue(out.toString().contains(key + " "), key + " in " + out);
        }
    }

    @Test
    void largeRecordLimitsAreRaisedTogether() {
        WorkerConfig config = WorkerConfig.load(null, Map.of(), Map.of("bootstrap.servers", "b:1", "input.topic", "in",
                "output.topic", "out", "instance.id", "w-1", "group.id", "g"));
        var producer = ClientSettings.producer(config);
        var consumer = ClientSettings.consumer(config);
        int limit = WorkerConfig.DEFAULT_MAX_RECORD_BYTES;
        assertTrue(Integer.parseInt((String) producer.get("max.request.size")) > limit);
        assertTrue(Long.parseLong((String) producer.get("buffer.memory")) >= 2L * limit);
        assertTrue(Integer.parseInt((String) consumer.get("max.partition.fetch.bytes")) > limit);
        assertEquals("zstd", producer.get("compression.type"));
        assertEquals("g-w-1", producer.get("transactional.id"), "stable per instance");
        assertEquals("w-1", consumer.get("group.instance.id"), "static membership");
        assertEquals("read_committed", consumer.get("isolation.level"));
        assertEquals("false", consumer.get("enable.auto.commit"));
    }

    @Test
    void fluxRestorationIsOnByDefaultAndCanBeTurnedOff() {
        Map<String, String> required = Map.of("bootstrap.servers", "b:1", "input.topic", "in", "output.topic", "out");
        assertTrue(WorkerConfig.load(null, Map.of(), required).fluxRestoration(), "on by default, as in the CLI");
        assertTrue(!WorkerConfig.load(null, Map.of("DENOISER_FLUX_RESTORATION", "false"), required).fluxRestoration(),
                "DENOISER_FLUX_RESTORATION=false turns it off");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerConfig.load(null, Map.of(),
                Map.of("bootstrap.servers", "b:1", "input.topic", "in", "output.topic", "out", "flux.restoration", "maybe")));
        assertTrue(e.getMessage().contains("flux.restoration"), e.getMessage());
    }

    @Test
    void aMissingConfigFileIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkerConfig.load(dir.resolve("nope.properties"), Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("configuration file not found"), e.getMessage());
    }
}
