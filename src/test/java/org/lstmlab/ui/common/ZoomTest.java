package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ZoomTest {
    @Test
    void zoomingInWalksEveryStepFrom75To300AndStops() {
        List<Integer> seen = new ArrayList<>();
        int p = Zoom.MIN;
        seen.add(p);
        for (int k = 0; k < 20; k++) {
            int next = Zoom.in(p);
            if (next == p) {
                break;
            }
            seen.add(next);
            p = next;
        }
        assertEquals(List.of(75, 90, 100, 110, 125, 150, 175, 200, 250, 300), seen);
        assertEquals(300, Zoom.in(300), "the largest step stays");
    }

    @Test
    void zoomingOutIsTheReverseAndStopsAt75() {
        assertEquals(250, Zoom.out(300));
        assertEquals(90, Zoom.out(100));
        assertEquals(75, Zoom.out(90));
        assertEquals(75, Zoom.out(75));
        for (int s : Zoom.STEPS) {
            if (s != Zoom.MAX) {
                assertEquals(s, Zoom.out(Zoom.in(s)), "in then out returns to " + s);
            }
        }
    }

    @Test
    void anyPercentageSnapsToTheNearestStepWithinTheRange() {
        assertEquals(75, Zoom.snap(10));
        assertEquals(75, Zoom.snap(-40));
        assertEquals(300, Zoom.snap(1000));
        assertEquals(150, Zoom.snap(140));
        assertEquals(125, Zoom.snap(137), "a tie goes to the lower step");
        assertEquals(200, Zoom.in(180), "180 snaps to 175, one step in is 200");
        assertEquals(1.5, Zoom.factor(150));
        assertEquals(3.0, Zoom.factor(999));
    }

    @Test
    void aStoredSettingIsReadSafely() {
        assertEquals(100, Zoom.parse(null));
        assertEquals(100, Zoom.parse(""));
        assertEquals(100, Zoom.parse("big"));
        assertEquals(150, Zoom.parse(" 150 "));
        assertEquals(300, Zoom.parse("400"));
    }

    @Test
    void theSettingsRememberTheZoomAsAStep() {
        Settings settings = Settings.inMemory();
        assertEquals(100, settings.zoom(), "100 % at first");
        settings.setZoom(190);
        assertEquals(200, settings.zoom());
    }
}
