package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Sentence;

/**
 * Moves the cursor through a recorded trace: Step Into / Over / Back, jump to a timestep, Restart, forward or
 * backward mode, and Continue to the next breakpoint, either at once or animated at a chosen speed with Pause.
 * Stepping back costs nothing: every position is already in the trace. The breakpoint search runs on the worker.
 */
public final class Stepper {
    /** The slowest animated Continue, in equations per second: slow enough to read each equation aloud. */
    public static final double MIN_SPEED = 0.5;
    /** The fastest animated Continue; beyond it Continue jumps to its stop. */
    public static final double MAX_SPEED = 50;
    /** The speed slider's range: 0 to 1 is MIN_SPEED to MAX_SPEED on a logarithmic scale, the rest jumps. */
    public static final double SLIDER_MAX = 1.1;

    private final ResourceBundle i18n;
    private final DebuggerWorker worker;
    private final Sentence status;
    private final ReadOnlyObjectWrapper<Cursor> cursor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper hitBreakpoint = new ReadOnlyIntegerWrapper(-1);
    private final DoubleProperty speed = new SimpleDoubleProperty(DebuggerViewModel.INSTANT);
    private final DoubleProperty speedPosition = new SimpleDoubleProperty(SLIDER_MAX);
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("");
    private boolean syncingSpeed;
    private final ObservableList<Breakpoint> breakpoints = FXCollections.observableArrayList();
    private final Sentence breakpointError = new Sentence();

    private Trace trace;
    private Navigator nav;
    private BreakpointSearch.Hit target;
    private int targetDir;
    private long lastPulse;
    private double budget;
    private long searchGeneration;

    Stepper(ResourceBundle i18n, DebuggerWorker worker, Sentence status) {
        this.i18n = i18n;
        this.worker = worker;
        this.status = status;
        speed.addListener((o, a, b) -> syncSpeed(() -> speedPosition.set(positionOf(b.doubleValue()))));
        speedPosition.addListener((o, a, b) -> syncSpeed(() -> speed.set(speedAt(b.doubleValue()))));
        speedText.set(speedLabel(speed.get()));
    }

    private void syncSpeed(Runnable r) {
        if (!syncingSpeed) {
            syncingSpeed = true;
            try {
                r.run();
            } finally {
                syncingSpeed = false;
            }
        }
        speedText.set(speedLabel(speed.get()));
    }

    /**
     * The speed at a slider position: 0 to 1 runs from {@link #MIN_SPEED} to {@link #MAX_SPEED} on a logarithmic
     * scale (each tenth of the slider is the same factor, about 1.6), and the far right jumps to the stop.
     */
    public static double speedAt(double position) {
        if (position >= (1 + SLIDER_MAX) / 2) {
            return DebuggerViewModel.INSTANT;
        }
        double p = Math.max(0, Math.min(1, position));
        return MIN_SPEED * Math.pow(MAX_SPEED / MIN_SPEED, p);
    }

    /** The slider position of a speed (the inverse of {@link #speedAt}). */
    public static double positionOf(double speed) {
        if (speed >= DebuggerViewModel.INSTANT) {
            return SLIDER_MAX;
        }
        double s = Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed));
        return Math.log(s / MIN_SPEED) / Math.log(MAX_SPEED / MIN_SPEED);
    }

    private String speedLabel(double s) {
        return s >= DebuggerViewModel.INSTANT ? i18n.getString("debugger.speed.instant")
                : I18n.format(i18n, "debugger.speed.value", s < 10
                        ? String.format(java.util.Locale.ROOT, "%.1f", s) : Long.toString(Math.round(s)));
    }

    public ReadOnlyObjectProperty<Cursor> cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** True while Continue is animating towards its stop. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The index of the breakpoint the cursor stopped at, or -1. */
    public ReadOnlyIntegerProperty hitBreakpointProperty() {
        return hitBreakpoint.getReadOnlyProperty();
    }

    /** Continue's speed in equations per second; {@link DebuggerViewModel#INSTANT} or more jumps at once. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The speed as a slider position, 0 to {@link #SLIDER_MAX} (see {@link #speedAt}); kept equal to the speed. */
    public DoubleProperty speedPositionProperty() {
        return speedPosition;
    }

    /**
     * Debug ▸ Faster (+1) or Slower (−1): the speed slider a tenth further (a factor of about 1.6), from its nearest
     * tenth; the status line says the speed, since the slider may be folded into the tool bar's overflow.
     */
    public void changeSpeed(int direction) {
        double tenths = Math.round(speedPosition.get() * 10) + Integer.signum(direction);
        speedPosition.set(Math.max(0, Math.min(SLIDER_MAX, tenths / 10)));
        String now = speedLabel(speed.get());
        status.say(() -> I18n.format(i18n, "debugger.status.speed", now));
    }

    /** The speed as shown next to the slider: "2 equations/s", or "at once". */
    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    public ObservableList<Breakpoint> breakpoints() {
        return breakpoints;
    }

    public ReadOnlyStringProperty breakpointErrorProperty() {
        return breakpointError.textProperty();
    }

    public Navigator navigator() {
        return nav;
    }

    /** Shows a new trace, keeping the cursor's place as far as the new shape allows. */
    void attach(Trace tr, Direction direction) {
        stop();
        trace = tr;
        nav = new Navigator(tr.cell(), tr.steps(), tr.layers(), direction);
        Cursor old = cursor.get();
        cursor.set(old == null ? nav.first() : nav.adopt(old));
    }

    private boolean ready() {
        return nav != null;
    }

    private void move(Cursor c) {
        stop();
        hitBreakpoint.set(-1);
        cursor.set(c);
        status.say(describing(c));
    }

    public void stepInto() {
        if (ready()) {
            move(nav.next(cursor.get()));
        }
    }

    public void stepOver() {
        if (ready()) {
            move(nav.nextStep(cursor.get()));
        }
    }

    public void stepBack() {
        if (ready()) {
            move(nav.previous(cursor.get()));
        }
    }

    public void stepBackOver() {
        if (ready()) {
            move(nav.previousStep(cursor.get()));
        }
    }

    /** Goes to a position of the current trace (ignored if it is not one). */
    public void goTo(Cursor c) {
        if (ready() && c.direction() == nav.direction() && c.t() >= 0 && c.t() < nav.steps() && c.layer() >= 0
                && c.layer() < nav.layers() && c.equation() >= 0 && c.equation() < nav.equations().size()) {
            move(c);
        }
    }

    public void restart() {
        if (ready()) {
            move(nav.first());
        }
    }

    /** Jumps to timestep {@code text} as the UI counts (from 1); returns an error message, or null. */
    public String jumpTo(String text) {
        Supplier<String> why = jump(text);
        return why == null ? null : why.get();
    }

    /** As {@link #jumpTo(String)}; returns how to write why it cannot jump (in the bundle's language then), or null. */
    Supplier<String> jump(String text) {
        if (!ready()) {
            return null;
        }
        String s = text.strip();
        int t;
        try {
            t = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return () -> I18n.format(i18n, "debugger.error.notInteger", s);
        }
        int steps = nav.steps();
        if (t < 1 || t > steps) {
            return () -> I18n.format(i18n, "debugger.error.range", 1, steps);
        }
        move(nav.jumpTo(cursor.get(), t - 1));
        return null;
    }

    /** Switches between the forward pass and backpropagation through time; backward starts at the last step. */
    public void setDirection(Direction d) {
        if (!ready() || nav.direction() == d) {
            return;
        }
        nav = new Navigator(trace.cell(), trace.steps(), trace.layers(), d);
        move(nav.first());
    }

    public Direction direction() {
        return nav == null ? Direction.FORWARD : nav.direction();
    }

    // ------------------------------------------------------------------------------------------------ breakpoints

    /**
     * Adds a breakpoint; returns the message to show next to the field, or null. A condition that parses to the same
     * expression as one already in the list ({@code f[0]<0.2} and {@code f[0] < 0.2}) is refused, naming it.
     */
    public String addBreakpoint(String text) {
        try {
            Breakpoint b = Breakpoint.parse(text);
            for (int i = 0; i < breakpoints.size(); i++) {
                if (breakpoints.get(i).expr().equals(b.expr())) {
                    int number = i + 1;
                    String typed = b.text();
                    breakpointError.say(() -> I18n.format(i18n, "debugger.error.breakpointTwice", typed, number));
                    return breakpointError.get();
                }
            }
            breakpoints.add(b);
            breakpointError.say(() -> "");
            return null;
        } catch (ExprError e) {
            breakpointError.say(() -> ExprMessages.of(i18n, e));
            return breakpointError.get();
        }
    }

    public void removeBreakpoint(int index) {
        if (index >= 0 && index < breakpoints.size()) {
            breakpoints.remove(index);
        }
    }

    public void setBreakpointEnabled(int index, boolean on) {
        breakpoints.set(index, breakpoints.get(index).withEnabled(on));
    }

    /** Continue (forward in stepping order) to the next breakpoint or the end. */
    public void continueRun() {
        search(+1);
    }

    /** Continue backwards in stepping order to the previous breakpoint or the start. */
    public void continueBack() {
        search(-1);
    }

    private void search(int dir) {
        if (!ready()) {
            return;
        }
        stop();
        Trace tr = trace;
        Navigator n = nav;
        Cursor from = cursor.get();
        List<Breakpoint> bps = List.copyOf(breakpoints);
        long gen = ++searchGeneration;
        running.set(true);
        worker.submit(p -> dir > 0 ? BreakpointSearch.next(tr, n, from, bps) : BreakpointSearch.previous(tr, n, from,
                bps), r -> {
                    if (gen == searchGeneration && tr == trace && n == nav) {
                        found(r, dir);
                    }
                }, e -> running.set(false));
    }

    private void found(BreakpointSearch.Result r, int dir) {
        if (!r.failures().isEmpty()) {
            BreakpointSearch.Failure f = r.failures().get(0);
            String text = breakpoints.get(f.breakpoint()).text();
            breakpointError.say(() -> I18n.format(i18n, "debugger.breakpoint.failed", text,
                    ExprMessages.of(i18n, f.error())));
        }
        target = r.hit();
        targetDir = dir;
        budget = 0;
        lastPulse = 0;
        if (speed.get() >= DebuggerViewModel.INSTANT) {
            arrive();
        }
    }

    /** Advances a running Continue by as many equations as its speed allows since the last frame. */
    void pulse(long nanos) {
        if (target == null || !running.get()) {
            return;
        }
        if (lastPulse == 0) {
            lastPulse = nanos;
            budget = 1;
        }
        budget += (nanos - lastPulse) / 1e9 * speed.get();
        lastPulse = nanos;
        int n = (int) budget;
        if (n <= 0) {
            return;
        }
        budget -= n;
        int goal = nav.index(target.cursor());
        int now = nav.index(cursor.get());
        int next = targetDir > 0 ? Math.min(goal, now + n) : Math.max(goal, now - n);
        if (next == goal) {
            arrive();
        } else {
            Cursor c = nav.at(next);
            cursor.set(c);
            double s = speed.get();
            Supplier<String> at = describing(c);
            status.say(() -> I18n.format(i18n, "debugger.status.running", speedLabel(s), at.get()));
        }
    }

    private void arrive() {
        BreakpointSearch.Hit hit = target;
        target = null;
        running.set(false);
        cursor.set(hit.cursor());
        hitBreakpoint.set(hit.breakpoint());
        if (hit.breakpoint() >= 0) {
            int number = hit.breakpoint() + 1;
            String text = breakpoints.get(hit.breakpoint()).text();
            Supplier<String> at = describing(hit.cursor());
            status.say(() -> I18n.format(i18n, "debugger.status.breakpoint", number, text, at.get()));
        } else {
            String key = targetDir > 0 ? "debugger.status.end" : "debugger.status.start";
            Supplier<String> at = describing(hit.cursor());
            status.say(() -> I18n.format(i18n, key, at.get()));
        }
    }

    /** Pause: stops a running Continue where it is, and the status line says where. */
    public void pause() {
        boolean was = running.get();
        stop();
        if (was && cursor.get() != null) {
            Supplier<String> at = describing(cursor.get());
            status.say(() -> I18n.format(i18n, "debugger.status.paused", at.get()));
        }
    }

    /** Stops a running Continue, or forgets a search in flight, without a word (a new trace, another move). */
    void stop() {
        searchGeneration++;
        target = null;
        running.set(false);
    }

    /**
     * Writes where {@code c} is, "t = 5, layer 0, forget gate", in the bundle's language at the time of asking (its
     * equation fixed now).
     */
    private Supplier<String> describing(Cursor c) {
        String id = nav.equations().get(c.equation()).id();
        return () -> I18n.format(i18n, "debugger.status.at", c.t() + 1, c.layer(),
                i18n.getString("debugger.eq." + id));
    }

    /** After View ▸ Language: the speed next to the slider and the breakpoint field's message, in the new one. */
    void relabel() {
        speedText.set(speedLabel(speed.get()));
        breakpointError.relabel();
    }
}
