package org.denoiser.kafka.demo;

import java.util.Map;
import org.denoiser.io.ImageData;

/**
 * One image for the demo, the benchmark or a test: what is sent (noisy, in its file format),
 * the clean reference to measure against, and the headers to send with it.
 *
 * @param name file name in {@code out/demo/}, also the record key and correlation id
 * @param noisy the image as sent
 * @param clean the noise-free reference, same type and size
 * @param description one line for the report
 * @param headers the record headers to send: correlation id, content type and the model that suits the image
 */
public record SampleImage(String name, ImageData noisy, ImageData clean, String description, Map<String, String> headers) {}
