package org.lstmlab.ui;

import java.util.Locale;

/** {@link FirstScreenUiTest} on a Chinese system: the first hint in Chinese, whole and on one line. */
class FirstScreenChineseUiTest extends FirstScreenUiTest {
    @Override
    protected Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }
}
