package org.denoiser.imagej;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.denoiser.api.AutoModel;
import org.denoiser.api.ModelInfo;

/**
 * The models as a user chooses them: {@value AutoModel#ID} first, then the shipped models in the
 * order we recommend them, then the user's own (by name), the digit demo last; each with one line
 * saying what it is for. A model's own description is written for developers (network layout,
 * training preset), so it goes into the Help text, not the dialog.
 */
final class ModelChoices {
    static final String AUTO_LINE = "picks for the image: gray or colour photos, 8-bit microscopy, fluorescence, astronomy";

    /** Shipped models in the order offered, with the line a user reads. */
    private static final List<Map.Entry<String, String>> SHIPPED = List.of(
            Map.entry(AutoModel.CAMERA_MODEL, "fluorescence and astronomy, low light (16/32-bit)"),
            Map.entry(AutoModel.PHOTO_MODEL, "gray photographs from phones and cameras, 8-bit gray images"),
            Map.entry("denoise/gaussian-gray-8bit", "gray photographs with even (white) noise"),
            Map.entry("denoise/gaussian-gray", "gray photographs, trained on unrounded (float) noise"),
            Map.entry("denoise/photo-color", "colour photos (RGB) from phones and cameras, colours together"),
            Map.entry("denoise/gaussian-color", "colour photos (RGB) with even (white) noise, colours together"),
            Map.entry("denoise/camera-color", "colour photos from phones and cameras; leaves even (white) noise"),
            Map.entry("denoise/camera-gray", "gray photos from phones and cameras; leaves even (white) noise"),
            Map.entry("denoise/gaussian-gray-fast", "photographs, about 3x faster, a little less clean"),
            Map.entry("denoise/poisson-gauss-bf16", "fluorescence and astronomy, half-size weights"),
            Map.entry("denoise/gaussian-gray-bf16", "photographs, half-size weights"),
            Map.entry("denoise/gaussian-gray-fast-bf16", "photographs, fast, half-size weights"),
            Map.entry(AutoModel.MICROSCOPY_MODEL, "8-bit microscopy; told the noise level, use the Strength slider"));
    private static final String DEMO = "denoise/mnist-seed";
    private static final String DEMO_LINE = "digits demo (handwritten digits only)";
    private static final int OWN_LINE_CHARS = 60;

    private final List<ModelInfo> models;

    ModelChoices(List<ModelInfo> models) {
        this.models = models.stream().sorted(Comparator.comparingInt(ModelChoices::rank)
                .thenComparing(ModelInfo::id)).toList();
    }

    /** The ids to offer, {@value AutoModel#ID} first and the digit demo last. */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        ids.add(AutoModel.ID);
        models.forEach(m -> ids.add(m.id()));
        return ids;
    }

    boolean contains(String id) {
        return AutoModel.isAuto(id) || info(id).isPresent();
    }

    /** One line for the dialog: what the model is for. */
    String line(String id) {
        if (AutoModel.isAuto(id)) {
            return AUTO_LINE;
        }
        if (id.equals(DEMO)) {
            return DEMO_LINE;
        }
        Optional<String> shipped = SHIPPED.stream().filter(e -> e.getKey().equals(id)).map(Map.Entry::getValue).findFirst();
        if (shipped.isPresent()) {
            return shipped.get();
        }
        String own = info(id).map(ModelInfo::description).orElse("");
        return "your model: " + (own.length() <= OWN_LINE_CHARS ? own : own.substring(0, OWN_LINE_CHARS - 3) + "...");
    }

    /** Every model with its full description, for the dialog's Help button (HTML). */
    String helpHtml() {
        StringBuilder html = new StringBuilder("<html><h2>Denoise: the models</h2>")
                .append("<p><b>").append(AutoModel.ID).append("</b>: ").append(AUTO_LINE).append(" (")
                .append(AutoModel.PHOTO_MODEL).append(" or ").append(AutoModel.CAMERA_MODEL)
                .append("; the Log names the one used).</p>");
        for (ModelInfo m : models) {
            html.append("<p><b>").append(escape(m.id())).append("</b> (version ").append(escape(m.version()))
                    .append("): ").append(escape(line(m.id()))).append("<br>").append(escape(m.description()))
                    .append("<br>Noise: ").append(escape(m.noiseModel()))
                    .append("<br>Trained on: ").append(escape(m.trainedOn()))
                    .append("<br>Scaling (its model.json): ").append(escape(m.normalization().summary()));
            m.measuredPsnr().forEach((what, psnr) -> html.append("<br>Measured: ").append(escape(what))
                    .append(": ").append(escape(psnr)));
            html.append("</p>");
        }
        return html.append("<p>").append(DenoiseDialog.FLUX_LABEL).append(": on (the default, as on the command line),")
                .append(" 16-bit and 32-bit images get back the flux the network takes from faint sources (stars,")
                .append(" cells), so photometry on the result stays right. 8-bit and RGB images have nothing to put back")
                .append(" (greyed out for them). Off: the network's output as it is; recorded as flux=false.</p>")
                .append("<p>Tile size: the image is denoised in tiles of this size with the model's overlap, ")
                .append("so the result does not depend on it; smaller tiles need less memory.</p>")
                .append("<p>").append(DenoiseDialog.ENSEMBLE_LABEL).append(": every tile is also denoised mirrored and transposed, and the ")
                .append("8 results are averaged; about 0.1 dB less noise for 8 times the time. Recorded as ensemble.</p>")
                .append("<p>More: imagej-plugin/README.md in the Denoiser sources.</p></html>").toString();
    }

    /** Whether model {@code id} is told the noise level, and so takes a strength other than 1. */
    boolean isConditioned(String id) {
        return info(id).map(ModelInfo::isConditioned).orElse(false);
    }

    private Optional<ModelInfo> info(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Shipped models by their place in {@link #SHIPPED}, then the user's own, the demo last. */
    private static int rank(ModelInfo model) {
        for (int i = 0; i < SHIPPED.size(); i++) {
            if (SHIPPED.get(i).getKey().equals(model.id())) {
                return i;
            }
        }
        return model.id().equals(DEMO) ? Integer.MAX_VALUE : SHIPPED.size();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
