package org.lstmlab.engine.data;

import java.util.Locale;

/** What Excel on Chinese Windows saves as CSV, for the tests of the reader, the Train tab and the command line. */
public final class ExcelFiles {
    private ExcelFiles() {
    }

    /**
     * A stock file of {@code rows} days: dates such as 2024/1/2, prices and volumes formatted with thousands
     * separators (quoted), a percentage column, CRLF line ends and a trailing empty line; encode it in GBK.
     */
    public static String stock(int rows) {
        StringBuilder csv = new StringBuilder("日期,开盘,收盘,成交量,涨跌幅\r\n");
        for (int i = 0; i < rows; i++) {
            double close = 1000 + 30 * Math.sin(i / 3.0) + i;
            csv.append(String.format(Locale.ROOT, "2024/%d/%d,\"%,.2f\",\"%,.2f\",\"%,d\",%.2f%%\r\n", 1 + i / 28,
                    1 + i % 28, close - 3, close, 900_000 + 7919 * i, Math.sin(i) * 2));
        }
        return csv.append("\r\n").toString();
    }

    /**
     * The same stock file as a German ({@link Locale#GERMANY}: 1.234,50) or French ({@link Locale#FRANCE}: 1 234,50,
     * its thousands separated by a narrow no-break space) Excel saves it: fields separated by semicolons, dates such
     * as 02.01.2024, prices and volumes with thousands separators, percentages with a decimal comma (-0,51%).
     */
    public static String stock(int rows, Locale locale) {
        StringBuilder csv = new StringBuilder("Datum;Eröffnung;Schluss;Volumen;Änderung\r\n");
        for (int i = 0; i < rows; i++) {
            double close = 1000 + 30 * Math.sin(i / 3.0) + i;
            csv.append(String.format(locale, "%02d.%02d.2024;%,.2f;%,.2f;%,d;%.2f%%\r\n", 1 + i % 28, 1 + i / 28,
                    close - 3, close, 900_000 + 7919 * i, Math.sin(i) * 2));
        }
        return csv.append("\r\n").toString();
    }

    /** {@code rows} rows of two measurements and a label in the last column, 正面 or 负面 by turns of five. */
    public static String labels(int rows) {
        StringBuilder csv = new StringBuilder("温度,湿度,标签\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(20 + i % 7).append(',').append(50 + i % 5).append(',').append(i % 10 < 5 ? "正面" : "负面")
                    .append("\r\n");
        }
        return csv.toString();
    }
}
