package org.lstmlab.ui.help;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.lstmlab.ui.common.LatexView;

/**
 * A user guide's Markdown as JavaFX nodes (see {@link Markdown}); styled by help.css. Pictures and maths are
 * images; a link to another guide calls {@code follow} with its file name.
 */
final class MarkdownView extends VBox {
    private final String base;
    private final Consumer<String> follow;

    /**
     * @param base   the class-path folder of the page, e.g. {@code /org/lstmlab/docs/zh/}, for its pictures
     * @param follow what a link to another {@code .md} page does
     */
    MarkdownView(String text, String base, Consumer<String> follow) {
        this.base = base;
        this.follow = follow;
        getStyleClass().add("markdown");
        setSpacing(8);
        setPadding(new Insets(12, 18, 18, 18));
        for (Markdown.Block b : Markdown.parse(text)) {
            getChildren().add(node(b));
        }
    }

    private Node node(Markdown.Block block) {
        if (block instanceof Markdown.Heading h) {
            return styled(flow(h.text()), "h" + Math.min(h.level(), 3));
        } else if (block instanceof Markdown.Paragraph p) {
            return flow(p.text());
        } else if (block instanceof Markdown.Item it) {
            TextFlow f = flow(it.text());
            f.getChildren().add(0, new Text(it.number() > 0 ? it.number() + ".  " : "•  "));
            f.setPadding(new Insets(0, 0, 0, 14 + 18 * it.depth()));
            return f;
        } else if (block instanceof Markdown.Code c) {
            Label l = new Label(c.text());
            l.getStyleClass().add("code-block");
            l.setMaxWidth(Double.MAX_VALUE);
            l.setWrapText(true);  // a page narrower than a line (the zoom) wraps it rather than cutting it
            l.setMinHeight(Region.USE_PREF_SIZE);
            return l;
        } else if (block instanceof Markdown.Maths m) {
            return maths(m.latex(), 17f);
        } else if (block instanceof Markdown.Table t) {
            return table(t.rows());
        } else if (block instanceof Markdown.Picture p) {
            return picture(p);
        } else {
            return styled(flow(((Markdown.Quote) block).text()), "quote");
        }
    }

    private TextFlow flow(String text) {
        TextFlow f = new TextFlow();
        for (Markdown.Span s : Markdown.spans(text)) {
            switch (s.style()) {
                case MATHS -> f.getChildren().add(maths(s.text(), 14f));
                case LINK -> f.getChildren().add(link(s));
                default -> {
                    Text t = new Text(s.text());
                    t.getStyleClass().addAll("md-text", "md-" + s.style().name().toLowerCase(java.util.Locale.ROOT));
                    f.getChildren().add(t);
                }
            }
        }
        return f;
    }

    private Node link(Markdown.Span s) {
        String target = s.target();
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        if (file.endsWith(".md") && !file.contains("://")) {
            Hyperlink h = new Hyperlink(s.text());
            h.setOnAction(e -> follow.accept(file.substring(file.lastIndexOf('/') + 1)));
            return h;
        }
        Text t = new Text(s.text() + (file.isEmpty() ? "" : " (" + target + ")"));
        t.getStyleClass().addAll("md-text", "md-link");
        return t;
    }

    private static Node maths(String latex, float size) {
        try {
            return new LatexView(latex, size);  // sharp at any zoom
        } catch (RuntimeException e) {  // JLaTeXMath refuses it: show the source rather than nothing
            Text t = new Text(latex);
            t.getStyleClass().addAll("md-text", "md-code");
            return t;
        }
    }

    private Node table(List<List<String>> rows) {
        GridPane g = new GridPane();
        g.getStyleClass().add("md-table");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                TextFlow cell = flow(rows.get(r).get(c));
                cell.getStyleClass().add(r == 0 ? "md-th" : "md-td");
                cell.setMaxWidth(360);
                g.add(cell, c, r);
            }
        }
        return g;
    }

    private Node picture(Markdown.Picture p) {
        String path = URI.create(base).resolve(p.path()).normalize().toString();
        try (InputStream in = MarkdownView.class.getResourceAsStream(path)) {
            if (in != null) {
                return new Fitted(new Image(in));
            }
        } catch (java.io.IOException e) {
            // shown as its caption below
        }
        return styled(new Label("[" + p.alt() + "]"), "quote");
    }

    private static <T extends Node> T styled(T node, String style) {
        node.getStyleClass().add(style);
        return node;
    }

    /**
     * A picture at its own width, 760 px at most, or narrower when the page is (a small window, the zoom): then the
     * text beside it wraps to the window instead of running past its edge.
     */
    private static final class Fitted extends Region {
        private final ImageView view;
        private final double natural;

        Fitted(Image image) {
            view = new ImageView(image);
            view.setPreserveRatio(true);
            natural = Math.min(760, image.getWidth());
            getChildren().add(view);
        }

        private double height(double width) {
            Image image = view.getImage();
            return image.getWidth() <= 0 ? 0 : Math.min(natural, width) * image.getHeight() / image.getWidth();
        }

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected double computePrefWidth(double height) {
            return natural;
        }

        @Override
        protected double computePrefHeight(double width) {
            return height(width < 0 ? natural : width);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            view.setFitWidth(Math.min(natural, getWidth()));
            view.relocate(0, 0);
        }
    }
}
