package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The letter size a popup or a dialog gets at a zoom: 13 px times the zoom, replacing the one set before. */
class WindowZoomTest {
    @Test
    void theLetterSizeFollowsTheZoomAndReplacesTheEarlierOne() {
        assertEquals("-fx-font-size: 26.0px;", WindowZoom.fontSize(null, 200));
        assertEquals("-fx-font-size: 13.0px;", WindowZoom.fontSize("", 100));
        String zoomedIn = WindowZoom.fontSize("-fx-text-fill: red; ", 150);
        assertEquals("-fx-text-fill: red; -fx-font-size: 19.5px;", zoomedIn);
        assertEquals("-fx-text-fill: red; -fx-font-size: 26.0px;", WindowZoom.fontSize(zoomedIn, 200),
                "shown again at another zoom: one size, the new one");
        assertEquals("-fx-font-size: 16.25px;", WindowZoom.fontSize(null, 120), "120 % is no step: 125 %");
    }
}
