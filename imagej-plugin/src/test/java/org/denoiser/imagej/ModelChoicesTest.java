package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.denoiser.api.AutoModel;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.ModelNormalization;
import org.junit.jupiter.api.Test;

/** The model list as users see it, on the models this build ships (plus one of the user's own). */
class ModelChoicesTest {
    private static final ModelInfo OWN = new ModelInfo("denoise/my-cells", "1", "Self-supervised <fine-tuned> on cells.tif",
            "cells.tif", "blind", 1, ModelNormalization.DEFAULT, 8, 20, 24, Map.of(), "mirror");

    private final ModelChoices choices = new ModelChoices(withOwnModel());

    @Test
    void automaticFirstThenRecommendedThenOwnTheDigitDemoLast() {
        List<String> ids = choices.ids();
        assertEquals(List.of(AutoModel.ID, AutoModel.CAMERA_MODEL, AutoModel.PHOTO_MODEL), ids.subList(0, 3));
        assertEquals(Fixtures.MODEL, ids.get(ids.size() - 1));
        assertEquals(ids.size() - 2, ids.indexOf(OWN.id()), "the user's own model after the shipped ones: " + ids);
    }

    @Test
    void everyModelHasOneLineForUsers() {
        assertEquals("fluorescence and astronomy, low light (16/32-bit)", choices.line(AutoModel.CAMERA_MODEL));
        assertTrue(choices.line(Fixtures.MODEL).startsWith("digits demo"));
        assertEquals("your model: Self-supervised <fine-tuned> on cells.tif", choices.line(OWN.id()));
        for (String id : choices.ids()) {
            String line = choices.line(id);
            assertFalse(line.isBlank() || line.contains("\n") || line.length() > 90, id + ": " + line);
            assertFalse(line.contains("U-Net") || line.contains("preset"), "developer words for " + id + ": " + line);
        }
    }

    @Test
    void helpHasEveryModelsFullTextEscaped() {
        String help = choices.helpHtml();
        assertTrue(help.startsWith("<html>"));
        for (String id : choices.ids()) {
            assertTrue(help.contains("<b>" + id + "</b>"), id);
        }
        assertTrue(help.contains("Self-supervised &lt;fine-tuned&gt;"), "escaped");
        assertTrue(help.contains("residual U-Net"), "the shipped description, in full");
    }

    private static List<ModelInfo> withOwnModel() {
        List<ModelInfo> models = new ArrayList<>(DenoiserSession.shared().models());
        models.add(OWN);
        return models;
    }
}
