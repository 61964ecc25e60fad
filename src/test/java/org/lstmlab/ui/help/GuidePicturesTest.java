package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Help ▸ User Guide shows every picture its guides show: each one is packed into the app with the guide (a picture
 * missing from the class path is drawn as its caption in brackets), in English and in Chinese.
 */
class GuidePicturesTest {

    @Test
    void everyPictureOfTheGuidesInTheAppIsPackedWithThem() throws IOException {
        List<String> missing = new ArrayList<>();
        int shown = 0;
        for (String folder : List.of("/org/lstmlab/docs/", "/org/lstmlab/docs/zh/")) {
            for (String guide : GuideWindow.GUIDES) {
                String text = GuideWindow.read(folder + guide + ".md");
                assertNotNull(text, folder + guide + ".md is not packed");
                for (Markdown.Block b : Markdown.parse(text)) {
                    if (b instanceof Markdown.Picture p) {
                        shown++;
                        // resolved as MarkdownView resolves it
                        String path = URI.create(folder).resolve(p.path()).normalize().toString();
                        try (InputStream in = GuidePicturesTest.class.getResourceAsStream(path)) {
                            if (in == null) {
                                missing.add(folder + guide + ".md: " + p.path());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(shown >= 10, "the guides show " + shown + " pictures: the parser missed them");
        assertEquals(List.of(), missing, "pictures the app's guides show but the build does not pack (pom.xml)");
    }
}
