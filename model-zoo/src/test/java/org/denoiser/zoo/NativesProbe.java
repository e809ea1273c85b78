package org.denoiser.zoo;

import ai.djl.engine.Engine;

/** Run in a child JVM by {@link TensorFlowNativesTest}: install natives, start the engine, say which. */
public final class NativesProbe {
    private NativesProbe() {}

    public static void main(String[] args) {
        TensorFlowNatives.ensureInstalled();
        System.out.println("engine " + Engine.getEngine("TensorFlow").getVersion());
    }
}
