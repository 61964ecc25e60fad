package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Sentence;

/**
 * What the debugger shows at the cursor, made again whenever the cursor, the followed unit or the trace changes:
 * the equation with its numbers, the sample's story, the watches' values, the position fields, and a revision
 * count that the views redraw on.
 */
final class CursorView {
    private final ResourceBundle i18n;
    private final Stepper stepper;
    private final CursorFields fields;
    private final WatchList watches;
    private final Supplier<Workspace> workspace;
    private final ReadOnlyObjectWrapper<TraceJob.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper story = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Substitution> substitution = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private final Sentence watchError = new Sentence();
    private SampleStory sampleStory;
    private boolean publishing;

    CursorView(ResourceBundle i18n, DebuggerWorker worker, Stepper stepper, Supplier<Workspace> workspace) {
        this.i18n = i18n;
        this.stepper = stepper;
        this.workspace = workspace;
        this.watches = new WatchList(i18n, worker);
        this.fields = new CursorFields(i18n, stepper, this::trace);
        stepper.cursorProperty().addListener((o, a, b) -> update());
        fields.unitProperty().addListener((o, a, b) -> update());
    }

    ReadOnlyObjectProperty<TraceJob.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    Trace trace() {
        return result.get() == null ? null : result.get().trace();
    }

    CursorFields fields() {
        return fields;
    }

    ReadOnlyStringProperty storyProperty() {
        return story.getReadOnlyProperty();
    }

    List<String> inputSymbols() {
        return sampleStory == null ? List.of() : sampleStory.symbols();
    }

    ReadOnlyObjectProperty<Substitution> substitutionProperty() {
        return substitution.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    ObservableList<WatchRow> watches() {
        return watches.rows();
    }

    ReadOnlyStringProperty watchErrorProperty() {
        return watchError.textProperty();
    }

    /** Shows a new trace: the stepper keeps its direction, the fields fit its sizes; returns the status line. */
    java.util.function.Supplier<String> publish(TraceJob.Result r) {
        Trace tr = r.trace();
        fields.fit(tr);
        Cursor c = stepper.cursorProperty().get();
        Direction dir = c == null ? Direction.FORWARD : c.direction();
        sampleStory = SampleStory.of(workspace.get(), r);
        publishing = true;
        try {
            stepper.attach(tr, dir);
            result.set(r);
        } finally {
            publishing = false;
        }
        update();
        int steps = tr.steps();
        double loss = r.loss();
        return () -> I18n.format(i18n, "debugger.status.traced", steps, Numbers.display(loss));
    }

    /** Tells views attached after the trace was made what is on show, as if it had just changed. */
    void republish() {
        TraceJob.Result r = result.get();
        if (r != null) {
            result.set(null);
            result.set(r);
        }
        update();  // the position line again, in the bundle's language now
        watchError.relabel();
    }

    /** Adds a watch; returns the message to show next to the field, or null. */
    String addWatch(String text) {
        java.util.function.Supplier<String> sentence = watches.add(text);
        watchError.say(sentence == null ? () -> "" : sentence);
        String error = sentence == null ? null : watchError.get();
        if (error == null) {
            update();
        }
        return error;
    }

    void removeWatch(int index) {
        watches.remove(index);
    }

    /** Makes everything shown at the cursor again and counts a revision. */
    void update() {
        if (publishing) {
            return;
        }
        Trace tr = trace();
        Cursor c = stepper.cursorProperty().get();
        if (tr == null || c == null) {
            substitution.set(null);
            revision.set(revision.get() + 1);
            return;
        }
        Equation eq = stepper.navigator().equations().get(c.equation());
        int unit = fields.unitProperty().get();
        fields.update(tr, c, eq);
        story.set(sampleStory.line(i18n, c.t()));
        substitution.set(SubstitutionBuilder.build(tr, c, unit, eq, sampleStory.symbols(),
                sampleStory.columns()));
        watches.update(tr, c, unit);
        revision.set(revision.get() + 1);
    }
}
