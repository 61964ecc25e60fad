package org.lstmlab.ui.help;

import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.LatexView;
import org.lstmlab.ui.common.PngSaving;

/**
 * A user guide's Markdown as JavaFX nodes (see {@link Markdown}); styled by help.css. Pictures and maths are
 * images; a link to another page the window can show calls {@code follow} with its class-path path, a link to a
 * heading of the page scrolls to it.
 */
final class MarkdownView extends VBox {
    private final String base;
    private final Predicate<String> opens;
    private final Consumer<String> follow;
    private final Set<String> anchors = new HashSet<>();
    private final Map<String, Node> headings = new HashMap<>();
    private final Web web;

    /** Where a web link goes ({@link GuideLink.Kind#WEB}), and the labels of its tooltip and menu. */
    record Web(Browser browser, ResourceBundle labels) {
    }

    /**
     * @param base   the class-path folder of the page, e.g. {@code /org/lstmlab/docs/zh/}, for its pictures
     * @param opens  whether the window can show the {@code .md} page at a class-path path
     * @param follow what a link to such a page does, given its class-path path
     * @param web    the browser a web link opens in, and the labels of its tooltip and menu
     */
    MarkdownView(String text, String base, Predicate<String> opens, Consumer<String> follow, Web web) {
        this.base = base;
        this.web = web;
        this.opens = opens;
        this.follow = follow;
        getStyleClass().add("markdown");
        setSpacing(8);
        setPadding(new Insets(12, 18, 18, 18));
        List<Markdown.Block> blocks = Markdown.parse(text);
        for (Markdown.Block b : blocks) {
            if (b instanceof Markdown.Heading h) {
                anchors.add(anchor(h.text()));
            }
        }
        for (Markdown.Block b : blocks) {
            Node n = node(b);
            if (b instanceof Markdown.Heading h) {
                headings.putIfAbsent(anchor(h.text()), n);
            }
            getChildren().add(n);
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
                case LINK -> f.getChildren().addAll(link(s));
                default -> {
                    Text t = new Text(s.text());
                    t.getStyleClass().addAll("md-text", "md-" + s.style().name().toLowerCase(java.util.Locale.ROOT));
                    f.getChildren().add(t);
                }
            }
        }
        return f;
    }

    /**
     * A link ({@link GuideLink}): to a heading of this page, or to a page the window can show, a Hyperlink; to a web
     * address, a Hyperlink that opens it in the system's browser, its address in its tooltip and a right-click menu
     * to copy it; to anything else, its words and, in code type, where it is, since a click could open nothing.
     */
    private List<Node> link(Markdown.Span s) {
        GuideLink link = GuideLink.of(s.text(), s.target(), base, anchors, opens);
        return switch (link.kind()) {
            case HEADING -> List.of(hyperlink(link.words(), () -> jump(link.target())));
            case PAGE -> List.of(hyperlink(link.words(), () -> follow.accept(link.target())));
            case WEB -> List.of(web(link));
            case WORDS -> List.of(styledText(link.words(), "md-plain"));
            case PLACE -> link.wordsNameThePlace() ? List.of(styledText(link.target(), "md-code"))
                    : List.of(styledText(link.words() + " (", "md-plain"), styledText(link.target(), "md-code"),
                            styledText(")", "md-plain"));
        };
    }

    private Hyperlink web(GuideLink link) {
        Hyperlink h = hyperlink(link.words(), () -> web.browser().open(link.target()));
        h.getStyleClass().add("web-link");
        h.setTooltip(new Tooltip(I18n.format(web.labels(), "guide.link.opens", link.target())));
        h.setContextMenu(new ContextMenu(PngSaving.item(web.labels(), "guide.link.copy",
                () -> PngSaving.copy(link.target()))));
        return h;
    }

    private static Hyperlink hyperlink(String words, Runnable action) {
        Hyperlink h = new Hyperlink(words);
        h.setOnAction(e -> action.run());
        return h;
    }

    private static Text styledText(String text, String style) {
        Text t = new Text(text);
        t.getStyleClass().addAll("md-text", style);
        return t;
    }

    /** GitHub's anchor of a heading: lower case, spaces to hyphens, punctuation dropped. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    /** Scrolls the page's scroll pane to the heading with that anchor. */
    void jump(String anchor) {
        Node heading = headings.get(anchor);
        Parent p = getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (heading != null && p instanceof ScrollPane pane) {
            double room = getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(room <= 0 ? 0 : Math.min(1, heading.getBoundsInParent().getMinY() / room));
        }
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
