package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;

/** The palette without a toolkit: which colour a symbol gets, contrast, and the stylesheet it defines. */
class PaletteTest {

    @Test
    void aGradientHasTheColourOfWhatItIsTheGradientOf() {
        assertEquals(Palette.Role.FORGET, Palette.roleOf("f"));
        assertEquals(Palette.Role.FORGET, Palette.roleOf("da_f"));
        assertEquals(Palette.Role.FORGET, Palette.roleOf("a_f"));
        assertEquals(Palette.Role.CELL, Palette.roleOf("dc"));
        assertEquals(Palette.Role.CELL, Palette.roleOf("c_prev"));
        assertEquals(Palette.Role.UPDATE, Palette.roleOf("dz"));
        assertEquals(Palette.Role.CANDIDATE, Palette.roleOf("da_n"));
        assertEquals(Palette.Role.HIDDEN, Palette.roleOf("dh"));
        assertEquals(Palette.Role.HIDDEN, Palette.roleOf("something_else"));
    }

    @Test
    void everyCellTypeHasItsOwnColour() {
        Set<Color> seen = new HashSet<>();
        seen.add(Palette.ofCell(CellType.LSTM));
        seen.add(Palette.ofCell(CellType.GRU));
        seen.add(Palette.ofCell(CellType.RNN_TANH));
        assertEquals(3, seen.size());
        assertEquals(Palette.ofCell(CellType.RNN_TANH), Palette.ofCell(CellType.RNN_RELU));
    }

    @Test
    void textOnADarkFillIsWhiteAndOnALightFillBlack() {
        assertEquals(Color.WHITE, Palette.textOn(Palette.of(Palette.Role.HIDDEN)));
        assertEquals(Color.WHITE, Palette.textOn(Palette.of(Palette.Role.FORGET)));
        assertEquals(Color.BLACK, Palette.textOn(Color.WHITE));
        assertEquals(Color.BLACK, Palette.textOn(Palette.over(Color.WHITE, Palette.of(Palette.Role.HIDDEN), 0.2)));
        assertEquals(Color.WHITE, Palette.textOn(Palette.over(Color.WHITE, Palette.of(Palette.Role.HIDDEN), 0.9)));
    }

    @Test
    void theStylesheetDefinesEveryRoleOnce() {
        String url = Palette.stylesheet();
        assertTrue(url.startsWith("data:text/css;base64,"));
        String css = new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        assertEquals(Palette.css(), css);
        for (Palette.Role r : Palette.Role.values()) {
            assertTrue(css.contains(r.cssName() + ": " + r.hex() + ";"), r.name());
            assertEquals(css.indexOf(r.cssName() + ":"), css.lastIndexOf(r.cssName() + ":"), r.name());
        }
    }
}
