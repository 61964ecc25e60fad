package org.lstmlab.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.lstmlab.engine.text.Message;

/**
 * Splits CSV text into records of fields (RFC 4180 quoting; CRLF, LF or CR line ends; sniffed delimiter), handing
 * each record to a {@link Sink} as soon as it ends, so that no list of all fields is ever built.
 */
final class Tokenizer {
    /** Receives each record's fields; the list is reused for the next record. */
    interface Sink {
        void record(List<CsvTable.Field> fields) throws DataFileException;
    }
    private Tokenizer() {
    }

    /** The delimiter: the first of comma, semicolon and tab that occurs in the first line outside quotes. */
    static char sniff(String text) {
        int counts[] = new int[3];
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                counts[0] += c == ',' ? 1 : 0;
                counts[1] += c == ';' ? 1 : 0;
                counts[2] += c == '\t' ? 1 : 0;
            }
        }
        if (counts[1] > counts[0] && counts[1] >= counts[2]) {
            return ';';
        }
        if (counts[2] > counts[0] && counts[2] > counts[1]) {
            return '\t';
        }
        return ',';
    }

    /** The delimiter of {@code text} (after its byte order mark, if any), as {@link #stream} sniffs it. */
    static char delimiter(String text) {
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        return sniff(text.substring(start, Math.min(text.length(), start + (1 << 20))));
    }

    /**
     * Streams the records of {@code text} to {@code sink}; a record with more than {@code maxFields} fields is
     * refused as soon as it has them.
     */
    static void stream(String file, String text, int maxFields, Sink sink) throws DataFileException {
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        char delim = delimiter(text);
        List<CsvTable.Field> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int col = 1;
        int fieldLine = 1;
        int fieldCol = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int quoteLine = 0;
        int quoteField = 0;
        int n = text.length();
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                        col += 2;
                        continue;
                    }
                    quoted = false;
                    col++;
                    continue;
                }
                field.append(c);
                if (c == '\n' || c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
                if (field.length() > CsvTable.MAX_FIELD_CHARS) {
                    throw new DataFileException(file, quoteLine, 0, inField(quoteField,
                            Message.of("engine.data.quotedTooLong", Integer.toString(CsvTable.MAX_FIELD_CHARS))));
                }
                continue;
            }
            if (c == '"') {
                if (field.length() > 0 && !field.toString().isBlank() || wasQuoted) {
                    throw new DataFileException(file, line, 0, inField(rec.size() + 1,
                            Message.of("engine.data.quoteInside")));
                }
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
                quoteField = rec.size() + 1;
                field.setLength(0);
                col++;
                continue;
            }
            if (c == delim) {
                rec.add(new CsvTable.Field(field.toString(), fieldLine, fieldCol));
                if (rec.size() > maxFields) {
                    throw new DataFileException(file, line, col, Message.of("engine.data.tooManyFields",
                            Integer.toString(maxFields - 1), Integer.toString(CsvTable.MAX_COLUMNS)));
                }
                field.setLength(0);
                wasQuoted = false;
                col++;
                fieldLine = line;
                fieldCol = col;
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(sink, rec, field, fieldLine, fieldCol, wasQuoted);
                rec.clear();
                field.setLength(0);
                wasQuoted = false;
                line++;
                col = 1;
                fieldLine = line;
                fieldCol = 1;
                continue;
            }
            if (wasQuoted && !Character.isWhitespace(c)) {
                throw new DataFileException(file, line, 0, inField(rec.size() + 1,
                        Message.of("engine.data.afterQuote")));
            }
            field.append(c);
            col++;
            if (field.length() > CsvTable.MAX_FIELD_CHARS) {
                throw new DataFileException(file, fieldLine, 0, inField(rec.size() + 1,
                        Message.of("engine.data.fieldTooLong", Integer.toString(CsvTable.MAX_FIELD_CHARS))));
            }
        }
        if (quoted) {
            throw new DataFileException(file, quoteLine, 0, inField(quoteField,
                    Message.of("engine.data.unclosedQuote")));
        }
        endRecord(sink, rec, field, fieldLine, fieldCol, wasQuoted);
    }

    /**
     * A problem of field {@code n} (1-based) of its line: named by the field, not by the character's place, which
     * beside a CSV file's columns ("line 2, column 4" in a file of three) read as a fourth column.
     */
    private static Message inField(int n, Message why) {
        return Message.of("engine.data.inField", Integer.toString(n), why);
    }

    private static void endRecord(Sink sink, List<CsvTable.Field> rec, StringBuilder field, int line, int col,
                                  boolean wasQuoted) throws DataFileException {
        if (rec.isEmpty() && field.length() == 0 && !wasQuoted) {
            return;  // a blank line
        }
        rec.add(new CsvTable.Field(field.toString(), line, col));
        sink.record(rec);
    }
}
